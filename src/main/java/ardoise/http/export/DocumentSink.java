package ardoise.http.export;

import java.util.List;

/**
 * The structure of a pad's Markdown as a stream of events, produced by {@link MarkdownWalk} and
 * written out by one sink per format (HTML, DOCX, ODT). Starts and ends nest properly.
 * Text never contains a newline (line breaks are events); {@code author} is null when the
 * export does not show authorship, else the author id ("" if unknown).
 */
interface DocumentSink {

  enum Align { NONE, LEFT, CENTER, RIGHT }

  void startHeading(int level);

  void endHeading();

  void startParagraph();

  void endParagraph();

  /** A code block or a raw HTML block: text shown as written, in a monospace font. */
  void startCodeBlock();

  void endCodeBlock();

  void startQuote();

  void endQuote();

  void startList(boolean ordered, int start);

  void endList();

  void startItem();

  void endItem();

  void startTable(List<Align> columns);

  void endTable();

  void startRow(boolean header);

  void endRow();

  void startCell(boolean header, Align align);

  void endCell();

  void thematicBreak();

  void text(String text, Inline style, String author);

  /** A line break inside a paragraph, heading or code block. */
  void lineBreak();
}
