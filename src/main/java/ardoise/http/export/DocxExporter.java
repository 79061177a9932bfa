package ardoise.http.export;

import java.time.format.DateTimeFormatter;

/**
 * A Word document written by hand (no POI at run time: a dozen small XML parts suffice, and the
 * format's ~20 MB of libraries would only be used for this). POI reads the result in the tests.
 */
final class DocxExporter implements Exporter {
  @Override
  public ExportFormat format() {
    return ExportFormat.DOCX;
  }

  @Override
  public byte[] export(ExportInput input) {
    Authorship authorship = Authorship.of(input);
    ExportLabels labels = ExportLabels.of(input.options());
    StringBuilder body = new StringBuilder(input.text().length() * 3 + 4096);
    body.append(DocxParts.XML).append("<w:document xmlns:w=\"").append(DocxParts.W)
        .append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>");
    metaParagraph(body, input.padName() + " — " + labels.revisionLine(input.rev(), input.time()));
    DocxSink sink = new DocxSink(body, authorship);
    MarkdownWalk.walk(input, sink);
    if (authorship.shown()) appendContributors(body, authorship, labels);
    body.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1020\" w:bottom=\"1134\"")
        .append(" w:left=\"1020\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    return new ZipParts()
        .deflated("[Content_Types].xml", DocxParts.CONTENT_TYPES)
        .deflated("_rels/.rels", DocxParts.PACKAGE_RELS)
        .deflated("word/document.xml", body.toString())
        .deflated("word/_rels/document.xml.rels", DocxParts.documentRels(sink.links))
        .deflated("word/styles.xml", DocxParts.styles())
        .deflated("word/numbering.xml", DocxParts.numbering(sink.numberings))
        .deflated("docProps/core.xml", DocxParts.core(input.padName(), DateTimeFormatter.ISO_INSTANT.format(input.time())))
        .finish();
  }

  private static void metaParagraph(StringBuilder body, String text) {
    body.append("<w:p><w:pPr><w:pStyle w:val=\"Meta\"/></w:pPr><w:r>");
    DocxSink.appendRunText(body, text);
    body.append("</w:r></w:p>");
  }

  private static void appendContributors(StringBuilder body, Authorship authorship, ExportLabels labels) {
    body.append("<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r>");
    DocxSink.appendRunText(body, labels.contributors());
    body.append("</w:r></w:p>");
    for (String author : authorship.ids()) {
      Contributor who = authorship.contributor(author);
      body.append("<w:p><w:r><w:rPr><w:color w:val=\"").append(who.hex()).append("\"/></w:rPr><w:t>■</w:t></w:r>")
          .append("<w:r><w:rPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"").append(who.tint(0.3).substring(1))
          .append("\"/></w:rPr>");
      DocxSink.appendRunText(body, " " + who.name());
      body.append("</w:r></w:p>");
    }
  }
}
