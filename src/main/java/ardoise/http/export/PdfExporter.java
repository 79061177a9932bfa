package ardoise.http.export;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

/**
 * A4 PDF laid out by openhtmltopdf from the same page as the HTML export, with the embedded fonts
 * ({@link EmbeddedFonts}). The renderer may fetch nothing: every external resource is refused.
 * Emoji come from Symbola in black and white; variation selectors and zero-width joiners are dropped
 * first, so a composed emoji (family, flag-like sequences) shows as its parts instead of a "#".
 * CPU-bound (about a second for 50 pages): run it on a worker.
 */
final class PdfExporter implements Exporter {
  static {
    // openhtmltopdf logs each render's progress at INFO through java.util.logging: keep only warnings.
    for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, Level.WARNING);
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.PDF;
  }

  @Override
  public byte[] export(ExportInput input) {
    String page = HtmlPage.render(input, HtmlPage.Fonts.PDF).replaceAll("[\uFE0E\uFE0F\u200D]", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl((uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withProducer("Ardoise");
    EmbeddedFonts.register(builder);
    builder.withHtmlContent(page, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF rendering failed", e);
    }
    return out.toByteArray();
  }
}
