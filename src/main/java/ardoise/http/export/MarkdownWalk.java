package ardoise.http.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.*;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Walks the CommonMark (+ GFM tables) tree of a pad's text once and tells a {@link DocumentSink}
 * what to write. Every format with structure (HTML, PDF through HTML, DOCX, ODT) shares this walk,
 * so they agree on what a heading, a list or a table is, and on what is dropped: raw HTML becomes
 * visible text, unsafe links become plain text ({@link SafeLink}), images show their alt text.
 * Task items ("- [ ] …", "- [x] …") start with a ballot box, ☐ or ☑, as on the projector.
 *
 * <p>Soft line breaks are kept as line breaks: people type minutes line by line and expect the
 * lines they see in the pad. With authorship on, each text piece is split by author using the
 * parser's source positions ({@link SourcePieces}). Not thread-safe: one walk per export.
 *
 * <p>The walk counts the pieces it sends (nodes, code lines, runs of one author): past
 * {@code maxPieces} it stops with {@link ExportTooLarge}. It stops with a cancellation at the
 * first container visited after its thread was interrupted ({@link RenderCheckpoint}).
 */
final class MarkdownWalk extends AbstractVisitor {
  // Parser is immutable and documented thread-safe.
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .build();

  // "[ ] ", "[x] " or "[X] " at the start of an item: a task (GFM task list items).
  private static final Pattern TASK_MARKER = Pattern.compile("\\[([ xX])\\][ \\t]");
  private static final int TASK_MARKER_LENGTH = 4;

  private final DocumentSink sink;
  private final SourcePieces pieces;
  private final int maxPieces;
  private int piecesSent;
  private Inline style = Inline.PLAIN;

  private MarkdownWalk(DocumentSink sink, SourcePieces pieces, int maxPieces) {
    this.sink = sink;
    this.pieces = pieces;
    this.maxPieces = maxPieces;
  }

  /** Parses {@code input.text()} and sends its structure to {@code sink}. */
  static void walk(ExportInput input, DocumentSink sink) {
    walk(input, sink, Integer.MAX_VALUE);
  }

  /** As {@link #walk(ExportInput, DocumentSink)}, refusing a text of more than {@code maxPieces} pieces. */
  static void walk(ExportInput input, DocumentSink sink, int maxPieces) {
    AuthorRuns authors = input.options().withAuthorship() ? new AuthorRuns(input.runs()) : null;
    Node document = PARSER.parse(input.text());
    RenderCheckpoint.check();
    document.accept(new MarkdownWalk(sink, new SourcePieces(input.text(), authors), maxPieces));
  }

  @Override
  protected void visitChildren(Node parent) {
    RenderCheckpoint.check();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) count(1);
    super.visitChildren(parent);
  }

  private void count(int sent) {
    piecesSent += sent;
    if (piecesSent > maxPieces) throw new ExportTooLarge(maxPieces);
  }

  @Override
  public void visit(Heading heading) {
    sink.startHeading(heading.getLevel());
    visitChildren(heading);
    sink.endHeading();
  }

  @Override
  public void visit(Paragraph paragraph) {
    sink.startParagraph();
    visitChildren(paragraph);
    sink.endParagraph();
  }

  @Override
  public void visit(BlockQuote quote) {
    sink.startQuote();
    visitChildren(quote);
    sink.endQuote();
  }

  @Override
  public void visit(BulletList list) {
    sink.startList(false, 1);
    visitChildren(list);
    sink.endList();
  }

  @Override
  public void visit(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    sink.startList(true, start == null ? 1 : start);
    visitChildren(list);
    sink.endList();
  }

  @Override
  public void visit(ListItem item) {
    sink.startItem();
    visitChildren(item);
    sink.endItem();
  }

  @Override
  public void visit(FencedCodeBlock block) {
    codeBlock(block.getLiteral(), block);
  }

  @Override
  public void visit(IndentedCodeBlock block) {
    codeBlock(block.getLiteral(), block);
  }

  @Override
  public void visit(HtmlBlock block) {
    codeBlock(block.getLiteral(), block);
  }

  private void codeBlock(String literal, Node node) {
    String body = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    Inline saved = style;
    style = Inline.PLAIN.withCode();
    sink.startCodeBlock();
    String[] lines = body.split("\n", -1);
    count(lines.length);
    pieces.emitLines(lines, node.getSourceSpans(), this::emitPiece, sink::lineBreak);
    sink.endCodeBlock();
    style = saved;
  }

  @Override
  public void visit(ThematicBreak thematicBreak) {
    sink.thematicBreak();
  }

  @Override
  public void visit(LinkReferenceDefinition definition) {
    // Definitions only feed links; they are not content.
  }

  @Override
  public void visit(Text text) {
    String literal = text.getLiteral();
    String box = taskBox(text);
    if (box != null) {
      sink.text(box, style, null);
      literal = literal.substring(TASK_MARKER_LENGTH);
    }
    pieces.emit(literal, text.getSourceSpans(), this::emitPiece);
  }

  /**
   * "☐ " or "☑ " when {@code text} opens a GFM task item ("- [ ] to do", "- [x] done"), else null.
   * The marker is the first text of the item's first paragraph; the projector draws the same boxes.
   */
  private static String taskBox(Text text) {
    if (text.getPrevious() != null || !(text.getParent() instanceof Paragraph paragraph)) return null;
    if (paragraph.getPrevious() != null || !(paragraph.getParent() instanceof ListItem)) return null;
    Matcher marker = TASK_MARKER.matcher(text.getLiteral());
    if (!marker.lookingAt()) return null;
    return marker.group(1).equals(" ") ? "☐ " : "☑ ";
  }

  @Override
  public void visit(HtmlInline html) {
    pieces.emit(html.getLiteral(), html.getSourceSpans(), this::emitPiece);
  }

  @Override
  public void visit(Code code) {
    withStyle(style.withCode(), () -> pieces.emit(code.getLiteral(), code.getSourceSpans(), this::emitPiece));
  }

  @Override
  public void visit(Emphasis emphasis) {
    withStyle(style.withItalic(), () -> visitChildren(emphasis));
  }

  @Override
  public void visit(StrongEmphasis strong) {
    withStyle(style.withBold(), () -> visitChildren(strong));
  }

  @Override
  public void visit(Link link) {
    String href = SafeLink.check(link.getDestination());
    withStyle(href == null ? style : style.withLink(href), () -> visitChildren(link));
  }

  @Override
  public void visit(Image image) {
    visitChildren(image); // the alt text; an export never fetches anything
  }

  @Override
  public void visit(SoftLineBreak softBreak) {
    sink.lineBreak();
  }

  @Override
  public void visit(HardLineBreak hardBreak) {
    sink.lineBreak();
  }

  @Override
  public void visit(CustomBlock block) {
    if (block instanceof TableBlock table) {
      sink.startTable(columns(table));
      visitChildren(table);
      sink.endTable();
    } else {
      visitChildren(block);
    }
  }

  @Override
  public void visit(CustomNode node) {
    if (node instanceof TableRow row) {
      sink.startRow(row.getParent() instanceof TableHead);
      visitChildren(row);
      sink.endRow();
    } else if (node instanceof TableCell cell) {
      sink.startCell(cell.isHeader(), align(cell));
      visitChildren(cell);
      sink.endCell();
    } else {
      visitChildren(node);
    }
  }

  private static List<DocumentSink.Align> columns(TableBlock table) {
    List<DocumentSink.Align> columns = new ArrayList<>();
    Node head = table.getFirstChild();
    Node firstRow = head == null ? null : head.getFirstChild();
    for (Node cell = firstRow == null ? null : firstRow.getFirstChild(); cell != null; cell = cell.getNext()) {
      if (cell instanceof TableCell tableCell) columns.add(align(tableCell));
    }
    return columns;
  }

  private static DocumentSink.Align align(TableCell cell) {
    if (cell.getAlignment() == null) return DocumentSink.Align.NONE;
    return switch (cell.getAlignment()) {
      case LEFT -> DocumentSink.Align.LEFT;
      case CENTER -> DocumentSink.Align.CENTER;
      case RIGHT -> DocumentSink.Align.RIGHT;
    };
  }

  private void emitPiece(String text, String author) {
    if (text.isEmpty()) return;
    count(1);
    sink.text(text, style, author);
  }

  private void withStyle(Inline inner, Runnable body) {
    Inline saved = style;
    style = inner;
    body.run();
    style = saved;
  }
}
