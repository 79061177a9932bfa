package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;

/**
 * What a keystroke makes: one insert, or one delete, at one place of a text, kept as numbers. Why:
 * a lean typist with an op in flight moves it past every op the pad commits, and moves each of those
 * past its own to place its caret: hundreds of typists, each receiving the ops of all the others,
 * so the generator's work grows with the square of the typists. With {@link TextOperation}s each
 * step would walk and rebuild both ops component by component; here it is a few comparisons on
 * fields changed in place, and an op is built only when one is sent or acknowledged. {@link #transform}
 * gives exactly what {@link TextOperation#transform} gives (TypingEditTest compares them); the few
 * cases it does not cover (an insert inside a deleted range, overlapping deletes) are left to it.
 *
 * <p>Not thread-safe. An edit decoded from a frame is shared by the clients of a thread and never
 * changed; a replica changes only the copies it owns.
 */
final class TypingEdit {
  /** Where the edit is, and how many characters it inserts or deletes. */
  int at;
  int size;
  /** What it inserts; null for a delete. */
  Component.Insert insert;
  /** Length of the text it applies to. */
  int baseLength;

  /** The edit {@code op} makes, or null when it makes something else (no edit, or several). */
  static TypingEdit of(TextOperation op) {
    var components = op.components();
    int n = components.size();
    if (n == 0 || n > 3) return null;
    int i = 0;
    int at = 0;
    if (components.get(0) instanceof Component.Retain r) {
      at = r.count();
      i = 1;
    }
    if (i >= n) return null;
    Component edit = components.get(i);
    if (i + 1 < n && !(components.get(i + 1) instanceof Component.Retain && i + 2 == n)) return null;
    TypingEdit e = new TypingEdit();
    e.at = at;
    e.baseLength = op.baseLength();
    if (edit instanceof Component.Insert ins) {
      e.insert = ins;
      e.size = ins.text().length();
    } else if (edit instanceof Component.Delete d) {
      e.size = d.count();
    } else {
      return null;
    }
    return e;
  }

  TypingEdit copy() {
    TypingEdit e = new TypingEdit();
    e.set(this);
    return e;
  }

  void set(TypingEdit other) {
    at = other.at;
    size = other.size;
    insert = other.insert;
    baseLength = other.baseLength;
  }

  int targetLength() {
    return insert != null ? baseLength + size : baseLength - size;
  }

  TextOperation toOperation() {
    TextOperation.Builder b = TextOperation.builder().retain(at);
    if (insert != null) b.insert(insert.text(), insert.author()).retain(baseLength - at);
    else b.delete(size).retain(baseLength - at - size);
    return b.build();
  }

  /** As {@link TextOperation#transformIndex}: an insert at the index pushes it right, a deleted index moves to the deletion's start. */
  int transformIndex(int index) {
    if (index < 0 || index > baseLength) throw new IllegalStateException("index " + index + " outside a text of " + baseLength);
    if (insert != null) return at <= index ? index + size : index;
    return index <= at ? index : index - Math.min(index - at, size);
  }

  /**
   * Turns {@code a} and {@code b}, two edits of the same text, into {@code a'} and {@code b'} as
   * {@link TextOperation#transform} does ({@code a}'s insert first on a tie), in place; returns false,
   * changing neither, for the cases left to the general transform.
   */
  static boolean transform(TypingEdit a, TypingEdit b) {
    if (a.baseLength != b.baseLength) return false;
    int ax;
    int by;
    if (a.insert != null && b.insert != null) {
      ax = a.at <= b.at ? a.at : a.at + b.size;
      by = a.at <= b.at ? b.at + a.size : b.at;
    } else if (a.insert != null) { // a inserts, b deletes
      if (a.at <= b.at) {
        ax = a.at;
        by = b.at + a.size;
      } else if (a.at >= b.at + b.size) {
        ax = a.at - b.size;
        by = b.at;
      } else {
        return false;
      }
    } else if (b.insert != null) { // a deletes, b inserts
      if (b.at <= a.at) {
        ax = a.at + b.size;
        by = b.at;
      } else if (b.at >= a.at + a.size) {
        ax = a.at;
        by = b.at - a.size;
      } else {
        return false;
      }
    } else if (a.at + a.size <= b.at) { // two deletes apart
      ax = a.at;
      by = b.at - a.size;
    } else if (b.at + b.size <= a.at) {
      ax = a.at - b.size;
      by = b.at;
    } else {
      return false;
    }
    int aTarget = a.targetLength();
    a.baseLength = b.targetLength();
    a.at = ax;
    b.baseLength = aTarget;
    b.at = by;
    return true;
  }
}
