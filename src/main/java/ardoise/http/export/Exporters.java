package ardoise.http.export;

import java.util.EnumMap;
import java.util.Map;

/** One exporter per format. Stateless; one instance can serve every request on every thread. */
public final class Exporters {
  private final Map<ExportFormat, Exporter> byFormat = new EnumMap<>(ExportFormat.class);

  private Exporters() {
    for (Exporter exporter : new Exporter[] {
        new TextExporter(ExportFormat.TXT), new TextExporter(ExportFormat.MD), new HtmlExporter(),
        new PdfExporter(), new DocxExporter(), new OdtExporter()}) {
      byFormat.put(exporter.format(), exporter);
    }
  }

  public static Exporters create() {
    return new Exporters();
  }

  public Exporter get(ExportFormat format) {
    return byFormat.get(format);
  }
}
