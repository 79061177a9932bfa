package ardoise.http.export;

import java.time.format.DateTimeFormatter;

/**
 * An OpenDocument text written by hand: the "mimetype" part stored first and uncompressed (as ODF
 * requires for sniffing), then the manifest, meta, styles and content. Not odfdom: it is heavy and
 * mangles emoji.
 */
final class OdtExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.ODT;
  }

  @Override
  public byte[] export(ExportInput input) {
    Authorship authorship = Authorship.of(input);
    ExportLabels labels = ExportLabels.of(input.options());
    StringBuilder content = new StringBuilder(input.text().length() * 3 + 4096).append(OdtParts.contentStart(authorship));
    content.append("<text:p text:style-name=\"Meta\">");
    OdtSink.appendSpaced(content, input.padName() + " — " + labels.revisionLine(input.rev(), input.time()));
    content.append("</text:p>");
    MarkdownWalk.walk(input, new OdtSink(content, authorship));
    if (authorship.shown()) appendContributors(content, authorship, labels);
    content.append(OdtParts.CONTENT_END);
    String time = DateTimeFormatter.ISO_INSTANT.format(input.time());
    return new ZipParts()
        .stored("mimetype", OdtParts.MIMETYPE)
        .deflated("META-INF/manifest.xml", OdtParts.MANIFEST)
        .deflated("meta.xml", OdtParts.meta(input.padName(), time))
        .deflated("styles.xml", OdtParts.styles())
        .deflated("content.xml", content.toString())
        .finish();
  }

  private static void appendContributors(StringBuilder content, Authorship authorship, ExportLabels labels) {
    content.append("<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">");
    OdtSink.appendSpaced(content, labels.contributors());
    content.append("</text:h>");
    for (String author : authorship.ids()) {
      int n = authorship.number(author);
      content.append("<text:p text:style-name=\"Standard\"><text:span text:style-name=\"S").append(n).append("\">■</text:span> ")
          .append("<text:span text:style-name=\"A").append(n).append("\">");
      OdtSink.appendSpaced(content, authorship.contributor(author).name());
      content.append("</text:span></text:p>");
    }
  }
}
