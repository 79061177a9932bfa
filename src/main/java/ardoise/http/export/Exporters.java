package ardoise.http.export;

import java.util.EnumMap;
import java.util.Map;

/** One exporter per format. Stateless; one instance can serve every request on every thread. */
public final class Exporters {
  private final Map<ExportFormat, Exporter> byFormat = new EnumMap<>(ExportFormat.class);

  private Exporters() {
    for (ExportFormat format : ExportFormat.values()) byFormat.put(format, exporterOf(format));
  }

  /** Why a switch expression: a new format does not compile until it has an exporter. */
  private static Exporter exporterOf(ExportFormat format) {
    return switch (format) {
      case TXT, MD -> new TextExporter(format);
      case HTML -> new HtmlExporter();
      case PDF -> new PdfExporter();
      case DOCX -> new DocxExporter();
      case ODT -> new OdtExporter();
    };
  }

  public static Exporters create() {
    return new Exporters();
  }

  public Exporter get(ExportFormat format) {
    return byFormat.get(format);
  }
}
