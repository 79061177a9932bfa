package ardoise.browser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the browser and the server whose network can be cut for real: {@link #cut()}
 * closes every open connection (pages and WebSockets) and refuses new ones until {@link #restore()},
 * and {@link #blackHole()} keeps connections open but silently drops what flows through them, like a
 * Wi-Fi that stopped answering. The browser loads the page through it, so it sees one origin.
 */
final class CuttableProxy {
  private enum Mode { FORWARD, REFUSE, BLACK_HOLE }

  private final Vertx vertx;
  private final int targetPort;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private final AtomicInteger refused = new AtomicInteger();
  private NetServer server;
  private NetClient client;

  CuttableProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
  }

  /** Listens on a free port of 127.0.0.1; completes with that port. */
  Future<Integer> start() {
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(this::accept);
    return server.listen(0, "127.0.0.1").map(NetServer::actualPort);
  }

  private void accept(NetSocket in) {
    if (mode == Mode.REFUSE) {
      refused.incrementAndGet();
      in.close();
      return;
    }
    in.pause();
    client.connect(targetPort, "127.0.0.1").onComplete(ar -> {
      if (ar.failed() || mode == Mode.REFUSE) {
        in.close();
        if (ar.succeeded()) ar.result().close();
        return;
      }
      NetSocket out = ar.result();
      sockets.add(in);
      sockets.add(out);
      relay(in, out);
      relay(out, in);
      in.resume();
    });
  }

  /** Copies from → to while forwarding; a close on either side closes the other. */
  private void relay(NetSocket from, NetSocket to) {
    from.handler(buffer -> {
      if (mode == Mode.FORWARD) to.write(buffer);
    });
    from.closeHandler(v -> {
      sockets.remove(from);
      to.close();
    });
    from.exceptionHandler(e -> from.close());
  }

  /** Closes every connection and refuses new ones. */
  Future<Void> cut() {
    mode = Mode.REFUSE;
    return closeAll();
  }

  /** How many connections were refused since this proxy started (attempts made while cut). */
  int refusedCount() {
    return refused.get();
  }

  /** Keeps connections open but forwards nothing (a dead link the browser is not told about). */
  void blackHole() {
    mode = Mode.BLACK_HOLE;
  }

  /** Forwards again; connections cut or black-holed before stay dead, new ones work. */
  Future<Void> restore() {
    Mode before = mode;
    mode = Mode.FORWARD;
    // Bytes dropped in a black hole left those streams corrupt: they must not come back to life.
    return before == Mode.BLACK_HOLE ? closeAll() : Future.succeededFuture();
  }

  private Future<Void> closeAll() {
    List<Future<Void>> closing = new ArrayList<>();
    for (NetSocket socket : List.copyOf(sockets)) closing.add(socket.close());
    sockets.clear();
    return Future.join(closing).mapEmpty();
  }

  Future<Void> close() {
    mode = Mode.REFUSE;
    return closeAll().eventually(() -> server.close()).eventually(() -> client.close());
  }
}
