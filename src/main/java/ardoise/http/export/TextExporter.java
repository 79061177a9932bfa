package ardoise.http.export;

import java.nio.charset.StandardCharsets;

/**
 * The pad's text exactly as typed, UTF-8 without BOM, for both .txt and .md (the pad's text is
 * already Markdown). Authorship is not shown: these files re-import to the same text.
 */
final class TextExporter implements Exporter {
  private final ExportFormat format;

  TextExporter(ExportFormat format) {
    this.format = format;
  }

  @Override
  public ExportFormat format() {
    return format;
  }

  @Override
  public byte[] export(ExportInput input) {
    return input.text().getBytes(StandardCharsets.UTF_8);
  }
}
