package ardoise.server;

import ardoise.config.Config;
import ardoise.store.InMemoryPadStore;
import ardoise.store.PadStore;
import ardoise.testing.ThreadDump;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A real server on a free port, a shared in-memory store, and Vert.x clients kept in fields. */
public final class ServerFixture implements AutoCloseable {
  private static final AtomicInteger IDS = new AtomicInteger();

  public final PadStore store;
  public final Server app;
  private final Vertx clientVertx = Vertx.vertx();
  private final Context clientContext = clientVertx.getOrCreateContext();
  private final WebSocketClient wsClient;
  private final HttpCalls http;
  private final List<WsClient> clients = new ArrayList<>();
  private boolean stopped;

  private ServerFixture(Server app, PadStore store) {
    this.app = app;
    this.store = store;
    this.wsClient = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(64 << 20).setMaxFrameSize(64 << 20));
    this.http = new HttpCalls(app.port());
  }

  /** Test defaults: loopback, any free port, a generous rate limit; {@code env} overrides. */
  public static ServerFixture start(Map<String, String> env) {
    return start(env, new InMemoryPadStore());
  }

  public static ServerFixture start(Map<String, String> env, PadStore store) {
    return start(env, store, NO_LAN);
  }

  /** No LAN interfaces unless a test gives some: links then keep the address the test used. */
  public static final ardoise.http.share.LanAddresses.Source NO_LAN = ardoise.http.share.LanAddresses.fixed(List.of());

  public static ServerFixture start(Map<String, String> env, PadStore store, ardoise.http.share.LanAddresses.Source interfaces) {
    Map<String, String> values = new HashMap<>(Map.of("ARDOISE_PORT", "0", "ARDOISE_HOST", "127.0.0.1",
        "ARDOISE_OPS_PER_SECOND", "100000", "ARDOISE_OPS_BURST", "100000"));
    values.putAll(env);
    Server app = Server.start(Config.fromValues(values), store, interfaces).await();
    return new ServerFixture(app, store);
  }

  /** A server that opens its own store as {@code main} does (ARDOISE_REDIS_URL, else an embedded redis-server). */
  public static ServerFixture startWithItsOwnStore(Map<String, String> env) {
    Map<String, String> values = new HashMap<>(Map.of("ARDOISE_PORT", "0", "ARDOISE_HOST", "127.0.0.1",
        "ARDOISE_OPS_PER_SECOND", "100000", "ARDOISE_OPS_BURST", "100000"));
    values.putAll(env);
    return new ServerFixture(Server.start(Config.fromValues(values)).await(), null);
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

  /**
   * A socket the server refuses at once after the handshake (an error frame, then a close), read
   * over a plain socket: a {@link WsClient} would miss the refusal now and then (see
   * {@link RawWebSocket}). It sends the Origin {@link #connect} sends when given none.
   */
  RawWebSocket.Refusal refusedSocket(String uri) {
    try {
      return RawWebSocket.open(app.port(), uri, RawWebSocket.ownOrigin(app.port()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A connection with these request headers (e.g. X-Forwarded-For behind a trusted proxy). */
  public WsClient connectWith(String uri, Map<String, String> headers) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port()).setURI(uri);
    headers.forEach(o::addHeader);
    WsClient c = new WsClient(wsClient.webSocket(), o);
    clients.add(c);
    return c;
  }

  /** A connection as a program makes it: no Origin header at all. */
  public WsClient connectWithoutOrigin(String uri) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(app.port()).setURI(uri)
        .setAllowOriginHeader(false);
    WsClient c = new WsClient(wsClient.webSocket(), o);
    clients.add(c);
    return c;
  }

  /** A GET answered as (status, headers, body). */
  public Response get(String uri) {
    return request(HttpMethod.GET, uri);
  }

  public Response request(HttpMethod method, String uri) {
    HttpCalls.Answer answer = http.call(method, uri, null, (String) null);
    return new Response(answer.status(), answer.headers(), answer.body());
  }

  public record Response(int status, MultiMap headers, Buffer body) {
    public String header(String name) { return headers.get(name); }
    public String text() { return body.toString(); }
  }

  /** Runs {@code read} with the registry of {@code padId}'s shard, on its context (pad state lives there). */
  public <T> T onPadShard(String padId, java.util.function.Function<ardoise.pad.PadRegistry, T> read) {
    ardoise.pad.PadShards shards = app.shards();
    Promise<T> value = Promise.promise();
    shards.contextOf(padId).runOnContext(v -> value.complete(read.apply(shards.registryOf(padId))));
    return value.future().await();
  }

  public static String newClientId() {
    return "client-" + System.nanoTime() + "-" + IDS.incrementAndGet();
  }

  public void stopServer() {
    if (!stopped) {
      stopped = true;
      app.stop().join(); // a CompletableFuture: Vert.x futures cannot outlive the loops it stops
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
    http.close();
    clientVertx.close();
  }
}
