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
 * connection whose first request is {@code GET /ws/…}).
 */
final class CountingProxy implements AutoCloseable {
  final AtomicLong httpDown = new AtomicLong();
  final AtomicLong socketDown = new AtomicLong();
  final AtomicLong up = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  private final Vertx vertx = Vertx.vertx();
  private final NetServer server;
  private final NetClient client;

  CountingProxy(String targetHost, int targetPort) {
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
    boolean[] socket = {false};
    boolean[] first = {true};
    browser.handler(data -> {
      if (first[0]) {
        first[0] = false;
        socket[0] = data.getString(0, Math.min(8, data.length()), StandardCharsets.ISO_8859_1.name()).startsWith("GET /ws/");
      }
      if (!socket[0]) requests.addAndGet(countRequests(data));
      up.addAndGet(data.length());
      target.write(data);
    });
    target.handler(data -> {
      (socket[0] ? socketDown : httpDown).addAndGet(data.length());
      browser.write(data);
    });
    browser.closeHandler(v -> target.close());
    target.closeHandler(v -> browser.close());
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
