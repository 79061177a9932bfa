package ardoise.http;

import ardoise.http.metrics.MetricsEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import ardoise.config.Version;
import ardoise.http.assets.AssetRoutes;
import ardoise.http.assets.WebAssets;

/**
 * The routes of one event loop. Every request for a pad passes the {@link PadDoor} first, mounted
 * on the four kinds of pad address; the routes behind it read the pad it let through.
 * Thread rule: build and use on its event loop.
 */
public final class Routes {

  private final Router router;
  private final SocketRoute sockets;

  private Routes(Router router, SocketRoute sockets) {
    this.router = router;
    this.sockets = sockets;
  }

  public static Routes create(Vertx vertx, HttpParts parts) {
    Router router = Router.router(vertx);
    WebAssets assets = assets();
    AssetRoutes files = new AssetRoutes(assets);
    Pages pages = new Pages(assets, parts.store());
    ProxyTrust proxies = ProxyTrust.of(parts.config());
    PadDoor door = new PadDoor(parts.store(), parts.misses(), proxies);
    SocketRoute sockets = new SocketRoute(parts.config(), parts);
    ShareRoutes share = new ShareRoutes(vertx, pages, parts.store(), parts.config().publicUrl(), parts.lanAddresses(), proxies);

    RouterErrors.install(router);
    if ("on".equals(parts.config().text(ardoise.config.Setting.ACCESS_LOG))) router.route().handler(new AccessLog(proxies)::handle);
    router.route().handler(pages::securityHeaders);
    router.route().handler(ConnectionGate::refuseIfFull);
    ardoise.http.etherpad.EtherpadApi.mount(router, vertx, parts); // before the guard: see EtherpadApi.mount
    router.route().handler(new CrossSiteGuard(parts.config().publicUrl(), proxies, parts.config().apiKeys())::check);
    router.get("/health").handler(ctx -> pages.health(ctx, parts.shards().held().ops()));
    router.get("/health/live").handler(parts.health()::live);
    router.get("/health/ready").handler(parts.health()::ready);
    if (parts.config().metricsPort() == 0) {
      router.get("/metrics").handler(MetricsEndpoint.create(parts.metrics(), parts.config().metricsToken()));
    }
    router.get("/api/pads/suggest-name").handler(pages::suggestName);
    // Template files are read on a worker (file IO), once.
    Future<Templates> templates = vertx.executeBlocking(() -> Templates.load(parts.config().templatesDir()), false);
    WriteQuotas quotas = new WriteQuotas(parts.quotas(), proxies,
        parts.store());
    Owners owners = new Owners(parts.store(), new NameSuggestions(), parts.config().publicUrl(), parts.shards(), templates,
        OwnerApi.retention(parts.config()), quotas, proxies);
    router.post("/api/pads").handler(CrossSiteGuard.accepting("application/json"));
    router.post("/api/pads").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(owners::create);
    AdminApi.mount(router, vertx, parts);
    ardoise.http.api.ApiV1.mount(router, vertx, parts);
    page(router.route("/")).handler(pages::home);

    // The door: /p/{pad}…, /api/pads/{pad}/…, /ws/{pad}[/projector], /r/{id}…, /ws/r/{id}. Names hold no '/'.
    router.routeWithRegex("/p/[^/]*(/.*)?").handler(door.byName(1));
    router.routeWithRegex("/api/pads/[^/]*(/.*)?").handler(door.byName(2));
    router.routeWithRegex("/r/[^/]*(/qr\\.svg)?").handler(door.byReadOnlyId(1));
    router.routeWithRegex("/ws/r/[^/]*").handler(door.byReadOnlyId(2)).handler(sockets::accept);
    router.routeWithRegex("/ws/(?!r/)[^/]*/projector").handler(door.byName(1)).handler(sockets::accept);
    router.routeWithRegex("/ws/(?!r/)[^/]*").handler(door.byName(1)).handler(sockets::accept);

    HistoryRoutes.mount(router, vertx, parts.store(), parts.store().notes(), parts.shards(), pages,
        parts.config().integer(ardoise.config.Setting.HISTORY_MAX_RESPONSE_BYTES), parts.exports(), templates, quotas,
        parts.config().integer(ardoise.config.Setting.MAX_SAVED_VERSIONS));
    page(router.routeWithRegex("/p/[^/]+/projector")).handler(share::projector);
    router.getWithRegex("/p/[^/]+/qr\\.svg").handler(share::padQr);
    router.getWithRegex("/api/pads/[^/]+/links").handler(share::links);
    router.postWithRegex("/api/pads/[^/]+/claim").handler(owners::claim);
    router.getWithRegex("/api/pads/[^/]+/owner").handler(owners::status);
    OwnerApi.mount(router, vertx, parts, owners);
    router.getWithRegex("/r/[^/]+/qr\\.svg").handler(share::readOnlyQr);
    page(router.routeWithRegex("/r/[^/]+")).handler(share::readOnlyPage);
    page(router.routeWithRegex("/p/[^/]+")).handler(pages::pad);
    router.getWithRegex("/api/pads/[^/]+").handler(pages::padStatus);
    page(router.routeWithRegex("/v/[^/]+/.+")).handler(files::versioned);
    page(router.route("/webjars/*")).handler(files::webJar);
    router.route().handler(files::unversioned);
    router.route().handler(ctx -> ErrorPage.answer(ctx, HttpError.NOT_FOUND, "nothing is served at this address"));
    router.route().failureHandler(Routes::failure);
    return new Routes(router, sockets);
  }

  /**
   * The files the pages load, with the modules the server writes; read on the first call, which
   * blocks (the server makes it on a worker before its event loops start).
   */
  public static WebAssets assets() {
    return WebAssets.shared(java.util.Map.of("/js/export-formats.js", ExportFormatsModule.source()), Version.current());
  }

  /** A page route: GET, and HEAD (link checkers and some chat apps probe a link first; no body is sent). */
  private static Route page(Route route) {
    return route.method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /** A failure no route answered: its status (404 of a missing page file), or a server error; never a stack trace. */
  private static void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (status == 404) {
      ErrorPage.answer(ctx, HttpError.NOT_FOUND, "nothing is served at this address");
    } else if (status >= 400 && status < 500) {
      ErrorPage.answer(ctx, HttpError.BAD_REQUEST, "the request could not be read");
    } else {
      System.getLogger(Routes.class.getName()).log(System.Logger.Level.WARNING, "pad=- client=- request failed: {0}",
          String.valueOf(ctx.failure()));
      ErrorPage.answer(ctx, HttpError.SERVER_ERROR, "the request failed; try again");
    }
  }

  public Router router() {
    return router;
  }

  /** Closes this loop's sockets (server shutdown). */
  public void closeSockets() {
    sockets.closeAll();
  }
}
