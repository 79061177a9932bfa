package ardoise.ot;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An immutable treap node of {@link AttributedText}: a piece of text by one author, with the total
 * length of its subtree. Operations copy the path they change and share the rest (persistence).
 * Heap order: a parent's priority is at least its children's.
 */
final class Node {
  final Node left;
  final Node right;
  final String piece;
  final String author;
  final int priority;
  final int length;

  Node(Node left, Node right, String piece, String author, int priority) {
    this.left = left;
    this.right = right;
    this.piece = piece;
    this.author = author;
    this.priority = priority;
    this.length = length(left) + piece.length() + length(right);
  }

  static int length(Node n) {
    return n == null ? 0 : n.length;
  }

  private Node withChildren(Node newLeft, Node newRight) {
    return new Node(newLeft, newRight, piece, author, priority);
  }

  /**
   * Splits {@code t} into the first {@code pos} code units and the rest. A piece cut in two becomes two
   * new nodes with fresh priorities, merged in: reusing the old priority for both halves made ties
   * that piled up under repeated edits inside one author's text and degenerated the treap into a list
   * (linear time per keystroke, then a stack overflow).
   */
  static Node[] split(Node t, int pos) {
    Node[] s = splitPieces(t, pos);
    int cut = pos - length(s[0]);
    if (cut == 0) return s;
    Node straddling = leftmost(s[1]);
    Node rest = removeLeftmost(s[1]);
    return new Node[] {
        merge(s[0], fresh(straddling.piece.substring(0, cut), straddling.author)),
        merge(fresh(straddling.piece.substring(cut), straddling.author), rest)};
  }

  /** Splits between whole pieces: pieces ending at or before {@code pos} go left, the others right. */
  private static Node[] splitPieces(Node t, int pos) {
    if (t == null) return new Node[] {null, null};
    int pieceEnd = length(t.left) + t.piece.length();
    if (pos < pieceEnd) {
      Node[] s = splitPieces(t.left, pos);
      return new Node[] {s[0], t.withChildren(s[1], t.right)};
    }
    Node[] s = splitPieces(t.right, pos - pieceEnd);
    return new Node[] {t.withChildren(t.left, s[0]), s[1]};
  }

  static Node fresh(String piece, String author) {
    return new Node(null, null, piece, author, ThreadLocalRandom.current().nextInt());
  }

  private static Node leftmost(Node t) {
    while (t.left != null) t = t.left;
    return t;
  }

  private static Node removeLeftmost(Node t) {
    if (t.left == null) return t.right;
    return t.withChildren(removeLeftmost(t.left), t.right);
  }

  /** Concatenates two trees (every position of {@code a} before every position of {@code b}). */
  static Node merge(Node a, Node b) {
    if (a == null) return b;
    if (b == null) return a;
    if (a.priority >= b.priority) return a.withChildren(a.left, merge(a.right, b));
    return b.withChildren(merge(a, b.left), b.right);
  }

  static int depth(Node t) {
    return t == null ? 0 : 1 + Math.max(depth(t.left), depth(t.right));
  }

  static Node rightmost(Node t) {
    if (t == null) return null;
    while (t.right != null) t = t.right;
    return t;
  }

  static Node replaceRightmost(Node t, String piece) {
    if (t.right == null) return new Node(t.left, null, piece, t.author, t.priority);
    return t.withChildren(t.left, replaceRightmost(t.right, piece));
  }

  static char charAt(Node t, int pos) {
    while (true) {
      int leftLength = length(t.left);
      if (pos < leftLength) {
        t = t.left;
      } else if (pos < leftLength + t.piece.length()) {
        return t.piece.charAt(pos - leftLength);
      } else {
        pos -= leftLength + t.piece.length();
        t = t.right;
      }
    }
  }

  static void appendTo(Node t, StringBuilder sb) {
    if (t == null) return;
    appendTo(t.left, sb);
    sb.append(t.piece);
    appendTo(t.right, sb);
  }

  static void collectRuns(Node t, List<AuthorRun> runs) {
    if (t == null) return;
    collectRuns(t.left, runs);
    int last = runs.size() - 1;
    if (last >= 0 && runs.get(last).author().equals(t.author)) {
      runs.set(last, new AuthorRun(runs.get(last).length() + t.piece.length(), t.author));
    } else {
      runs.add(new AuthorRun(t.piece.length(), t.author));
    }
    collectRuns(t.right, runs);
  }
}
