package ardoise.http.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes the body of word/document.xml (WordprocessingML) with the styles of {@link DocxParts}:
 * headings use "HeadingN" styles, list paragraphs carry numbering (one w:num per list, so each
 * ordered list restarts at its own start number), tables are w:tbl with a repeated header row,
 * authorship is run shading. Collects what other parts need: list numberings and link targets.
 */
final class DocxSink implements DocumentSink {
  record ListNumbering(int numId, boolean ordered, int level, int start) {}

  private final StringBuilder out;
  private final Authorship authorship;
  private final Deque<ListNumbering> lists = new ArrayDeque<>();
  final List<ListNumbering> numberings = new ArrayList<>();
  final List<String> links = new ArrayList<>(); // relationship rIdN+3 → links.get(N)
  private boolean itemNeedsNumber;
  private int quoteDepth;
  private boolean headerRow;
  private String cellAlign;

  DocxSink(StringBuilder out, Authorship authorship) {
    this.out = out;
    this.authorship = authorship;
  }

  @Override
  public void startHeading(int level) {
    out.append("<w:p><w:pPr><w:pStyle w:val=\"Heading").append(level).append("\"/></w:pPr>");
  }

  @Override public void endHeading() { out.append("</w:p>"); }
  @Override public void endParagraph() { out.append("</w:p>"); }
  @Override public void endCodeBlock() { out.append("</w:p>"); }
  @Override public void startQuote() { quoteDepth++; }
  @Override public void endQuote() { quoteDepth--; }
  @Override public void lineBreak() { out.append("<w:r><w:br/></w:r>"); }

  @Override
  public void startParagraph() {
    out.append("<w:p><w:pPr>");
    if (!lists.isEmpty()) {
      ListNumbering list = lists.peek();
      out.append("<w:pStyle w:val=\"ListParagraph\"/>");
      if (itemNeedsNumber) {
        out.append("<w:numPr><w:ilvl w:val=\"").append(list.level()).append("\"/><w:numId w:val=\"")
            .append(list.numId()).append("\"/></w:numPr>");
        itemNeedsNumber = false;
      } else {
        out.append("<w:ind w:left=\"").append(DocxParts.indent(list.level())).append("\"/>");
      }
    } else if (quoteDepth > 0) {
      out.append("<w:pStyle w:val=\"Quote\"/>");
    }
    out.append("</w:pPr>");
  }

  @Override
  public void startCodeBlock() {
    out.append("<w:p><w:pPr><w:pStyle w:val=\"Code\"/>");
    if (!lists.isEmpty()) out.append("<w:ind w:left=\"").append(DocxParts.indent(lists.peek().level())).append("\"/>");
    out.append("</w:pPr>");
  }

  @Override
  public void startList(boolean ordered, int start) {
    ListNumbering list = new ListNumbering(numberings.size() + 1, ordered, lists.size(), start);
    numberings.add(list);
    lists.push(list);
  }

  @Override public void endList() { lists.pop(); }
  @Override public void startItem() { itemNeedsNumber = true; }
  @Override public void endItem() { itemNeedsNumber = false; }

  @Override
  public void startTable(List<Align> columns) {
    out.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"PadTable\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>");
    for (int i = 0; i < Math.max(1, columns.size()); i++) out.append("<w:gridCol/>");
    out.append("</w:tblGrid>");
  }

  @Override public void endTable() { out.append("</w:tbl><w:p/>"); }

  @Override
  public void startRow(boolean header) {
    headerRow = header;
    out.append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
  }

  @Override public void endRow() { out.append("</w:tr>"); }

  @Override
  public void startCell(boolean header, Align align) {
    cellAlign = switch (align) {
      case CENTER -> "center";
      case RIGHT -> "right";
      default -> null;
    };
    out.append("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr><w:p>");
    if (cellAlign != null) out.append("<w:pPr><w:jc w:val=\"").append(cellAlign).append("\"/></w:pPr>");
  }

  @Override public void endCell() { out.append("</w:p></w:tc>"); }

  @Override
  public void thematicBreak() {
    out.append("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"999999\"/>")
        .append("</w:pBdr></w:pPr></w:p>");
  }

  @Override
  public void text(String text, Inline style, String author) {
    if (style.link() != null) {
      links.add(style.link());
      out.append("<w:hyperlink r:id=\"rIdLink").append(links.size()).append("\" w:history=\"1\">");
    }
    out.append("<w:r><w:rPr>");
    if (style.link() != null) out.append("<w:rStyle w:val=\"Hyperlink\"/>");
    if (style.code()) out.append("<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans Mono\"/>");
    if (style.bold() || headerRow) out.append("<w:b/>");
    if (style.italic()) out.append("<w:i/>");
    if (author != null) {
      out.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"")
          .append(authorship.contributor(author).tint(0.3).substring(1)).append("\"/>");
    }
    out.append("</w:rPr>");
    appendRunText(out, text);
    out.append("</w:r>");
    if (style.link() != null) out.append("</w:hyperlink>");
  }

  /** Run content: tabs become w:tab, the rest w:t with spaces preserved. */
  static void appendRunText(StringBuilder out, String text) {
    String[] parts = text.split("\t", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) out.append("<w:tab/>");
      if (!parts[i].isEmpty()) {
        out.append("<w:t xml:space=\"preserve\">");
        XmlText.appendEscaped(out, parts[i]);
        out.append("</w:t>");
      }
    }
  }
}
