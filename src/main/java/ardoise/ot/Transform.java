package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.List;

/** Transformation of two concurrent operations (ot.js {@code transform}); {@code a}'s inserts win ties. */
final class Transform {
  private Transform() {}

  static TextOperation.Transformed transform(TextOperation a, TextOperation b) {
    if (a.baseLength() != b.baseLength()) {
      throw new InvalidOperationException("cannot transform: base lengths differ ("
          + a.baseLength() + " and " + b.baseLength() + ")");
    }
    TextOperation.Builder aPrime = TextOperation.builder();
    TextOperation.Builder bPrime = TextOperation.builder();
    List<Component> ops1 = a.components();
    List<Component> ops2 = b.components();
    int i1 = 0;
    int i2 = 0;
    Component op1 = Compose.next(ops1, i1++);
    Component op2 = Compose.next(ops2, i2++);
    while (op1 != null || op2 != null) {
      if (op1 instanceof Insert ins) {
        aPrime.add(ins);
        bPrime.retain(ins.text().length());
        op1 = Compose.next(ops1, i1++);
        continue;
      }
      if (op2 instanceof Insert ins) {
        aPrime.retain(ins.text().length());
        bPrime.add(ins);
        op2 = Compose.next(ops2, i2++);
        continue;
      }
      if (op1 == null) throw new InvalidOperationException("cannot transform: first operation is too short");
      if (op2 == null) throw new InvalidOperationException("cannot transform: first operation is too long");
      int len1 = op1.baseLength();
      int len2 = op2.baseLength();
      int min = Math.min(len1, len2);
      if (op1 instanceof Retain && op2 instanceof Retain) {
        aPrime.retain(min);
        bPrime.retain(min);
      } else if (op1 instanceof Delete && op2 instanceof Retain) {
        aPrime.delete(min);
      } else if (op1 instanceof Retain && op2 instanceof Delete) {
        bPrime.delete(min);
      } // else both delete the same text: nothing left to do for either
      op1 = len1 > min ? Compose.tail(op1, min) : Compose.next(ops1, i1++);
      op2 = len2 > min ? Compose.tail(op2, min) : Compose.next(ops2, i2++);
    }
    return new TextOperation.Transformed(aPrime.build(), bPrime.build());
  }
}
