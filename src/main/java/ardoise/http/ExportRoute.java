package ardoise.http;

import ardoise.http.export.DownloadName;
import ardoise.http.export.ExportFormat;
import ardoise.http.export.ExportInput;
import ardoise.http.export.ExportOptions;
import ardoise.http.export.Exporters;
import ardoise.history.NoSuchPad;
import ardoise.history.Revision;
import ardoise.history.RevisionOutOfRange;
import ardoise.history.RevisionReader;
import ardoise.ot.AttributedText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;

/**
 * GET /p/{pad}/export/{format}?rev=R&authors=1&lang=fr&tz=Europe/Paris: revision R (default: the head) as a file.
 * The revision is rebuilt by {@link RevisionReader}; rendering runs on a worker (a PDF takes about a
 * second for 50 pages), never on the event loop.
 */
final class ExportRoute {
  private static final System.Logger LOG = System.getLogger(ExportRoute.class.getName());

  private final Vertx vertx;
  private final RevisionReader reader;
  private final Contributors contributors;
  private final Exporters exporters = Exporters.create();

  ExportRoute(Vertx vertx, RevisionReader reader, Contributors contributors) {
    this.vertx = vertx;
    this.reader = reader;
    this.contributors = contributors;
  }

  void handle(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Optional<ExportFormat> format = ExportFormat.parse(RequestValues.segment(ctx, 3));
    if (format.isEmpty()) {
      ErrorPage.html(ctx, HttpError.UNKNOWN_FORMAT, "Formats: " + ExportFormat.extensions() + ".");
      return;
    }
    Long rev = RequestValues.rev(ctx.queryParams().get("rev"));
    if (rev != null && rev < 0) {
      ErrorPage.html(ctx, HttpError.BAD_REV, "rev must be a whole number from 0.");
      return;
    }
    ExportOptions options = new ExportOptions("1".equals(ctx.queryParams().get("authors")), RequestValues.language(ctx),
        ExportOptions.zoneOf(ctx.queryParams().get("tz")));
    reader.read(padId, rev)
        .recover(e -> e instanceof NoSuchPad && (rev == null || rev == 0) ? openedButUnwritten(padId, e) : Future.failedFuture(e))
        .compose(revision -> contributors.forExport(padId).compose(people -> vertx.executeBlocking(() -> {
          ExportInput input = new ExportInput(padId, revision.rev(), timeOf(revision), revision.doc().text(),
              revision.doc().runs(), people, options);
          return new Rendered(exporters.get(format.get()).export(input), DownloadName.of(padId, input.time(), format.get()));
        }, false)))
        .onSuccess(file -> ctx.response().putHeader("Content-Type", format.get().contentType())
            .putHeader("Content-Disposition", file.name().contentDisposition())
            .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(file.bytes())))
        .onFailure(e -> fail(ctx, padId, e));
  }

  /**
   * Revision 0, empty, of a pad that people opened but nobody wrote in (its authors are recorded
   * on joining, its text only on the first edit), so its export is an empty document, not a 404.
   * A name nobody ever opened stays unknown.
   */
  private Future<Revision> openedButUnwritten(String padId, Throwable noSuchPad) {
    return contributors.profiles(padId).compose(people -> people.isEmpty()
        ? Future.failedFuture(noSuchPad)
        : Future.succeededFuture(new Revision(0, 0, AttributedText.EMPTY, 0)));
  }

  private record Rendered(byte[] bytes, DownloadName name) {}

  private static Instant timeOf(Revision revision) {
    return revision.time() > 0 ? Instant.ofEpochMilli(revision.time()) : Instant.now();
  }

  private static void fail(RoutingContext ctx, String padId, Throwable e) {
    if (e instanceof NoSuchPad) {
      ErrorPage.html(ctx, HttpError.NO_SUCH_PAD, e.getMessage());
    } else if (e instanceof RevisionOutOfRange) {
      ErrorPage.html(ctx, HttpError.BAD_REV, e.getMessage());
    } else {
      // The class only: a renderer's message may quote the document it was given.
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- export failed: {1}", padId, e.getClass().getName());
      ErrorPage.html(ctx, HttpError.STORE_UNAVAILABLE, "The pad could not be read; try again in a moment.");
    }
  }
}
