package ardoise.bench.pageload;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between the browser and the server that counts what crosses it, as the venue's Wi-Fi
 * would carry it: bytes on the wire with their headers, every request, WebSockets apart (a
 * connection whose first request is {@code GET /ws/…}). Optionally it is the phone's link itself
 * ({@link Link}): every connection through one relay shares its bandwidth, and each byte arrives
 * half a round trip after it was sent.
 */
final class CountingProxy implements AutoCloseable {
  final AtomicLong httpDown = new AtomicLong();
  final AtomicLong socketDown = new AtomicLong();
  final AtomicLong up = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final NetClient client;

  /** A phone's link: bytes per second each way, and the round trip. */
  record Link(long downBytesPerSecond, long upBytesPerSecond, long roundTripMillis) {}

  private final Link link;
  /** When each direction of the link is free again (nanoTime), shared by its connections. */
  private long downFreeAt;
  private long upFreeAt;

  CountingProxy(String targetHost, int targetPort) {
    this(targetHost, targetPort, null);
  }

  CountingProxy(String targetHost, int targetPort, Link link) {
    this.link = link;
    client = vertx.createNetClient();
    server = vertx.createNetServer().connectHandler(browser -> {
      browser.pause();
      client.connect(targetPort, targetHost).onComplete(r -> {
        if (r.failed()) {
          browser.close();
          return;
        }
        relay(browser, r.result());
        browser.resume();
      });
    });
  }

  int listen() {
    return server.listen(0, "127.0.0.1").await().actualPort();
  }

  void reset() {
    httpDown.set(0);
    socketDown.set(0);
    up.set(0);
    requests.set(0);
  }

  private void relay(NetSocket browser, NetSocket target) {
    Delivery upQueue = new Delivery(target, false);
    Delivery downQueue = new Delivery(browser, true);
    boolean[] socket = {false};
    boolean[] first = {true};
    browser.handler(data -> {
      if (first[0]) {
        first[0] = false;
        socket[0] = data.getString(0, Math.min(8, data.length()), StandardCharsets.ISO_8859_1.name()).startsWith("GET /ws/");
      }
      if (!socket[0]) requests.addAndGet(countRequests(data));
      up.addAndGet(data.length());
      upQueue.send(data);
    });
    target.handler(data -> {
      (socket[0] ? socketDown : httpDown).addAndGet(data.length());
      downQueue.send(data);
    });
    browser.closeHandler(v -> target.close());
    target.closeHandler(v -> browser.close());
  }

  /** When a chunk sent now arrives: after the link has carried what was before it, and half a round trip. */
  private synchronized long arrival(int bytes, boolean down) {
    long now = System.nanoTime();
    long rate = down ? link.downBytesPerSecond : link.upBytesPerSecond;
    long start = Math.max(now, down ? downFreeAt : upFreeAt);
    long sent = start + bytes * 1_000_000_000L / rate;
    if (down) downFreeAt = sent; else upFreeAt = sent;
    return sent + link.roundTripMillis * 500_000L;
  }

  /** One direction of one connection: chunks written in order, each at its arrival time. */
  private final class Delivery {
    private final NetSocket to;
    private final boolean down;
    private final java.util.ArrayDeque<long[]> times = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Buffer> chunks = new java.util.ArrayDeque<>();
    private boolean scheduled;

    Delivery(NetSocket to, boolean down) {
      this.to = to;
      this.down = down;
    }

    void send(Buffer data) {
      if (link == null) {
        to.write(data);
        return;
      }
      times.add(new long[] {arrival(data.length(), down)});
      chunks.add(data);
      drain();
    }

    private void drain() {
      if (scheduled) return;
      while (!chunks.isEmpty()) {
        long wait = (times.peek()[0] - System.nanoTime()) / 1_000_000L;
        if (wait > 0) {
          scheduled = true;
          vertx.setTimer(wait, id -> {
            scheduled = false;
            drain();
          });
          return;
        }
        times.poll();
        to.write(chunks.poll());
      }
    }
  }

  /** Request lines in a chunk the browser sent (approximate for bodies; our pages send few). */
  private static int countRequests(Buffer data) {
    String text = data.toString(StandardCharsets.ISO_8859_1);
    int n = 0;
    for (String method : new String[] {"GET /", "POST /", "HEAD /", "PATCH /", "PUT /", "DELETE /"}) {
      int at = -1;
      while ((at = text.indexOf(method, at + 1)) >= 0) {
        if (at == 0 || text.charAt(at - 1) == '\n') n++;
      }
    }
    return n;
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
