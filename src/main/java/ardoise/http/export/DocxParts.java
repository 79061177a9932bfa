package ardoise.http.export;

import java.util.List;

/** The fixed and generated XML parts of a DOCX file other than the body. */
final class DocxParts {
  private DocxParts() {}

  static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String[] BULLETS = {"•", "◦", "▪"};

  static final String CONTENT_TYPES = XML
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
      + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
      + "</Types>";

  static final String PACKAGE_RELS = XML
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"word/document.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      + "</Relationships>";

  static String documentRels(List<String> links) {
    StringBuilder rels = new StringBuilder(XML)
        .append("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        .append("<Relationship Id=\"rIdStyles\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>")
        .append("<Relationship Id=\"rIdNumbering\" Type=\"" + REL + "/numbering\" Target=\"numbering.xml\"/>");
    for (int i = 0; i < links.size(); i++) {
      rels.append("<Relationship Id=\"rIdLink").append(i + 1).append("\" Type=\"" + REL + "/hyperlink\" Target=\"")
          .append(XmlText.escape(links.get(i))).append("\" TargetMode=\"External\"/>");
    }
    return rels.append("</Relationships>").toString();
  }

  static String core(String title, String isoTime) {
    return XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>" + XmlText.escape(title) + "</dc:title><dc:creator>Ardoise</dc:creator>"
        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + isoTime + "</dcterms:modified>"
        + "</cp:coreProperties>";
  }

  /** Left indent in twips of list level {@code level} (0-based). */
  static int indent(int level) {
    return 720 * (level + 1);
  }

  /** Two abstract numberings (0 bullets, 1 decimal) and one w:num per list met in the body. */
  static String numbering(List<DocxSink.ListNumbering> lists) {
    StringBuilder xml = new StringBuilder(XML).append("<w:numbering xmlns:w=\"" + W + "\">");
    for (int abstractId = 0; abstractId < 2; abstractId++) {
      xml.append("<w:abstractNum w:abstractNumId=\"").append(abstractId).append("\"><w:multiLevelType w:val=\"hybridMultilevel\"/>");
      for (int level = 0; level < 9; level++) {
        String format = abstractId == 0 ? "bullet" : "decimal";
        String text = abstractId == 0 ? BULLETS[level % 3] : "%" + (level + 1) + ".";
        xml.append("<w:lvl w:ilvl=\"").append(level).append("\"><w:start w:val=\"1\"/><w:numFmt w:val=\"").append(format)
            .append("\"/><w:lvlText w:val=\"").append(text).append("\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"")
            .append(indent(level)).append("\" w:hanging=\"360\"/></w:pPr></w:lvl>");
      }
      xml.append("</w:abstractNum>");
    }
    for (DocxSink.ListNumbering list : lists) {
      xml.append("<w:num w:numId=\"").append(list.numId()).append("\"><w:abstractNumId w:val=\"")
          .append(list.ordered() ? 1 : 0).append("\"/>");
      if (list.ordered()) {
        xml.append("<w:lvlOverride w:ilvl=\"").append(list.level()).append("\"><w:startOverride w:val=\"")
            .append(list.start()).append("\"/></w:lvlOverride>");
      }
      xml.append("</w:num>");
    }
    return xml.append("</w:numbering>").toString();
  }

  static String styles() {
    StringBuilder xml = new StringBuilder(XML).append("<w:styles xmlns:w=\"" + W + "\">")
        .append("<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"22\"/><w:lang w:val=\"fr-FR\"/></w:rPr></w:rPrDefault>")
        .append("<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>")
        .append("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    int[] sizes = {40, 32, 27, 23, 23, 23};
    for (int level = 1; level <= 6; level++) {
      xml.append("<w:style w:type=\"paragraph\" w:styleId=\"Heading").append(level).append("\"><w:name w:val=\"heading ")
          .append(level).append("\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>")
          .append("<w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"").append(level - 1)
          .append("\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"").append(sizes[level - 1]).append("\"/></w:rPr></w:style>");
    }
    return xml.append(paragraphStyle("ListParagraph", "List Paragraph", "<w:spacing w:after=\"40\"/><w:ind w:left=\"720\"/>", ""))
        .append(paragraphStyle("Quote", "Quote", "<w:ind w:left=\"567\"/><w:pBdr><w:left w:val=\"single\" w:sz=\"12\" w:space=\"8\" w:color=\"BBBBBB\"/></w:pBdr>", "<w:color w:val=\"444444\"/>"))
        .append(paragraphStyle("Code", "Code", "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F4F4F4\"/><w:spacing w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/>",
            "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans Mono\"/><w:sz w:val=\"19\"/>"))
        .append(paragraphStyle("Meta", "Meta", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"BBBBBB\"/></w:pBdr>", "<w:color w:val=\"555555\"/><w:sz w:val=\"18\"/>"))
        .append("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0645AD\"/><w:u w:val=\"single\"/></w:rPr></w:style>")
        .append("<w:style w:type=\"table\" w:styleId=\"PadTable\"><w:name w:val=\"Pad Table\"/><w:tblPr><w:tblBorders>")
        .append(border("top")).append(border("left")).append(border("bottom")).append(border("right"))
        .append(border("insideH")).append(border("insideV"))
        .append("</w:tblBorders><w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>")
        .append("</w:styles>").toString();
  }

  private static String paragraphStyle(String id, String name, String paragraph, String run) {
    return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/><w:basedOn w:val=\"Normal\"/>"
        + "<w:pPr>" + paragraph + "</w:pPr>" + (run.isEmpty() ? "" : "<w:rPr>" + run + "</w:rPr>") + "</w:style>";
  }

  private static String border(String side) {
    return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>";
  }
}
