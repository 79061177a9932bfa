package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.ArrayList;
import java.util.List;

/**
 * A document's text with who wrote each code unit, as an immutable value.
 *
 * <p>It is a persistent treap of pieces (a piece is up to {@value #MAX_PIECE} code units of one author),
 * ordered by position, with subtree lengths. Applying an operation costs O(k log n) for k components
 * over n pieces — never a copy of the whole document — and old values stay valid, so a snapshot of a
 * revision is just a reference. Reading the whole text or the author runs is O(n).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class AttributedText {
  static final int MAX_PIECE = 256;
  public static final AttributedText EMPTY = new AttributedText(null);

  private final Node root;
  private String text; // lazily built; racy caching of an immutable String is benign

  private AttributedText(Node root) {
    this.root = root;
  }

  /** {@code text} written entirely by {@code author}. */
  public static AttributedText of(String text, String author) {
    return EMPTY.apply(TextOperation.builder().insert(text, author).build(), author);
  }

  /** Rebuilds a value from its text and runs (as stored in a snapshot); the runs must cover the text. */
  public static AttributedText fromRuns(String text, List<AuthorRun> runs) {
    Utf16.requireWellFormed(text);
    long covered = 0;
    for (AuthorRun run : runs) covered += run.length();
    if (covered != text.length()) {
      throw new InvalidOperationException("author runs cover " + covered + " code units, text has " + text.length());
    }
    Node root = null;
    int pos = 0;
    for (AuthorRun run : runs) {
      // A run boundary inside a surrogate pair would give one character two authors.
      if (pos > 0 && Utf16.splitsPair(text.charAt(pos - 1), text.charAt(pos))) {
        throw new InvalidOperationException("author run boundary at " + pos + " splits a surrogate pair");
      }
      root = appendText(root, text.substring(pos, pos + run.length()), run.author());
      pos += run.length();
    }
    return new AttributedText(root);
  }

  /** Height of the treap (tests check it stays logarithmic). */
  int treeDepth() {
    return Node.depth(root);
  }

  public int length() {
    return Node.length(root);
  }

  public String text() {
    String t = text;
    if (t == null) {
      StringBuilder sb = new StringBuilder(length());
      Node.appendTo(root, sb);
      text = t = sb.toString();
    }
    return t;
  }

  /** Maximal runs of one author, in document order. */
  public List<AuthorRun> runs() {
    List<AuthorRun> runs = new ArrayList<>();
    Node.collectRuns(root, runs);
    return runs;
  }

  /**
   * Applies {@code op}; inserts without an author are attributed to {@code defaultAuthor}.
   * Throws {@link InvalidOperationException} (leaving this value untouched) on a wrong base length
   * or a cut through a surrogate pair.
   */
  public AttributedText apply(TextOperation op, String defaultAuthor) {
    if (op.baseLength() != length()) {
      throw new InvalidOperationException("operation base length " + op.baseLength()
          + " does not match document length " + length());
    }
    String fallback = defaultAuthor == null ? "" : defaultAuthor;
    Node out = null;
    Node rest = root;
    int pos = 0;
    for (Component c : op.components()) {
      requireBoundary(pos);
      if (c instanceof Retain r) {
        Node[] parts = Node.split(rest, r.count());
        out = Node.merge(out, parts[0]);
        rest = parts[1];
        pos += r.count();
      } else if (c instanceof Insert i) {
        out = appendText(out, i.text(), i.author() != null ? i.author() : fallback);
      } else {
        int n = ((Delete) c).count();
        rest = Node.split(rest, n)[1];
        pos += n;
      }
    }
    return new AttributedText(Node.merge(out, rest));
  }

  private void requireBoundary(int pos) {
    if (pos > 0 && pos < length() && Utf16.splitsPair(Node.charAt(root, pos - 1), Node.charAt(root, pos))) {
      throw new InvalidOperationException("operation would split a surrogate pair at position " + pos);
    }
  }

  /** Appends text at the end of {@code tree}, growing its last piece when the author is the same. */
  private static Node appendText(Node tree, String text, String author) {
    Node last = Node.rightmost(tree);
    if (last != null && last.author.equals(author) && last.piece.length() + text.length() <= MAX_PIECE) {
      return Node.replaceRightmost(tree, last.piece + text);
    }
    for (int from = 0; from < text.length(); from += MAX_PIECE) {
      String piece = text.substring(from, Math.min(text.length(), from + MAX_PIECE));
      tree = Node.merge(tree, Node.fresh(piece, author));
    }
    return tree;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributedText t && text().equals(t.text()) && runs().equals(t.runs());
  }

  @Override
  public int hashCode() {
    return text().hashCode();
  }

  @Override
  public String toString() {
    return "AttributedText" + runs();
  }
}
