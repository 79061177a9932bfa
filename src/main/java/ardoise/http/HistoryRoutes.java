package ardoise.http;

import ardoise.history.HistoryCache;
import ardoise.http.export.RenderPool;
import ardoise.pad.PadShards;
import ardoise.history.RevisionReader;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;

/**
 * Mounts export, history, saved versions, restore, import and templates (docs/history.md) on the
 * server's router. Must be mounted before the catch-all /p/* page route.
 */
final class HistoryRoutes {
  private static final int HISTORY_PADS_CACHED = 8;

  private HistoryRoutes() {}

  /**
   * {@code notes}, {@code shards} and {@code exports} are the server's (shared by its event loops); the rest is this loop's.
   * {@code templates}: the bundled templates and the operator's, read once.
   */
  static void mount(Router router, Vertx vertx, PadStore store, PadNotes notes, PadShards shards, Pages pages,
      int maxHistoryResponseBytes, RenderPool exports, Future<Templates> templates, WriteQuotas quotas, int maxSavedVersions) {
    Contributors contributors = new Contributors(shards, notes);
    HistoryCache cache = new HistoryCache(vertx, store, HISTORY_PADS_CACHED);
    ExportRoute export = new ExportRoute(vertx, new RevisionReader(vertx, store), contributors, exports);
    HistoryApi history = new HistoryApi(vertx, cache, contributors, maxHistoryResponseBytes);
    EditApi edits = new EditApi(vertx, shards, cache, notes, templates, store::isAvailable, quotas, maxSavedVersions);

    router.getWithRegex("/p/[^/]+/export/[^/]*").handler(export::handle);
    router.getWithRegex("/p/[^/]+/history").handler(ctx -> pages.sendPage(ctx, "history.html"));
    router.getWithRegex("/api/pads/[^/]+/history").handler(history::summary);
    router.getWithRegex("/api/pads/[^/]+/history/[^/]*").handler(history::revision);
    router.getWithRegex("/api/pads/[^/]+/versions").handler(edits::versions);
    router.getWithRegex("/api/pads/[^/]+/authors").handler(history::authors);
    router.get("/api/templates").handler(edits::listTemplates);
    // Content types first, so that no form body (which any site can submit) is ever read.
    router.postWithRegex("/api/pads/[^/]+/import")
        .handler(CrossSiteGuard.accepting("text/plain", "text/markdown", "text/x-markdown", "application/octet-stream"));
    router.postWithRegex("/api/pads/[^/]+/(versions|restore|from-template)").handler(CrossSiteGuard.accepting("application/json"));
    // Bodies above the import limit are cut by the handler (413); the limit itself is checked with a clear message.
    router.postWithRegex("/api/pads/[^/]+/.*").handler(BodyHandler.create(false).setBodyLimit(EditApi.MAX_IMPORT_BYTES * 4L));
    router.postWithRegex("/api/pads/[^/]+/versions").handler(edits::saveVersion);
    router.postWithRegex("/api/pads/[^/]+/restore").handler(edits::restore);
    router.postWithRegex("/api/pads/[^/]+/import").handler(edits::importFile);
    router.postWithRegex("/api/pads/[^/]+/from-template").handler(edits::fromTemplate);
    router.routeWithRegex("/api/pads/[^/]+/.*").failureHandler(HistoryRoutes::apiFailure);
  }

  private static void apiFailure(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      ErrorPage.json(ctx, HttpError.FILE_TOO_LARGE, "the file is larger than " + (EditApi.MAX_IMPORT_BYTES / 1024) + " KiB");
    } else {
      boolean client = ctx.statusCode() >= 400 && ctx.statusCode() < 500;
      ErrorPage.json(ctx, client ? HttpError.BAD_REQUEST : HttpError.SERVER_ERROR,
          client ? "the request could not be read" : "the request failed; try again");
    }
  }
}
