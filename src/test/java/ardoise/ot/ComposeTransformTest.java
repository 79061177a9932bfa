package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.Component.Insert;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand cases for compose, transform and transformIndex. */
class ComposeTransformTest {

  private static TextOperation.Builder op() {
    return TextOperation.builder();
  }

  @Test
  void composeChainsTwoOperations() {
    String doc = "Bonjour";
    TextOperation a = op().retain(7).insert(" à tous").build();
    TextOperation b = op().delete(3).insert("Re").retain(11).insert(" 😀").build();
    TextOperation ab = a.compose(b);
    assertEquals("Rejour à tous 😀", b.apply(a.apply(doc)));
    assertEquals(b.apply(a.apply(doc)), ab.apply(doc));
    assertEquals(op().insert("Re").delete(3).retain(4).insert(" à tous 😀").build(), ab);
  }

  @Test
  void composeCancelsTextInsertedThenDeleted() {
    TextOperation a = op().retain(1).insert("xyz").retain(1).build();
    TextOperation b = op().retain(2).delete(2).retain(1).build();
    assertEquals(op().retain(1).insert("x").retain(1).build(), a.compose(b));
    assertEquals(TextOperation.identity(2), a.compose(a.invert("ab")));
  }

  @Test
  void composeKeepsAuthors() {
    TextOperation a = op().insert("ab", "alice").build();
    TextOperation b = op().retain(1).insert("X", "bob").retain(1).build();
    assertEquals(List.of(new Insert("a", "alice"), new Insert("X", "bob"), new Insert("b", "alice")),
        a.compose(b).components());
  }

  @Test
  void composeRejectsMismatchedLengths() {
    var e = assertThrows(InvalidOperationException.class,
        () -> op().retain(2).build().compose(op().retain(3).build()));
    assertTrue(e.getMessage().contains("cannot compose"), e.getMessage());
  }

  @Test
  void composeRejectsCuttingAnInsertedSurrogatePair() {
    TextOperation a = op().insert("😀").build();
    assertThrows(InvalidOperationException.class, () -> a.compose(op().retain(1).delete(1).build()));
    assertThrows(InvalidOperationException.class, () -> a.compose(op().delete(1).retain(1).build()));
  }

  @Test
  void transformPutsTheFirstOperationsInsertFirstAtEqualPositions() {
    String doc = "ab";
    TextOperation a = op().retain(1).insert("A", "alice").retain(1).build();
    TextOperation b = op().retain(1).insert("B", "bob").retain(1).build();
    TextOperation.Transformed t = TextOperation.transform(a, b);
    assertEquals(op().retain(1).insert("A", "alice").retain(2).build(), t.aPrime());
    assertEquals(op().retain(2).insert("B", "bob").retain(1).build(), t.bPrime());
    assertEquals("aABb", t.aPrime().apply(b.apply(doc)));
    assertEquals("aABb", t.bPrime().apply(a.apply(doc)));
    TextOperation.Transformed swapped = TextOperation.transform(b, a);
    assertEquals("aBAb", swapped.aPrime().apply(a.apply(doc)));
  }

  @Test
  void transformHandlesOverlappingDeletes() {
    String doc = "abcdef";
    TextOperation a = op().retain(1).delete(3).retain(2).build();
    TextOperation b = op().retain(2).delete(3).retain(1).build();
    TextOperation.Transformed t = TextOperation.transform(a, b);
    assertEquals(op().retain(1).delete(1).retain(1).build(), t.aPrime());
    assertEquals(op().retain(1).delete(1).retain(1).build(), t.bPrime());
    assertEquals("af", t.aPrime().apply(b.apply(doc)));
    assertEquals(a.compose(t.bPrime()), b.compose(t.aPrime()));
  }

  @Test
  void transformInsertInsideADeletedRangeSurvives() {
    TextOperation a = op().delete(4).build();
    TextOperation b = op().retain(2).insert("é").retain(2).build();
    TextOperation.Transformed t = TextOperation.transform(a, b);
    assertEquals("é", t.aPrime().apply(b.apply("abcd")));
    assertEquals("é", t.bPrime().apply(a.apply("abcd")));
  }

  @Test
  void transformRejectsDifferentBases() {
    var e = assertThrows(InvalidOperationException.class,
        () -> TextOperation.transform(op().retain(2).build(), op().retain(3).build()));
    assertTrue(e.getMessage().contains("cannot transform"), e.getMessage());
  }

  @Test
  void transformIndexFollowsInsertsAndDeletes() {
    TextOperation o = op().retain(2).insert("XYZ").retain(2).delete(3).retain(1).build();
    assertEquals(0, o.transformIndex(0));
    assertEquals(1, o.transformIndex(1));
    assertEquals(5, o.transformIndex(2), "an insert exactly at the index pushes it right");
    assertEquals(6, o.transformIndex(3));
    assertEquals(7, o.transformIndex(4));
    assertEquals(7, o.transformIndex(5), "a deleted index moves to the start of the deletion");
    assertEquals(7, o.transformIndex(6));
    assertEquals(7, o.transformIndex(7));
    assertEquals(8, o.transformIndex(8));
    assertEquals(o.targetLength(), o.transformIndex(o.baseLength()));
    assertEquals(3, op().insert("abc").build().transformIndex(0));
    assertEquals(0, op().delete(5).build().transformIndex(5));
  }

  @Test
  void transformIndexRejectsIndexesOutsideTheDocument() {
    TextOperation o = op().retain(2).insert("x").build();
    var e = assertThrows(InvalidOperationException.class, () -> o.transformIndex(3));
    assertTrue(e.getMessage().contains("outside the document"), e.getMessage());
    assertThrows(InvalidOperationException.class, () -> o.transformIndex(-1));
    assertEquals(3, o.transformIndex(2));
  }

  @Test
  void transformIndexOfDeleteThenInsert() {
    TextOperation o = op().retain(1).delete(2).insert("ab").retain(1).build(); // canonical: insert first
    assertEquals(3, o.transformIndex(1));
    assertEquals(3, o.transformIndex(2));
    assertEquals(3, o.transformIndex(3));
    assertEquals(4, o.transformIndex(4));
  }
}
