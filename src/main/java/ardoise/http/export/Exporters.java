package ardoise.http.export;

import java.util.EnumMap;
import java.util.Map;

/** One exporter per format. Stateless; one instance can serve every request on every thread. */
public final class Exporters {
  private final Map<ExportFormat, Exporter> byFormat = new EnumMap<>(ExportFormat.class);

  private Exporters(int pdfMaxPieces) {
    for (ExportFormat format : ExportFormat.values()) byFormat.put(format, exporterOf(format, pdfMaxPieces));
  }

  /** Why a switch expression: a new format does not compile until it has an exporter. */
  private static Exporter exporterOf(ExportFormat format, int pdfMaxPieces) {
    return switch (format) {
      case TXT, MD -> new TextExporter(format);
      case HTML -> new HtmlExporter();
      case PDF -> new PdfExporter(pdfMaxPieces);
      case DOCX -> new DocxExporter();
      case ODT -> new OdtExporter();
    };
  }

  /** Exporters without a PDF budget (tests and tools). */
  public static Exporters create() {
    return new Exporters(Integer.MAX_VALUE);
  }

  /** Exporters whose PDF refuses pages of more than {@code pdfMaxPieces} pieces ({@link ExportTooLarge}). */
  public static Exporters create(int pdfMaxPieces) {
    return new Exporters(pdfMaxPieces);
  }

  public Exporter get(ExportFormat format) {
    return byFormat.get(format);
  }
}
