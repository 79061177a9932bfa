package ardoise.server;

import ardoise.App;
import ardoise.config.Config;
import ardoise.store.InMemoryPadStore;
import ardoise.store.PadStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A real server on a free port, a shared in-memory store, and Vert.x clients kept in fields. */
public final class ServerFixture implements AutoCloseable {
  private static final AtomicInteger IDS = new AtomicInteger();

  public final PadStore store;
  public final App app;
  private final Vertx clientVertx = Vertx.vertx();
  private final WebSocketClient wsClient;
  private final HttpClient httpClient;
  private final List<WsClient> clients = new ArrayList<>();
  private boolean stopped;

  private ServerFixture(App app, PadStore store) {
    this.app = app;
    this.store = store;
    this.wsClient = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(64 << 20).setMaxFrameSize(64 << 20));
    this.httpClient = clientVertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setKeepAlive(false));
  }

  /** Test defaults: loopback, any free port, a generous rate limit; {@code env} overrides. */
  public static ServerFixture start(Map<String, String> env) {
    return start(env, new InMemoryPadStore());
  }

  public static ServerFixture start(Map<String, String> env, PadStore store) {
    Map<String, String> values = new HashMap<>(Map.of("ARDOISE_PORT", "0", "ARDOISE_HOST", "127.0.0.1",
        "ARDOISE_OPS_PER_SECOND", "100000", "ARDOISE_OPS_BURST", "100000"));
    values.putAll(env);
    App app = WsClient.await(App.start(Config.fromValues(values), store).toCompletionStage().toCompletableFuture());
    return new ServerFixture(app, store);
  }

  public WsClient connect(String padId) {
    return connect("/ws/" + padId, null);
  }

  public WsClient connect(String uri, String origin) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port()).setURI(uri);
    if (origin != null) o.addHeader("Origin", origin);
    WsClient c = new WsClient(wsClient.webSocket(), o);
    clients.add(c);
    return c;
  }

  /** A GET answered as (status, headers, body). */
  public Response get(String uri) {
    return request(HttpMethod.GET, uri);
  }

  public Response request(HttpMethod method, String uri) {
    // The whole chain is built on the client's event loop: registered from the test thread, a late
    // compose(resp -> resp.body()) could run after the body already went by, and the call would hang.
    CompletableFuture<Response> f = new CompletableFuture<>();
    clientVertx.runOnContext(v -> httpClient.request(method, app.port(), "127.0.0.1", uri)
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> new Response(resp, body)))
        .onComplete(r -> {
          if (r.succeeded()) f.complete(r.result());
          else f.completeExceptionally(r.cause());
        }));
    return WsClient.await(f);
  }

  public record Response(HttpClientResponse raw, Buffer body) {
    public int status() { return raw.statusCode(); }
    public String header(String name) { return raw.getHeader(name); }
    public String text() { return body.toString(); }
  }

  /** Runs {@code read} with the registry of {@code padId}'s shard, on its context (pad state lives there). */
  public <T> T onPadShard(String padId, java.util.function.Function<ardoise.pad.PadRegistry, T> read) {
    ardoise.pad.PadShards shards = app.wide().shards();
    CompletableFuture<T> f = new CompletableFuture<>();
    shards.contextOf(padId).runOnContext(v -> f.complete(read.apply(shards.registryOf(padId))));
    return WsClient.await(f);
  }

  public static String newClientId() {
    return "client-" + System.nanoTime() + "-" + IDS.incrementAndGet();
  }

  public void stopServer() {
    if (!stopped) {
      stopped = true;
      WsClient.await(app.stop());
    }
  }

  @Override
  public void close() {
    for (WsClient c : clients) {
      try {
        c.close();
      } catch (Throwable ignored) {
        // already closed by the server
      }
    }
    stopServer();
    clientVertx.close();
  }
}
