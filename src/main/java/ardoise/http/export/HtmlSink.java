package ardoise.http.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the document's body as well-formed XHTML-compatible HTML (void elements self-closed), so
 * the same markup feeds the PDF renderer's XML parser. No attribute carries user text except a
 * checked href; authors appear as CSS classes, never inline styles (the page's CSP forbids them).
 */
final class HtmlSink implements DocumentSink {
  private final StringBuilder out;
  private final Map<String, Integer> authorClasses;
  private final Deque<String> lists = new ArrayDeque<>();
  private int headingLevel;
  private boolean inPre;
  private String tableSection; // "thead", "tbody" or null
  private String cellTag;

  HtmlSink(StringBuilder out, Map<String, Integer> authorClasses) {
    this.out = out;
    this.authorClasses = authorClasses;
  }

  @Override
  public void startHeading(int level) {
    headingLevel = level;
    out.append("<h").append(level).append('>');
  }

  @Override
  public void endHeading() {
    out.append("</h").append(headingLevel).append(">\n");
  }

  @Override public void startParagraph() { out.append("<p>"); }
  @Override public void endParagraph() { out.append("</p>\n"); }
  @Override public void startQuote() { out.append("<blockquote>\n"); }
  @Override public void endQuote() { out.append("</blockquote>\n"); }
  @Override public void startItem() { out.append("<li>"); }
  @Override public void endItem() { out.append("</li>\n"); }
  @Override public void thematicBreak() { out.append("<hr />\n"); }
  @Override public void lineBreak() { out.append(inPre ? "\n" : "<br />"); }

  @Override
  public void startCodeBlock() {
    inPre = true;
    out.append("<pre>");
  }

  @Override
  public void endCodeBlock() {
    inPre = false;
    out.append("</pre>\n");
  }

  @Override
  public void startList(boolean ordered, int start) {
    String tag = ordered ? "ol" : "ul";
    lists.push(tag);
    out.append('<').append(tag);
    if (ordered && start != 1) out.append(" start=\"").append(start).append('"');
    out.append(">\n");
  }

  @Override
  public void endList() {
    out.append("</").append(lists.pop()).append(">\n");
  }

  @Override
  public void startTable(List<Align> columns) {
    out.append("<table>\n");
    tableSection = null;
  }

  @Override
  public void endTable() {
    if (tableSection != null) out.append("</").append(tableSection).append(">\n");
    out.append("</table>\n");
  }

  @Override
  public void startRow(boolean header) {
    String section = header ? "thead" : "tbody";
    if (!section.equals(tableSection)) {
      if (tableSection != null) out.append("</").append(tableSection).append(">\n");
      out.append('<').append(section).append(">\n");
      tableSection = section;
    }
    out.append("<tr>");
  }

  @Override
  public void endRow() {
    out.append("</tr>\n");
  }

  @Override
  public void startCell(boolean header, Align align) {
    cellTag = header ? "th" : "td";
    out.append('<').append(cellTag);
    if (align != Align.NONE) out.append(" class=\"align-").append(align.name().toLowerCase(Locale.ROOT)).append('"');
    out.append('>');
  }

  @Override
  public void endCell() {
    out.append("</").append(cellTag).append('>');
  }

  @Override
  public void text(String text, Inline style, String author) {
    StringBuilder close = new StringBuilder();
    if (style.link() != null) {
      out.append("<a href=\"").append(XmlText.escape(style.link())).append("\" rel=\"noopener noreferrer nofollow\">");
      close.insert(0, "</a>");
    }
    if (author != null) {
      out.append("<span class=\"a").append(authorClasses.getOrDefault(author, 0)).append("\">");
      close.insert(0, "</span>");
    }
    open("strong", style.bold(), close);
    open("em", style.italic(), close);
    open("code", style.code() && !inPre, close);
    XmlText.appendEscaped(out, text);
    out.append(close);
  }

  private void open(String tag, boolean wanted, StringBuilder close) {
    if (!wanted) return;
    out.append('<').append(tag).append('>');
    close.insert(0, "</" + tag + ">");
  }
}
