package ardoise.server;

import ardoise.config.Setting;
import ardoise.http.ConnectionGate;
import ardoise.http.Routes;
import ardoise.pad.PadRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One event loop of the server: it hosts one shard of the pads (its registry and those pads live
 * on this verticle's context, so pad code needs no locks) and serves HTTP and WebSockets. Every
 * loop listens on the same port and Vert.x hands each new connection to the next one. A session
 * runs on the loop that accepted its socket, wherever its pad lives ({@link ardoise.pad.PadShards}).
 */
final class ServerLoop extends VerticleBase {
  private static final long CLOSE_TIMEOUT_MILLIS = 8000;

  private final ServerWide wide;
  private PadRegistry registry;
  private Routes routes;
  private HttpServer server;
  private long eventLoopProbe;

  ServerLoop(ServerWide wide) {
    this.wide = wide;
  }

  /** Installs this loop's shard of pads, then listens. */
  @Override
  public Future<?> start() {
    registry = new PadRegistry(wide.http.store(), wide.padSettings, context, wide.shards.held());
    registry.passwordTriesPerMinute(wide.config.integer(ardoise.config.Setting.PASSWORD_TRIES_PER_MINUTE));
    registry.commitTimings(wide.metrics);
    wide.shards.install(registry);
    eventLoopProbe = wide.metrics.watchEventLoop(vertx, context);
    routes = Routes.create(vertx, wide.http);
    int maxMessage = wide.config.maxMessageBytes() * 4; // above this the transport closes with 1009
    ConnectionGate gate = new ConnectionGate(vertx, wide.connections, wide.capLogged,
        wide.config.integer(Setting.MAX_CONNECTIONS),
        wide.config.integer(Setting.REQUEST_HEADER_TIMEOUT_SECONDS) * 1000L,
        wide.config.integer(Setting.REQUEST_BODY_TIMEOUT_SECONDS) * 1000L);
    // No cleartext HTTP/2 (browsers speak it only over TLS): Vert.x would wait for a connection's
    // first bytes to tell, and a silent socket would never reach the gate's deadline.
    boolean compress = wide.config.integer(Setting.WEBSOCKET_COMPRESSION) == 1;
    // Strict thread mode: every request is answered on its connection's event loop, so Vert.x
    // writes directly instead of through a cross-thread queue (about 4.7 KiB per connection, kept
    // for the life of a WebSocket).
    server = vertx.createHttpServer(DynamicCompression.on(new HttpServerOptions()).setStrictThreadMode(true)
        .setMaxWebSocketMessageSize(maxMessage)
            .setMaxWebSocketFrameSize(maxMessage).setHttp2ClearTextEnabled(false)
            .setPerMessageWebSocketCompressionSupported(compress).setPerFrameWebSocketCompressionSupported(compress))
        .connectionHandler(gate::connected)
        .requestHandler(gate.front(routes.router()));
    // Port 0 would give each loop its own free port; a negative port is Vert.x's "one free port
    // shared by every server that asks for this same negative number".
    int port = wide.config.port() == 0 ? -1 : wide.config.port();
    return server.listen(port, wide.config.host()).onSuccess(s -> wide.listening(s.actualPort()));
  }

  /**
   * Closes this loop's sockets with a close frame, then stores what this loop's pads still hold and
   * stops listening. (Members of these pads on other loops are closed by their own loop; an op
   * they send meanwhile is refused with store-unavailable, kept by the editor and resent.)
   */
  @Override
  public Future<?> stop() {
    wide.http.health().stopping();
    routes.closeSockets();
    vertx.cancelTimer(eventLoopProbe);
    return registry.closeAll(CLOSE_TIMEOUT_MILLIS).eventually(() -> server.close());
  }
}
