package ardoise.http;

import ardoise.config.Config;
import ardoise.pad.PadRegistry;
import ardoise.pad.PadSettings;
import ardoise.protocol.ErrorCode;
import ardoise.protocol.Frames;
import ardoise.protocol.Session;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HTTP and WebSocket server on one event loop. A server runs one instance per event loop
 * ({@link ardoise.App}); they listen on the same port (Vert.x hands each new connection to the next
 * one) and share a {@link ServerWide}. Instance {@code index} owns shard {@code index} of the pads:
 * its registry and those pads live on this verticle's context, so the pad code needs no locks.
 * A connection's session runs on the instance that accepted it, wherever its pad lives.
 */
public final class ServerVerticle extends VerticleBase {
  private static final long CLOSE_TIMEOUT_MILLIS = 8000;

  private final Config config;
  private final PadStore store;
  private final ServerWide wide;
  private final int index;
  private final Set<Session> sessions = new HashSet<>();
  private final Frames frames = new Frames();
  private PadRegistry registry;
  private HttpServer server;
  private long eventLoopProbe;

  /** The instance for event loop {@code index} (0 ≤ index < the shard count of {@code wide}). */
  public ServerVerticle(Config config, PadStore store, ServerWide wide, int index) {
    this.config = config;
    this.store = store;
    this.wide = wide;
    this.index = index;
  }

  /** A page route: GET, and HEAD (link checkers and some chat apps probe a link first; the server sends no body). */
  private static io.vertx.ext.web.Route page(Router router, String path) {
    return router.route(path).method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.HEAD);
  }

  private static io.vertx.ext.web.Route pageWithRegex(Router router, String regex) {
    return router.routeWithRegex(regex).method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.HEAD);
  }

  /** Installs this loop's shard of pads and builds the routes; {@link #listen} opens the port. */
  @Override
  public Future<?> start() {
    PadSettings settings = PadSettings.of(config.maxPadChars(), config.maxConnectionsPerPad(),
        config.snapshotEveryOps(), config.idleUnloadSeconds() * 1000L, config.fanoutMicrosPerMember() * 1000L);
    registry = new PadRegistry(wide.meteredStore, settings, context, wide.shards.held());
    wide.shards.install(index, registry);
    eventLoopProbe = wide.metrics.watchEventLoop(vertx, context);
    Pages pages = new Pages("webroot", store);
    Router router = Router.router(vertx);
    router.route().handler(pages::securityHeaders);
    router.get("/health").handler(ctx -> pages.health(ctx, wide.shards.held().ops()));
    router.get("/health/live").handler(wide.health::live);
    router.get("/health/ready").handler(wide.health::ready);
    router.get("/metrics").handler(wide.metrics.scrapeHandler());
    router.get("/api/pads/suggest-name").handler(pages::suggestName);
    page(router, "/").handler(pages::home);
    HistoryRoutes.mount(router, vertx, store, wide.notes, wide.shards, "webroot");
    ShareRoutes share = new ShareRoutes(pages, store, config.publicUrl());
    pageWithRegex(router, "/p/[^/]+/projector").handler(share::projector);
    router.getWithRegex("/p/[^/]+/qr\\.svg").handler(share::padQr);
    router.getWithRegex("/api/pads/[^/]+/links").handler(share::links);
    router.getWithRegex("/r/[^/]+/qr\\.svg").handler(share::readOnlyQr);
    pageWithRegex(router, "/r/[^/]+").handler(share::readOnlyPage);
    page(router, "/p/*").handler(pages::pad);
    router.route("/ws/*").handler(this::upgrade);
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
    router.route().handler(StaticHandler.create("webroot"));
    HttpServerOptions options = new HttpServerOptions()
        .setMaxWebSocketMessageSize(config.maxMessageBytes() * 4) // above this the transport closes with 1009
        .setMaxWebSocketFrameSize(config.maxMessageBytes() * 4);
    server = vertx.createHttpServer(options).requestHandler(router);
    return Future.succeededFuture();
  }

  /**
   * Listens on {@code port}, shared with the other instances (Vert.x spreads connections over
   * them). Port 0 would give each instance its own free port; a negative port is Vert.x's "one free
   * port shared by every server that asks for this same negative number".
   */
  public Future<Integer> listen(int port) {
    io.vertx.core.Promise<Integer> bound = io.vertx.core.Promise.promise();
    context.runOnContext(v -> server.listen(port == 0 ? -1 : port, config.host()).map(HttpServer::actualPort).onComplete(bound));
    return bound.future();
  }

  /** The port actually bound (useful when the configured port is 0). */
  public int port() {
    return server.actualPort();
  }

  private void upgrade(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      Pages.badRequest(ctx, "this address expects a WebSocket connection");
      return;
    }
    String origin = ctx.request().getHeader("Origin");
    String raw = ctx.request().path().substring("/ws/".length());
    FlushBatching.install(ctx.request().connection());
    // Pad names hold no '/', so "r/…" can only be a read-only link.
    if (raw.startsWith("r/")) ctx.request().toWebSocket().onSuccess(ws -> acceptReadOnly(ws, raw.substring(2), origin));
    else ctx.request().toWebSocket().onSuccess(ws -> accept(ws, raw, origin));
  }

  private boolean originAllowed(ServerWebSocket ws, String origin) {
    if (config.publicUrl() != null && !config.publicUrl().equalsIgnoreCase(origin == null ? "" : origin)) {
      refuse(ws, ErrorCode.ORIGIN_NOT_ALLOWED, "connections are only accepted from " + config.publicUrl());
      return false;
    }
    return true;
  }

  /** /ws/r/{readOnlyId}: the pad is looked up first; frames wait (socket paused) meanwhile. */
  private void acceptReadOnly(ServerWebSocket ws, String readOnlyId, String origin) {
    if (!originAllowed(ws, origin)) return;
    if (!ardoise.http.share.ReadOnlyIds.hasShape(readOnlyId)) {
      refuse(ws, ErrorCode.BAD_PAD_NAME, "unknown read-only link");
      return;
    }
    ws.pause();
    store.padOfReadOnlyId(readOnlyId).onComplete(r -> {
      if (r.failed()) {
        refuse(ws, ErrorCode.STORE_UNAVAILABLE, "the read-only link cannot be checked right now; retry");
      } else if (r.result() == null) {
        refuse(ws, ErrorCode.BAD_PAD_NAME, "unknown read-only link");
      } else {
        startSession(ws, r.result(), true);
        ws.resume();
      }
    });
  }

  private void accept(ServerWebSocket ws, String rawPadName, String origin) {
    if (!originAllowed(ws, origin)) return;
    String padId;
    try {
      padId = ardoise.http.PadName.fromPath(rawPadName);
    } catch (PadName.InvalidException e) {
      refuse(ws, ErrorCode.BAD_PAD_NAME, e.getMessage());
      return;
    }
    startSession(ws, padId, false);
  }

  private void startSession(ServerWebSocket ws, String padId, boolean readOnly) {
    Session session = new Session(ws, padId, wide.shards, frames, new Session.Limits(config.maxMessageBytes(),
        config.opsPerSecond(), config.opsBurst(), config.sendQueueLimit()), readOnly, wide.metrics);
    sessions.add(session);
    wide.clients.incrementAndGet();
    session.start(() -> {
      if (sessions.remove(session)) wide.clients.decrementAndGet();
    });
  }

  private void refuse(ServerWebSocket ws, ErrorCode code, String message) {
    ws.writeTextMessage(frames.error(code, message, 0)).onComplete(r -> ws.close(code == ErrorCode.STORE_UNAVAILABLE ? (short) 1011 : (short) 1008, code.code()));
  }

  /**
   * Closes this loop's sockets with a close frame, then stores what this loop's pads still hold and
   * stops listening. (Members of these pads on other loops are closed by their own instance; an op
   * they send meanwhile is refused with store-unavailable, kept by the editor and resent.)
   */
  @Override
  public Future<?> stop() {
    wide.health.stopping();
    for (Session s : List.copyOf(sessions)) s.shutdown();
    wide.clients.addAndGet(-sessions.size());
    sessions.clear();
    vertx.cancelTimer(eventLoopProbe);
    return registry.closeAll(CLOSE_TIMEOUT_MILLIS).eventually(() -> server.close());
  }
}
