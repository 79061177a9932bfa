package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;

/**
 * {@link TextOperation#transform} with a short cut for the ops typing makes: one insert, or one
 * delete, at one place. Why: a lean typist with an op in flight transforms it against every op the
 * pad commits, hundreds of typists at once, and the general transform walks and rebuilds both ops
 * component by component. The short cut gives the same result (TypingTransformTest compares them);
 * anything else (several edits, an insert inside a deleted range, overlapping deletes) takes the
 * general transform.
 */
final class TypingTransform {
  private TypingTransform() {}

  static TextOperation.Transformed transform(TextOperation a, TextOperation b) {
    Edit x = Edit.of(a);
    Edit y = x == null ? null : Edit.of(b);
    if (y == null || a.baseLength() != b.baseLength()) return TextOperation.transform(a, b);
    int ax;
    int by;
    if (x.insert != null && y.insert != null) { // a's insert first on a tie, as the general transform
      ax = x.at <= y.at ? x.at : x.at + y.size;
      by = x.at <= y.at ? y.at + x.size : y.at;
    } else if (x.insert != null) { // a inserts, b deletes
      if (x.at <= y.at) {
        ax = x.at;
        by = y.at + x.size;
      } else if (x.at >= y.at + y.size) {
        ax = x.at - y.size;
        by = y.at;
      } else {
        return TextOperation.transform(a, b);
      }
    } else if (y.insert != null) { // a deletes, b inserts
      if (y.at <= x.at) {
        ax = x.at + y.size;
        by = y.at;
      } else if (y.at >= x.at + x.size) {
        ax = x.at;
        by = y.at - x.size;
      } else {
        return TextOperation.transform(a, b);
      }
    } else if (x.at + x.size <= y.at) { // two deletes apart
      ax = x.at;
      by = y.at - x.size;
    } else if (y.at + y.size <= x.at) {
      ax = x.at - y.size;
      by = y.at;
    } else {
      return TextOperation.transform(a, b);
    }
    return new TextOperation.Transformed(x.at(ax, b.targetLength()), y.at(by, a.targetLength()));
  }

  /** An op that retains, then inserts or deletes once at {@code at}, then retains. */
  private record Edit(int at, Component.Insert insert, int size) {
    static Edit of(TextOperation op) {
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
      if (edit instanceof Component.Insert ins) return new Edit(at, ins, ins.text().length());
      if (edit instanceof Component.Delete d) return new Edit(at, null, d.count());
      return null;
    }

    /** The same edit at {@code position} of a text of {@code baseLength}. */
    TextOperation at(int position, int baseLength) {
      TextOperation.Builder b = TextOperation.builder().retain(position);
      if (insert != null) b.insert(insert.text(), insert.author()).retain(baseLength - position);
      else b.delete(size).retain(baseLength - position - size);
      return b.build();
    }
  }
}
