package ardoise.http.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes the body of an ODT's content.xml with the styles of {@link OdtParts}: text:h with an
 * outline level for headings, text:list for lists, table:table with header rows, nested text:span
 * for emphasis and authorship. Spaces are written as text:s where ODF would otherwise collapse them.
 */
final class OdtSink implements DocumentSink {
  private record ListFrame(boolean ordered, int start, boolean[] firstItem) {}

  private final StringBuilder out;
  private final Authorship authorship;
  private final Deque<ListFrame> lists = new ArrayDeque<>();
  private int quoteDepth;
  private int tables;
  private boolean headerRow;
  private boolean inHeaderRows;

  OdtSink(StringBuilder out, Authorship authorship) {
    this.out = out;
    this.authorship = authorship;
  }

  @Override
  public void startHeading(int level) {
    out.append("<text:h text:style-name=\"Heading_20_").append(level).append("\" text:outline-level=\"")
        .append(level).append("\">");
  }

  @Override public void endHeading() { out.append("</text:h>"); }
  @Override public void endParagraph() { out.append("</text:p>"); }
  @Override public void startCodeBlock() { out.append("<text:p text:style-name=\"Preformatted_20_Text\">"); }
  @Override public void endCodeBlock() { out.append("</text:p>"); }
  @Override public void startQuote() { quoteDepth++; }
  @Override public void endQuote() { quoteDepth--; }
  @Override public void endItem() { out.append("</text:list-item>"); }
  @Override public void endList() { lists.pop(); out.append("</text:list>"); }
  @Override public void endRow() { out.append("</table:table-row>"); }
  @Override public void endCell() { out.append("</text:p></table:table-cell>"); }
  @Override public void lineBreak() { out.append("<text:line-break/>"); }

  @Override
  public void thematicBreak() {
    out.append("<text:p text:style-name=\"Horizontal_20_Line\"/>");
  }

  @Override
  public void startParagraph() {
    out.append("<text:p text:style-name=\"").append(quoteDepth > 0 ? "Quotations" : "Standard").append("\">");
  }

  @Override
  public void startList(boolean ordered, int start) {
    out.append("<text:list");
    if (lists.isEmpty()) out.append(" text:style-name=\"").append(ordered ? "LNumbers" : "LBullets").append('"');
    out.append('>');
    lists.push(new ListFrame(ordered, start, new boolean[] {true}));
  }

  @Override
  public void startItem() {
    ListFrame list = lists.peek();
    out.append("<text:list-item");
    if (list.ordered() && list.firstItem()[0] && list.start() != 1) {
      out.append(" text:start-value=\"").append(list.start()).append('"');
    }
    list.firstItem()[0] = false;
    out.append('>');
  }

  @Override
  public void startTable(List<Align> columns) {
    tables++;
    out.append("<table:table table:name=\"Table").append(tables).append("\" table:style-name=\"PadTable\">")
        .append("<table:table-column table:number-columns-repeated=\"").append(Math.max(1, columns.size())).append("\"/>");
  }

  @Override
  public void endTable() {
    if (inHeaderRows) out.append("</table:table-header-rows>");
    inHeaderRows = false;
    out.append("</table:table>");
  }

  @Override
  public void startRow(boolean header) {
    if (header && !inHeaderRows) out.append("<table:table-header-rows>");
    if (!header && inHeaderRows) out.append("</table:table-header-rows>");
    inHeaderRows = header;
    headerRow = header;
    out.append("<table:table-row>");
  }

  @Override
  public void startCell(boolean header, Align align) {
    String style = header ? "Table_20_Heading" : switch (align) {
      case CENTER -> "PadCellCenter";
      case RIGHT -> "PadCellRight";
      default -> "Table_20_Contents";
    };
    out.append("<table:table-cell table:style-name=\"PadCell\" office:value-type=\"string\"><text:p text:style-name=\"")
        .append(style).append("\">");
  }

  @Override
  public void text(String text, Inline style, String author) {
    StringBuilder close = new StringBuilder();
    if (style.link() != null) {
      out.append("<text:a xlink:type=\"simple\" xlink:href=\"").append(XmlText.escape(style.link())).append("\">");
      close.insert(0, "</text:a>");
    }
    if (author != null) span("A" + authorship.number(author), close);
    if (style.bold() && !headerRow) span("Strong_20_Emphasis", close);
    if (style.italic()) span("Emphasis", close);
    if (style.code()) span("Source_20_Text", close);
    appendSpaced(out, text);
    out.append(close);
  }

  private void span(String styleName, StringBuilder close) {
    out.append("<text:span text:style-name=\"").append(styleName).append("\">");
    close.insert(0, "</text:span>");
  }

  /** Escaped text where every space not preceded by a non-space is a text:s, tabs are text:tab. */
  static void appendSpaced(StringBuilder out, String text) {
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean collapsible = c == ' ' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t');
      if (collapsible || c == '\t') {
        XmlText.appendEscaped(out, text.substring(start, i));
        out.append(c == '\t' ? "<text:tab/>" : "<text:s/>");
        start = i + 1;
      }
    }
    XmlText.appendEscaped(out, text.substring(start));
  }
}
