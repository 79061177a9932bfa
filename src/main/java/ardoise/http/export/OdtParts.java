package ardoise.http.export;

/** The XML parts of an ODT file other than the body: manifest, meta, named and automatic styles. */
final class OdtParts {
  private OdtParts() {}

  static final String MIMETYPE = "application/vnd.oasis.opendocument.text";
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  static final String NAMESPACES = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
      + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
      + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
      + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
      + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
      + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
      + " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
      + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
      + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
      + " office:version=\"1.3\"";

  static final String MANIFEST = XML
      + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
      + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"" + MIMETYPE + "\"/>"
      + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
      + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
      + "<manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>"
      + "</manifest:manifest>";

  static String meta(String title, String isoTime) {
    return XML + "<office:document-meta" + NAMESPACES + "><office:meta><meta:generator>Ardoise</meta:generator>"
        + "<dc:title>" + XmlText.escape(title) + "</dc:title><dc:date>" + isoTime + "</dc:date></office:meta></office:document-meta>";
  }

  static String contentStart(Authorship authorship) {
    StringBuilder xml = new StringBuilder(XML).append("<office:document-content").append(NAMESPACES).append('>')
        .append("<office:automatic-styles>")
        .append(list("LBullets", false)).append(list("LNumbers", true))
        .append("<style:style style:name=\"PadTable\" style:family=\"table\"><style:table-properties table:align=\"left\" style:width=\"17cm\"/></style:style>")
        .append("<style:style style:name=\"PadCell\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #999999\"/></style:style>")
        .append("<style:style style:name=\"PadCellCenter\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\"><style:paragraph-properties fo:text-align=\"center\"/></style:style>")
        .append("<style:style style:name=\"PadCellRight\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\"><style:paragraph-properties fo:text-align=\"end\"/></style:style>");
    for (String author : authorship.ids()) {
      Contributor who = authorship.contributor(author);
      xml.append("<style:style style:name=\"A").append(authorship.number(author)).append("\" style:family=\"text\">")
          .append("<style:text-properties fo:background-color=\"").append(who.tint(0.3)).append("\"/></style:style>")
          .append("<style:style style:name=\"S").append(authorship.number(author)).append("\" style:family=\"text\">")
          .append("<style:text-properties fo:color=\"").append(who.colour()).append("\"/></style:style>");
    }
    return xml.append("</office:automatic-styles><office:body><office:text>").toString();
  }

  static final String CONTENT_END = "</office:text></office:body></office:document-content>";

  private static String list(String name, boolean numbered) {
    StringBuilder xml = new StringBuilder("<text:list-style style:name=\"").append(name).append("\">");
    String[] bullets = {"•", "◦", "▪"};
    for (int level = 1; level <= 10; level++) {
      if (numbered) {
        xml.append("<text:list-level-style-number text:level=\"").append(level).append("\" style:num-suffix=\".\" style:num-format=\"1\">");
      } else {
        xml.append("<text:list-level-style-bullet text:level=\"").append(level).append("\" text:bullet-char=\"")
            .append(bullets[(level - 1) % 3]).append("\">");
      }
      xml.append("<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">")
          .append("<style:list-level-label-alignment text:label-followed-by=\"listtab\" fo:text-indent=\"-0.5cm\" fo:margin-left=\"")
          .append(String.format(java.util.Locale.ROOT, "%.2f", 0.9 * level)).append("cm\"/></style:list-level-properties>")
          .append(numbered ? "</text:list-level-style-number>" : "</text:list-level-style-bullet>");
    }
    return xml.append("</text:list-style>").toString();
  }

  static String styles() {
    StringBuilder xml = new StringBuilder(XML).append("<office:document-styles").append(NAMESPACES).append('>')
        .append("<office:font-face-decls><style:font-face style:name=\"DejaVu Sans\" svg:font-family=\"'DejaVu Sans'\"/>")
        .append("<style:font-face style:name=\"DejaVu Sans Mono\" svg:font-family=\"'DejaVu Sans Mono'\" style:font-pitch=\"fixed\"/></office:font-face-decls>")
        .append("<office:styles>")
        .append("<style:default-style style:family=\"paragraph\"><style:text-properties style:font-name=\"DejaVu Sans\" fo:font-size=\"11pt\" fo:language=\"fr\" fo:country=\"FR\"/></style:default-style>")
        .append(paragraph("Standard", null, "<style:paragraph-properties fo:margin-bottom=\"0.2cm\"/>"))
        .append(paragraph("Quotations", "Standard", "<style:paragraph-properties fo:margin-left=\"1cm\" fo:padding-left=\"0.2cm\" fo:border-left=\"1.5pt solid #bbbbbb\"/><style:text-properties fo:color=\"#444444\"/>"))
        .append(paragraph("Preformatted_20_Text", "Standard", "<style:paragraph-properties fo:background-color=\"#f4f4f4\"/><style:text-properties style:font-name=\"DejaVu Sans Mono\" fo:font-size=\"9.5pt\"/>"))
        .append(paragraph("Table_20_Contents", "Standard", ""))
        .append(paragraph("Table_20_Heading", "Table_20_Contents", "<style:text-properties fo:font-weight=\"bold\"/>"))
        .append(paragraph("Horizontal_20_Line", "Standard", "<style:paragraph-properties fo:border-bottom=\"0.5pt solid #999999\" fo:margin-bottom=\"0.3cm\"/>"))
        .append(paragraph("Meta", "Standard", "<style:paragraph-properties fo:border-bottom=\"0.5pt solid #bbbbbb\" fo:margin-bottom=\"0.4cm\"/><style:text-properties fo:color=\"#555555\" fo:font-size=\"9pt\"/>"));
    String[] sizes = {"20pt", "16pt", "13.5pt", "11.5pt", "11.5pt", "11.5pt"};
    for (int level = 1; level <= 6; level++) {
      xml.append("<style:style style:name=\"Heading_20_").append(level).append("\" style:display-name=\"Heading ").append(level)
          .append("\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:next-style-name=\"Standard\" style:default-outline-level=\"")
          .append(level).append("\"><style:paragraph-properties fo:margin-top=\"0.4cm\" fo:margin-bottom=\"0.15cm\" fo:keep-with-next=\"always\"/>")
          .append("<style:text-properties fo:font-size=\"").append(sizes[level - 1]).append("\" fo:font-weight=\"bold\"/></style:style>");
    }
    return xml.append(text("Strong_20_Emphasis", "Strong Emphasis", "fo:font-weight=\"bold\""))
        .append(text("Emphasis", "Emphasis", "fo:font-style=\"italic\""))
        .append(text("Source_20_Text", "Source Text", "style:font-name=\"DejaVu Sans Mono\""))
        .append("</office:styles><office:master-styles/></office:document-styles>").toString();
  }

  private static String paragraph(String name, String parent, String properties) {
    return "<style:style style:name=\"" + name + "\" style:display-name=\"" + name.replace("_20_", " ")
        + "\" style:family=\"paragraph\"" + (parent == null ? "" : " style:parent-style-name=\"" + parent + "\"")
        + ">" + properties + "</style:style>";
  }

  private static String text(String name, String display, String properties) {
    return "<style:style style:name=\"" + name + "\" style:display-name=\"" + display
        + "\" style:family=\"text\"><style:text-properties " + properties + "/></style:style>";
  }
}
