package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.ot.TextOperation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The typing short cut gives exactly what the general transform gives, ties and edges included. */
class TypingTransformTest {
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
    for (int i = 0; i < 200_000; i++) {
      int length = r.nextInt(8);
      TextOperation a = edit(r, length);
      TextOperation b = edit(r, length);
      assertEquals(TextOperation.transform(a, b), TypingTransform.transform(a, b), a + " against " + b);
    }
  }

  @Test
  void tiesKeepTheFirstOpsInsertFirst() {
    TextOperation a = TextOperation.builder().retain(2).insert("a").retain(1).build();
    TextOperation b = TextOperation.builder().retain(2).insert("b").retain(1).build();
    TextOperation.Transformed t = TypingTransform.transform(a, b);
    assertEquals("xxab" + "x", t.bPrime().apply(a.apply("xxx")));
    assertEquals("xxab" + "x", t.aPrime().apply(b.apply("xxx")));
  }
}
