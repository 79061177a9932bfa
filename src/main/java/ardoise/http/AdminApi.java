package ardoise.http;

import ardoise.pad.PadShards;
import ardoise.store.PadStore;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator's API, on only when ARDOISE_OPERATOR_TOKEN is set (otherwise its addresses answer
 * 404 like any unknown one), every request with {@code Authorization: Bearer <token>} (401 otherwise):
 * <ul>
 *   <li>{@code DELETE /api/admin/pads/{pad}}: deletes the pad (204; 404 when nothing was stored);</li>
 *   <li>{@code GET /api/admin/pads/{pad}/export}: everything stored about it as one JSON file ({@link PadDossier}).</li>
 * </ul>
 * A deletion goes through the cross-site guard like every state-changing request. Thread rule: the
 * event loop of the request.
 */
final class AdminApi {
  private static final System.Logger LOG = System.getLogger(AdminApi.class.getName());

  private final BearerToken token;
  private final PadShards shards;
  private final PadSpelling spelling;
  private final PadDossier dossier;
  private final long tombstoneSeconds;

  private AdminApi(BearerToken token, PadShards shards, PadStore store, PadDossier dossier, long tombstoneSeconds) {
    this.token = token;
    this.shards = shards;
    this.spelling = new PadSpelling(store);
    this.dossier = dossier;
    this.tombstoneSeconds = tombstoneSeconds;
  }

  /** Mounts the API when {@code operatorToken} is set; does nothing otherwise. */
  static void mount(Router router, Vertx vertx, HttpParts parts) {
    String operatorToken = parts.config().operatorToken();
    if (operatorToken == null) return;
    AdminApi api = new AdminApi(new BearerToken(operatorToken), parts.shards(), parts.store(),
        new PadDossier(vertx, parts.store()), parts.config().deletedPadTombstoneSeconds());
    router.routeWithRegex("/api/admin/.*").handler(api::authorize);
    router.deleteWithRegex("/api/admin/pads/[^/]+").handler(api::delete);
    router.getWithRegex("/api/admin/pads/[^/]+/export").handler(api::export);
  }

  private void authorize(RoutingContext ctx) {
    if (token.presentIn(ctx.request())) {
      ctx.next();
      return;
    }
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"operator\"");
    ErrorPage.json(ctx, HttpError.UNAUTHORIZED, "the admin API needs Authorization: Bearer <ARDOISE_OPERATOR_TOKEN>");
  }

  private void delete(RoutingContext ctx) {
    withPad(ctx, padId -> shards.call(padId, registry -> registry.erase(padId, tombstoneSeconds)).onComplete(r -> {
      if (r.failed()) {
        LOG.log(System.Logger.Level.WARNING, "pad={0} client=operator deletion failed: {1}", padId, r.cause().toString());
        ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad could not be deleted now; retry (deleting again is harmless)");
      } else if (!r.result()) {
        ErrorPage.json(ctx, HttpError.NO_SUCH_PAD, "nothing is stored about this pad");
      } else {
        LOG.log(System.Logger.Level.INFO, "pad={0} client=operator pad deleted", padId);
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      }
    }));
  }

  private void export(RoutingContext ctx) {
    withPad(ctx, padId -> dossier.send(ctx, padId));
  }

  /** The pad named by segment 3 of the path, found under the spelling it is stored with ({@link PadSpelling}). */
  private void withPad(RoutingContext ctx, java.util.function.Consumer<String> action) {
    String typed;
    try {
      typed = PadName.fromPath(RequestValues.segment(ctx, 3));
    } catch (PadName.InvalidException e) {
      ErrorPage.json(ctx, HttpError.BAD_PAD_NAME, e.getMessage());
      return;
    }
    spelling.resolve(typed).onComplete(r -> {
      if (r.failed()) ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be looked up right now; retry");
      else action.accept(r.result());
    });
  }
}
