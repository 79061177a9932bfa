package ardoise.http.export;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A4 PDF laid out by openhtmltopdf from the same page as the HTML export, with the embedded fonts
 * ({@link EmbeddedFonts}). The renderer may fetch nothing: every external resource is refused.
 * Emoji come from Symbola in black and white; variation selectors and zero-width joiners are dropped
 * first, so a composed emoji (family, flag-like sequences) shows as its parts instead of a "#".
 * CPU-bound (about a second for 50 pages, 2–7 s for a 1 MiB pad of minutes): run it in a
 * {@link RenderPool}. A page of more than {@code maxPieces} pieces is refused before layout
 * ({@link ExportTooLarge}): layout keeps every box in memory, 1–3 KB per piece.
 *
 * <p>openhtmltopdf never looks at interrupts, so the renderer is given hooks it calls all along:
 * the line and character breakers (every run of text the layout breaks into lines) and the page
 * supplier (every page painted) pass a {@link RenderCheckpoint}, so a cancelled render stops.
 */
final class PdfExporter implements Exporter {
  static {
    // openhtmltopdf logs each render's progress at INFO through java.util.logging: keep only warnings.
    for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, Level.WARNING);
  }

  private final int maxPieces;

  PdfExporter(int maxPieces) {
    this.maxPieces = maxPieces;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.PDF;
  }

  @Override
  public byte[] export(ExportInput input) {
    String page = HtmlPage.render(input, HtmlPage.Fonts.PDF, maxPieces).replaceAll("[\uFE0E\uFE0F\u200D]", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withProducer("Ardoise");
    EmbeddedFonts.register(builder);
    // The renderer's own defaults (Locale.US breakers, one new page per request), with checkpoints.
    builder.useUnicodeLineBreaker(new CheckedBreaker(new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US))));
    builder.useUnicodeCharacterBreaker(new CheckedBreaker(BreakIterator.getCharacterInstance(Locale.US)));
    builder.usePageSupplier((document, width, height, pageNumber, shadowPageNumber) -> {
      RenderCheckpoint.check();
      PDPage pdfPage = new PDPage(new PDRectangle(width, height));
      document.addPage(pdfPage);
      return pdfPage;
    });
    builder.addDOMMutator(document -> RenderCheckpoint.check());
    builder.withHtmlContent(page, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF rendering failed", e);
    }
    return out.toByteArray();
  }

  /** A text breaker that passes a checkpoint whenever the layout gives it text or asks for a break. */
  private static final class CheckedBreaker implements FSTextBreaker {
    private final FSTextBreaker lines;
    private final BreakIterator characters;

    CheckedBreaker(FSTextBreaker lines) {
      this.lines = lines;
      this.characters = null;
    }

    CheckedBreaker(BreakIterator characters) {
      this.lines = null;
      this.characters = characters;
    }

    @Override
    public int next() {
      RenderCheckpoint.check();
      return lines != null ? lines.next() : characters.next();
    }

    @Override
    public void setText(String text) {
      RenderCheckpoint.check();
      if (lines != null) lines.setText(text);
      else characters.setText(text);
    }
  }
}
