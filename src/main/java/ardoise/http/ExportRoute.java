package ardoise.http;

import ardoise.http.export.DownloadName;
import ardoise.http.export.ExportFormat;
import ardoise.http.export.ExportInput;
import ardoise.http.export.ExportOptions;
import ardoise.http.export.ExportBusy;
import ardoise.http.export.ExportTooLarge;
import ardoise.http.export.Exporters;
import ardoise.http.export.RenderPool;
import ardoise.history.NoSuchPad;
import ardoise.history.Revision;
import ardoise.history.RevisionOutOfRange;
import ardoise.history.RevisionReader;
import ardoise.ot.AttributedText;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * GET /p/{pad}/export/{format}?rev=R&authors=1&lang=fr&tz=Europe/Paris: revision R (default: the head) as a file.
 * The revision is rebuilt by {@link RevisionReader} (once for equal requests arriving together on
 * one event loop). txt and md are the text itself, encoded on a
 * worker; the laid-out formats (a PDF of a large pad takes seconds and hundreds of MB) go through
 * the server's {@link RenderPool}: a few render threads of their own, a short queue, one render
 * for equal requests, a cache of the files made, 503 export-busy with Retry-After when it is full,
 * and a render that stops when the client that asked for it goes away.
 * Thread rule: one instance per event loop, used on it.
 */
final class ExportRoute {
  private static final System.Logger LOG = System.getLogger(ExportRoute.class.getName());

  private final Vertx vertx;
  private final RevisionReader reader;
  private final Contributors contributors;
  private final RenderPool renders;
  private final Exporters texts = Exporters.create();
  /** This loop's revision reads in flight, by pad and rev: a burst of equal requests loads the pad once. */
  private final Map<String, Future<Revision>> reading = new HashMap<>();

  ExportRoute(Vertx vertx, RevisionReader reader, Contributors contributors, RenderPool renders) {
    this.vertx = vertx;
    this.reader = reader;
    this.contributors = contributors;
    this.renders = renders;
  }

  void handle(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Optional<ExportFormat> format = ExportFormat.parse(RequestValues.segment(ctx, 3));
    if (format.isEmpty()) {
      ErrorPage.answer(ctx, HttpError.UNKNOWN_FORMAT, "Formats: " + ExportFormat.extensions() + ".");
      return;
    }
    Long rev = RequestValues.rev(ctx.queryParams().get("rev"));
    if (rev != null && rev < 0) {
      ErrorPage.answer(ctx, HttpError.BAD_REV, "rev must be a whole number from 0.");
      return;
    }
    ExportOptions options = new ExportOptions("1".equals(ctx.queryParams().get("authors")), RequestValues.language(ctx),
        ExportOptions.zoneOf(ctx.queryParams().get("tz")));
    read(padId, rev)
        .recover(e -> e instanceof NoSuchPad && (rev == null || rev == 0) ? openedButUnwritten(padId, e) : Future.failedFuture(e))
        .compose(revision -> contributors.forExport(padId).map(people -> new ExportInput(padId, revision.rev(),
            timeOf(revision), revision.doc().text(), revision.doc().runs(), people, options)))
        .compose(input -> render(ctx, format.get(), input)
            .map(bytes -> new Rendered(bytes, DownloadName.of(padId, input.time(), format.get()))))
        .onSuccess(file -> ctx.response().putHeader("Content-Type", format.get().contentType())
            .putHeader("Content-Disposition", file.name().contentDisposition())
            .putHeader("Cache-Control", "no-store").end(Buffer.buffer(file.bytes())))
        .onFailure(e -> fail(ctx, padId, e));
  }

  private Future<Revision> read(String padId, Long rev) {
    String key = padId + "@" + (rev == null ? "head" : rev.toString());
    Future<Revision> shared = reading.get(key);
    if (shared != null) return shared;
    Future<Revision> read = reader.read(padId, rev);
    reading.put(key, read);
    read.onComplete(done -> reading.remove(key, read));
    return read;
  }

  /** The file's bytes, completed on this event loop. */
  private Future<byte[]> render(RoutingContext ctx, ExportFormat format, ExportInput input) {
    if (!format.laidOut()) return vertx.executeBlocking(() -> texts.get(format).export(input), false);
    if (ctx.response().closed()) return Future.failedFuture(new CancellationException("the client went away"));
    RenderPool.Request request = renders.render(format, input);
    ctx.response().closeHandler(v -> request.abandon());
    return Future.fromCompletionStage(request.file(), vertx.getOrCreateContext());
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

  private static void fail(RoutingContext ctx, String padId, Throwable failure) {
    Throwable e = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (e instanceof CancellationException && ctx.response().closed()) {
      return; // the client went away: nobody to answer
    } else if (e instanceof ExportBusy || e instanceof CancellationException) {
      int retryAfter = e instanceof ExportBusy busy ? busy.retryAfterSeconds() : 1;
      ctx.response().putHeader("Retry-After", Integer.toString(retryAfter));
      ErrorPage.answer(ctx, HttpError.EXPORT_BUSY, "Exports are busy; try again in " + retryAfter + " s.");
    } else if (e instanceof ExportTooLarge tooLarge) {
      ErrorPage.answer(ctx, HttpError.EXPORT_TOO_LARGE, "This pad has more than " + tooLarge.maxPieces()
          + " paragraphs, lines and runs of text, too many for a PDF; download it as DOCX, ODT, HTML or Markdown.");
    } else if (e instanceof NoSuchPad) {
      ErrorPage.answer(ctx, HttpError.NO_SUCH_PAD, e.getMessage());
    } else if (e instanceof RevisionOutOfRange) {
      ErrorPage.answer(ctx, HttpError.BAD_REV, e.getMessage());
    } else {
      // The class only: a renderer's message may quote the document it was given.
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- export failed: {1}", padId, e.getClass().getName());
      ErrorPage.answer(ctx, HttpError.STORE_UNAVAILABLE, "The pad could not be read; try again in a moment.");
    }
  }
}
