package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.testing.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate follows a connection while it owes the server a request, counts it until its socket
 * closes, and lets go of it once it is upgraded to a WebSocket (an idle pad socket must not keep
 * its HTTP connection's memory).
 */
class ConnectionGateTest {
  private Vertx vertx;
  /** The gate's event loop: the server, its connections and every read of the gate run there. */
  private Context loop;
  private final AtomicInteger open = new AtomicInteger();
  private ConnectionGate gate;
  private int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    loop = vertx.getOrCreateContext();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    loop.runOnContext(v -> {
      gate = new ConnectionGate(vertx, open, new AtomicLong(), 100, 30_000, 30_000);
      Router router = Router.router(vertx);
      router.route("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> ConnectionGate.upgraded(ctx)));
      router.route("/plain").handler(ctx -> ctx.response().end("ok"));
      HttpServer server = vertx.createHttpServer(new HttpServerOptions().setStrictThreadMode(true))
          .connectionHandler(gate::connected).requestHandler(gate.front(router));
      server.listen(0, "127.0.0.1").onComplete(r -> {
        if (r.succeeded()) listening.complete(r.result().actualPort());
        else listening.completeExceptionally(r.cause());
      });
    });
    port = listening.get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void anUpgradedConnectionIsCountedUntilItClosesButNoLongerWatched() throws Exception {
    HttpClient http = vertx.createHttpClient();
    String body = http.request(io.vertx.core.http.HttpMethod.GET, port, "127.0.0.1", "/plain")
        .compose(req -> req.send().compose(res -> res.body())).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS).toString();
    assertEquals("ok", body);
    Eventually.until("the kept-alive connection is watched", () -> watched() == 1 && open.get() == 1);

    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = client.connect(port, "127.0.0.1", "/ws").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Eventually.until("the upgraded connection is counted but no longer watched",
        () -> open.get() == 2 && watched() == 1, () -> "open " + open.get() + ", watched " + watched());

    ws.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Eventually.until("the closed WebSocket is no longer counted", () -> open.get() == 1, () -> "open " + open.get());
    http.close();
    Eventually.until("every connection closed", () -> open.get() == 0 && watched() == 0,
        () -> "open " + open.get() + ", watched " + watched());
  }

  /** The gate's map, read on its event loop. */
  private int watched() {
    CompletableFuture<Integer> n = new CompletableFuture<>();
    loop.runOnContext(v -> n.complete(gate.watchedConnections()));
    try {
      return n.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
