package ardoise.http.export;

import java.util.List;
import java.util.function.BiConsumer;
import org.commonmark.node.SourceSpan;

/**
 * Finds where a parsed piece of text came from in the pad's text, so that it can be split by author.
 * A piece usually equals its source exactly; when it does not (backslash escapes, entities,
 * stripped indentation) the piece is searched inside its source span, and failing that it is
 * attributed whole to the author of the span's first code unit: colours may then be approximate,
 * the text never is.
 */
final class SourcePieces {
  private final String source;
  private final AuthorRuns authors; // null: authorship not wanted

  SourcePieces(String source, AuthorRuns authors) {
    this.source = source;
    this.authors = authors;
  }

  /** Sends {@code literal}, parsed from {@code spans}, as pieces of one author each. */
  void emit(String literal, List<SourceSpan> spans, BiConsumer<String, String> piece) {
    if (authors == null) {
      piece.accept(literal, null);
      return;
    }
    int offset = spans.size() == 1 ? find(literal, spans.get(0)) : -1;
    if (offset >= 0) {
      authors.split(literal, offset, piece);
    } else {
      piece.accept(literal, spans.isEmpty() ? null : authors.authorAt(spans.get(0).getInputIndex()));
    }
  }

  /** Sends the lines of a code block, each found in the first matching span at or after the previous one. */
  void emitLines(String[] lines, List<SourceSpan> spans, BiConsumer<String, String> piece, Runnable lineBreak) {
    int next = 0;
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) lineBreak.run();
      String line = lines[i];
      if (authors == null || line.isEmpty()) {
        piece.accept(line, null);
        continue;
      }
      int offset = -1;
      while (offset < 0 && next < spans.size()) offset = find(line, spans.get(next++));
      if (offset >= 0) authors.split(line, offset, piece);
      else piece.accept(line, spans.isEmpty() ? null : authors.authorAt(spans.get(0).getInputIndex()));
    }
  }

  /** Where {@code literal} sits in the source inside {@code span}, or -1. */
  private int find(String literal, SourceSpan span) {
    int start = span.getInputIndex();
    int end = Math.min(source.length(), start + span.getLength());
    if (start < 0 || start > end) return -1;
    String region = source.substring(start, end);
    if (region.endsWith(literal)) return end - literal.length();
    int at = region.indexOf(literal);
    return at < 0 ? -1 : start + at;
  }
}
