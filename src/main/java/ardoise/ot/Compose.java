package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.List;

/** Composition of two consecutive operations (ot.js {@code compose}), keeping insert authors. */
final class Compose {
  private Compose() {}

  static TextOperation compose(TextOperation a, TextOperation b) {
    if (a.targetLength() != b.baseLength()) {
      throw new InvalidOperationException("cannot compose: first target length " + a.targetLength()
          + " differs from second base length " + b.baseLength());
    }
    TextOperation.Builder out = TextOperation.builder();
    List<Component> ops1 = a.components();
    List<Component> ops2 = b.components();
    int i1 = 0;
    int i2 = 0;
    Component op1 = next(ops1, i1++);
    Component op2 = next(ops2, i2++);
    while (op1 != null || op2 != null) {
      if (op1 instanceof Delete) {
        out.add(op1);
        op1 = next(ops1, i1++);
        continue;
      }
      if (op2 instanceof Insert) {
        out.add(op2);
        op2 = next(ops2, i2++);
        continue;
      }
      if (op1 == null) throw new InvalidOperationException("cannot compose: first operation is too short");
      if (op2 == null) throw new InvalidOperationException("cannot compose: first operation is too long");
      int len1 = op1.targetLength();
      int len2 = op2.baseLength();
      int min = Math.min(len1, len2);
      if (op2 instanceof Retain) {
        out.add(head(op1, min));
      } else if (op1 instanceof Retain) {
        out.delete(min);
      } // else: op1 inserts what op2 deletes, both vanish
      op1 = len1 > min ? tail(op1, min) : next(ops1, i1++);
      op2 = len2 > min ? tail(op2, min) : next(ops2, i2++);
    }
    return out.build();
  }

  static Component next(List<Component> ops, int i) {
    return i < ops.size() ? ops.get(i) : null;
  }

  /** The first {@code n} units of a retain, insert or delete. */
  static Component head(Component c, int n) {
    if (c instanceof Retain) return new Retain(n);
    if (c instanceof Insert i) return new Insert(i.text().substring(0, n), i.author());
    return new Delete(n);
  }

  /** What is left of a retain, insert or delete after its first {@code n} units. */
  static Component tail(Component c, int n) {
    if (c instanceof Retain r) return new Retain(r.count() - n);
    if (c instanceof Insert i) return new Insert(i.text().substring(n), i.author());
    return new Delete(((Delete) c).count() - n);
  }
}
