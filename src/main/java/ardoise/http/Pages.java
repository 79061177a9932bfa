package ardoise.http;

import ardoise.config.Version;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import ardoise.http.assets.AssetRoutes;
import ardoise.http.assets.WebAssets;

/** The HTTP pages and small JSON endpoints: home, pad page, health, name suggestion, security headers. */
final class Pages {
  private final String csp;
  private final AssetRoutes files;
  private final PadStore store;
  private final NameSuggestions names = new NameSuggestions();

  Pages(WebAssets assets, PadStore store) {
    this.csp = ImportMap.contentSecurityPolicy(assets.importMapHashes());
    this.files = new AssetRoutes(assets);
    this.store = store;
  }

  /** Every response carries these, including static files and errors. */
  void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", csp)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer");
    ctx.next();
  }

  /** index.html, with this build's version in its footer. */
  void home(RoutingContext ctx) {
    sendPage(ctx, "index.html");
  }

  /** The editor; behind the {@link PadDoor}. */
  void pad(RoutingContext ctx) {
    sendPage(ctx, "pad.html");
  }

  /**
   * GET /health: 503 while the store is down (the server still serves open pads); {@code heldOps} are
   * accepted, not yet stored; and, when the store tells, its memory ({@code redis.usedMemory},
   * {@code redis.maxMemory} in bytes, 0: no limit).
   */
  void health(RoutingContext ctx, long heldOps) {
    boolean up = store.isAvailable();
    JsonObject body = new JsonObject().put("status", up ? "ok" : "unavailable").put("store", up ? "up" : "down")
        .put("heldOps", heldOps).put("version", Version.current());
    Future<ardoise.store.StoreMemory> memory = up ? store.memory() : Future.succeededFuture(null);
    memory.recover(e -> Future.succeededFuture(null)).onComplete(r -> {
      if (r.result() != null) {
        body.put("redis", new JsonObject().put("usedMemory", r.result().usedBytes()).put("maxMemory", r.result().maxBytes()));
      }
      ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store").end(body.encode());
    });
  }

  void suggestName(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("name", names.next()).encode());
  }

  /**
   * GET /api/pads/{pad}: {"name": the stored name the typed one opens, "exists": whether it was written}.
   * The home page asks before joining, to offer creating the pad or a close one. It tells no more
   * than opening /p/{pad} shows (an empty pad or its text); it lists nothing.
   */
  void padStatus(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    store.exists(padId).onComplete(r -> {
      if (r.failed()) {
        ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be looked up right now; retry");
        return;
      }
      ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("name", padId).put("exists", r.result()).encode());
    });
  }

  /** A page of webroot as rewritten at start ({@link ardoise.http.assets.WebAssets}), revalidated on each use. */
  void sendPage(RoutingContext ctx, String file) {
    files.page(ctx, file);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
