package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A typing edit moves, and moves a caret, exactly as the general transform does, ties and edges included. */
class TypingEditTest {
  private static TextOperation edit(Random r, int length) {
    int kind = r.nextInt(length == 0 ? 2 : 4);
    int at = r.nextInt(length + 1);
    TextOperation.Builder b = TextOperation.builder().retain(at);
    if (kind == 0) return b.insert("x").retain(length - at).build();
    if (kind == 1) return b.insert("yz", r.nextBoolean() ? "someone" : null).retain(length - at).build();
    if (at == length) at--;
    int size = 1 + r.nextInt(Math.min(3, length - at));
    b = TextOperation.builder().retain(at).delete(size).retain(length - at - size);
    if (kind == 3 && at + size < length) b = TextOperation.builder().retain(at).delete(size).retain(1).insert("w").retain(length - at - size - 1);
    return b.build();
  }

  @Test
  void sameResultAsTheGeneralTransform() {
    Random r = new Random(7);
    int shortCuts = 0;
    for (int i = 0; i < 200_000; i++) {
      int length = r.nextInt(8);
      TextOperation a = edit(r, length);
      TextOperation b = edit(r, length);
      TypingEdit x = TypingEdit.of(a);
      TypingEdit y = TypingEdit.of(b);
      if (x == null || y == null) continue; // a delete and an insert: left to the general transform
      assertEquals(a, x.toOperation());
      TextOperation.Transformed expected = TextOperation.transform(a, b);
      if (!TypingEdit.transform(x, y)) {
        assertEquals(a, x.toOperation(), "left unchanged");
        assertEquals(b, y.toOperation(), "left unchanged");
        continue;
      }
      shortCuts++;
      assertEquals(expected, new TextOperation.Transformed(x.toOperation(), y.toOperation()), a + " against " + b);
      assertEquals(expected.aPrime().targetLength(), x.targetLength());
    }
    assertTrue(shortCuts > 100_000, shortCuts + " short cuts");
  }

  @Test
  void movesACaretAsTheOpDoes() {
    Random r = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      int length = r.nextInt(8);
      TextOperation op = edit(r, length);
      TypingEdit e = TypingEdit.of(op);
      if (e == null) continue;
      for (int index = 0; index <= length; index++) assertEquals(op.transformIndex(index), e.transformIndex(index), op + " at " + index);
    }
  }

  @Test
  void onlyOneEditAtOnePlaceIsATypingEdit() {
    assertNull(TypingEdit.of(TextOperation.identity(3)));
    assertNull(TypingEdit.of(TextOperation.builder().insert("a").retain(1).insert("b").build()));
    assertNull(TypingEdit.of(TextOperation.builder().delete(1).insert("b").retain(2).build()));
    assertNull(TypingEdit.of(TextOperation.builder().delete(1).retain(1).insert("b").build()));
    assertEquals(2, TypingEdit.of(TextOperation.builder().retain(2).delete(1).build()).at);
  }

  @Test
  void tiesKeepTheFirstOpsInsertFirst() {
    TypingEdit a = TypingEdit.of(TextOperation.builder().retain(2).insert("a").retain(1).build());
    TypingEdit b = TypingEdit.of(TextOperation.builder().retain(2).insert("b").retain(1).build());
    TextOperation aOp = a.toOperation();
    TextOperation bOp = b.toOperation();
    assertTrue(TypingEdit.transform(a, b));
    assertEquals("xxab" + "x", b.toOperation().apply(aOp.apply("xxx")));
    assertEquals("xxab" + "x", a.toOperation().apply(bOp.apply("xxx")));
  }
}
