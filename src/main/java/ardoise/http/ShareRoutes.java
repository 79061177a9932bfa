package ardoise.http;

import ardoise.http.share.LanAddresses;
import ardoise.http.share.QrSvg;
import ardoise.http.share.ReadOnlyIds;
import ardoise.http.share.ShareBase;
import ardoise.http.share.ShareLinks;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Sharing a pad: the projector page, the read-only page, the links endpoint and the QR codes.
 * A read-only page never learns the pad's name (that name is its edit link).
 */
final class ShareRoutes {
  private static final System.Logger LOG = System.getLogger(ShareRoutes.class.getName());
  /** QR codes only change with the address: a day in caches (Vary: Host covers the fallback base). */
  private static final String QR_CACHE = "public, max-age=86400";

  private final Vertx vertx;
  private final Pages pages;
  private final PadStore store;
  private final String publicUrl;
  private final LanAddresses lan;
  private final ProxyTrust proxies;
  private final ReadOnlyIds ids = new ReadOnlyIds();

  ShareRoutes(Vertx vertx, Pages pages, PadStore store, String publicUrl, LanAddresses lan, ProxyTrust proxies) {
    this.vertx = vertx;
    this.pages = pages;
    this.store = store;
    this.publicUrl = publicUrl;
    this.lan = lan;
    this.proxies = proxies;
  }

  /** GET /p/{padId}/projector */
  void projector(RoutingContext ctx) {
    pages.sendPage(ctx, "projector.html");
  }

  /** GET /p/{padId}/qr.svg[?host=AUTHORITY]: the QR code of the pad's edit link (the join link). */
  void padQr(RoutingContext ctx) {
    base(ctx).onSuccess(base -> {
      if (base != null) sendQr(ctx, base, ShareLinks.of(base.base(), PadDoor.entry(ctx).padId(), "-").edit());
    });
  }

  /**
   * GET /api/pads/{padId}/links[?host=AUTHORITY]: {edit, readOnly, projector, qr, readOnlyQr}, absolute
   * ({@code readOnly} and {@code readOnlyQr} null while the pad was never written: its read-only id is
   * made by the first request after its first edit),
   * and {lan, addresses, address}: whether the links use a LAN address in place of loopback, the
   * addresses to choose from and the one used (see {@link ShareBase}).
   */
  void links(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    base(ctx).onSuccess(base -> {
      if (base == null) return;
      store.readOnlyId(padId, ids.next()).onComplete(r -> {
        if (r.failed()) {
          LOG.log(System.Logger.Level.WARNING, "pad={0} client=- read-only id unavailable: {1}", padId, r.cause().toString());
          ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the links cannot be read right now; retry");
          return;
        }
        // A pad never written has no read-only id yet (nothing is stored for a name before its first edit).
        ShareLinks l = ShareLinks.of(base.base(), padId, r.result() == null ? "-" : r.result());
        json(ctx.response(), new JsonObject().put("edit", l.edit()).put("readOnly", r.result() == null ? null : l.readOnly())
            .put("projector", l.projector()).put("qr", l.qr()).put("readOnlyQr", r.result() == null ? null : l.readOnlyQr())
            .put("lan", base.lan()).put("addresses", new JsonArray(base.choices())).put("address", base.chosen()));
      });
    });
  }

  /** GET /r/{readOnlyId}: the read-only page (the door answered 404 for an id no pad has). */
  void readOnlyPage(RoutingContext ctx) {
    pages.sendPage(ctx, "read.html");
  }

  /** GET /r/{readOnlyId}/qr.svg[?host=AUTHORITY]: the QR code of the read-only link. */
  void readOnlyQr(RoutingContext ctx) {
    base(ctx).onSuccess(base -> {
      if (base != null) sendQr(ctx, base, base.base() + "/r/" + RequestValues.segment(ctx, 1));
    });
  }

  /**
   * The links' base, or null after a 400 (no public URL and an unusable Host header). The LAN
   * addresses are read only for a loopback request, on a worker (the system call may block).
   */
  private Future<ShareBase> base(RoutingContext ctx) {
    String authority = proxies.host(ctx.request());
    String asked = ctx.queryParams().get("host");
    String scheme = proxies.scheme(ctx.request());
    Future<List<String>> hosts = publicUrl == null && ShareBase.isLoopback(authority)
        ? vertx.executeBlocking(lan::ranked, false) : Future.succeededFuture(List.of());
    // A failed look-up (a worker refused at shutdown) leaves the address the browser used.
    return hosts.recover(e -> Future.succeededFuture(List.of())).map(h -> {
      ShareBase base = ShareBase.choose(publicUrl, scheme, authority, h, asked);
      if (base == null) ErrorPage.answer(ctx, HttpError.BAD_HOST, "the Host header cannot make a link");
      return base;
    });
  }

  /** A LAN base may change with the network (and the default with it): not cached then. */
  private void sendQr(RoutingContext ctx, ShareBase base, String url) {
    ctx.response().putHeader("Content-Type", "image/svg+xml; charset=utf-8").putHeader("Cache-Control", base.lan() ? "no-cache" : QR_CACHE)
        .putHeader("Vary", "Host, X-Forwarded-Host, X-Forwarded-Proto").end(QrSvg.of(url));
  }

  private static void json(io.vertx.core.http.HttpServerResponse response, JsonObject body) {
    response.putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
