package ardoise.http.export;

import java.nio.charset.StandardCharsets;

/** A self-contained, inert HTML page (see {@link HtmlPage}). */
final class HtmlExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.HTML;
  }

  @Override
  public byte[] export(ExportInput input) {
    return HtmlPage.render(input, HtmlPage.Fonts.SCREEN).getBytes(StandardCharsets.UTF_8);
  }
}
