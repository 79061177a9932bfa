package ardoise.http;

import ardoise.http.share.QrSvg;
import ardoise.http.share.ReadOnlyIds;
import ardoise.http.share.ShareLinks;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sharing a pad: the projector page, the read-only page, the links endpoint and the QR codes.
 * A read-only page never learns the pad's name (that name is its edit link).
 */
final class ShareRoutes {
  private static final System.Logger LOG = System.getLogger(ShareRoutes.class.getName());
  /** QR codes only change with the address: a day in caches (Vary: Host covers the fallback base). */
  private static final String QR_CACHE = "public, max-age=86400";

  private final Pages pages;
  private final PadStore store;
  private final String publicUrl;
  private final ReadOnlyIds ids = new ReadOnlyIds();

  ShareRoutes(Pages pages, PadStore store, String publicUrl) {
    this.pages = pages;
    this.store = store;
    this.publicUrl = publicUrl;
  }

  /** GET /p/{padId}/projector */
  void projector(RoutingContext ctx) {
    if (padId(ctx, "/p/", "/projector") != null) pages.sendPage(ctx, "projector.html");
  }

  /** GET /p/{padId}/qr.svg: the QR code of the pad's edit link (the join link). */
  void padQr(RoutingContext ctx) {
    String padId = padId(ctx, "/p/", "/qr.svg");
    String base = padId == null ? null : base(ctx);
    if (base != null) sendQr(ctx, ShareLinks.of(base, padId, "-").edit());
  }

  /** GET /api/pads/{padId}/links: {edit, readOnly, projector, qr, readOnlyQr}, absolute. */
  void links(RoutingContext ctx) {
    String padId = padId(ctx, "/api/pads/", "/links");
    String base = padId == null ? null : base(ctx);
    if (base == null) return;
    store.readOnlyId(padId, ids.next()).onComplete(r -> {
      if (r.failed()) {
        LOG.log(System.Logger.Level.WARNING, "pad={0} client=- read-only id unavailable: {1}", padId, r.cause().toString());
        json(ctx.response().setStatusCode(503), new JsonObject().put("error", "store-unavailable"));
        return;
      }
      ShareLinks l = ShareLinks.of(base, padId, r.result());
      json(ctx.response(), new JsonObject().put("edit", l.edit()).put("readOnly", l.readOnly())
          .put("projector", l.projector()).put("qr", l.qr()).put("readOnlyQr", l.readOnlyQr()));
    });
  }

  /** GET /r/{readOnlyId}: the read-only page, 404 for an id no pad has. */
  void readOnlyPage(RoutingContext ctx) {
    String id = ctx.request().path().substring("/r/".length());
    padOfReadOnlyId(ctx, id).onSuccess(padId -> pages.sendPage(ctx, "read.html"));
  }

  /** GET /r/{readOnlyId}/qr.svg: the QR code of the read-only link. */
  void readOnlyQr(RoutingContext ctx) {
    String path = ctx.request().path();
    String id = path.substring("/r/".length(), path.length() - "/qr.svg".length());
    String base = base(ctx);
    if (base != null) padOfReadOnlyId(ctx, id).onSuccess(padId -> sendQr(ctx, base + "/r/" + id));
  }

  /** The pad of a read-only id; answers 404/503 itself and never completes when it did. */
  private Future<String> padOfReadOnlyId(RoutingContext ctx, String id) {
    if (!ReadOnlyIds.hasShape(id)) {
      notFound(ctx);
      return Future.future(p -> { });
    }
    return store.padOfReadOnlyId(id).transform(r -> {
      if (r.succeeded() && r.result() != null) return Future.succeededFuture(r.result());
      if (r.failed()) {
        LOG.log(System.Logger.Level.WARNING, "pad=- client=- read-only lookup failed: {0}", r.cause().toString());
        ctx.response().setStatusCode(503).putHeader("Content-Type", "text/plain; charset=utf-8")
            .end("Service indisponible, réessayez / Service unavailable, retry");
      } else {
        notFound(ctx);
      }
      return Future.future(p -> { });
    });
  }

  /** The valid pad name between {@code prefix} and {@code suffix} of the raw path, or null after a 400. */
  private static String padId(RoutingContext ctx, String prefix, String suffix) {
    String path = ctx.request().path();
    try {
      return PadName.fromPath(path.substring(prefix.length(), path.length() - suffix.length()));
    } catch (PadName.InvalidException | IndexOutOfBoundsException e) {
      Pages.badRequest(ctx, e instanceof PadName.InvalidException ? e.getMessage() : "no pad name");
      return null;
    }
  }

  /** The links' base, or null after a 400 (no public URL and an unusable Host header). */
  private String base(RoutingContext ctx) {
    String base = ShareLinks.base(publicUrl, ctx.request().scheme(), authority(ctx));
    if (base == null) ctx.response().setStatusCode(400).putHeader("Content-Type", "text/plain; charset=utf-8").end("bad Host header");
    return base;
  }

  /** host[:port] the client asked for (Host header, or :authority over HTTP/2); null if none. */
  private static String authority(RoutingContext ctx) {
    var a = ctx.request().authority();
    if (a == null) return null;
    String host = a.host().indexOf(':') >= 0 && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
    return a.port() > 0 ? host + ":" + a.port() : host;
  }

  private void sendQr(RoutingContext ctx, String url) {
    ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8").putHeader("Cache-Control", QR_CACHE)
        .putHeader("Vary", "Host").end(QrSvg.of(url));
  }

  private static void json(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
    response.putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body.encode());
  }

  private static void notFound(RoutingContext ctx) {
    ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Lien inconnu</title></head>"
            + "<body><h1>Lien inconnu / Unknown link</h1><p><a href=\"/\">Accueil / Home</a></p></body></html>");
  }
}
