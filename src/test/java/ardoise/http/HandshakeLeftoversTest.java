package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.testing.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An open WebSocket no longer keeps the HTTP request it was upgraded from: its routing context and
 * its HTTP connection object are collected while the socket stays open and keeps working.
 */
class HandshakeLeftoversTest {
  private Vertx vertx;
  private int port;
  private volatile WeakReference<RoutingContext> upgradeContext;
  private volatile WeakReference<HttpConnection> httpConnection;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    loop.runOnContext(v -> {
      Router router = Router.router(vertx);
      router.route("/ws").handler(this::upgrade);
      vertx.createHttpServer(new HttpServerOptions().setStrictThreadMode(true)).requestHandler(router)
          .listen(0, "127.0.0.1").onComplete(r -> {
            if (r.succeeded()) listening.complete(r.result().actualPort());
            else listening.completeExceptionally(r.cause());
          });
    });
    port = listening.get(30, TimeUnit.SECONDS);
  }

  /** Upgrades as the pad route does, keeping only weak references to what the upgrade came from. */
  private void upgrade(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    upgradeContext = new WeakReference<>(ctx);
    httpConnection = new WeakReference<>(connection);
    ctx.request().toWebSocket().onSuccess(ws -> {
      HandshakeLeftovers.release(connection);
      ws.textMessageHandler(text -> ws.writeTextMessage("echo " + text));
    });
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void theUpgradeRequestIsCollectedWhileItsSocketStaysOpen() throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    // Held in a variable: Vert.x closes a client that is no longer referenced.
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket ws = client.connect(port, "127.0.0.1", "/ws")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    ws.textMessageHandler(received::add);
    ws.writeTextMessage("before");
    assertEquals("echo before", received.poll(30, TimeUnit.SECONDS));

    Eventually.until("the upgrade's routing context and HTTP connection are collected", () -> {
      System.gc();
      return upgradeContext.get() == null && httpConnection.get() == null;
    }, () -> "routing context " + (upgradeContext.get() == null ? "collected" : "kept")
        + ", HTTP connection " + (httpConnection.get() == null ? "collected" : "kept"));

    ws.writeTextMessage("after");
    assertEquals("echo after", received.poll(30, TimeUnit.SECONDS));
    client.close();
  }
}
