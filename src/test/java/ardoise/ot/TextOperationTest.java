package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand cases for the builder's canonical form, apply and invert. */
class TextOperationTest {

  private static TextOperation.Builder op() {
    return TextOperation.builder();
  }

  @Test
  void builderDropsEmptyComponents() {
    TextOperation o = op().retain(0).insert("").delete(0).retain(2).insert("", "bob").build();
    assertEquals(List.of(new Retain(2)), o.components());
    assertEquals(List.of(), op().build().components());
    assertTrue(op().build().isNoop());
  }

  @Test
  void builderMergesAdjacentComponentsOfOneKind() {
    TextOperation o = op().retain(2).retain(3).insert("a").insert("b").delete(1).delete(4).build();
    assertEquals(List.of(new Retain(5), new Insert("ab", null), new Delete(5)), o.components());
    assertEquals(10, o.baseLength());
    assertEquals(7, o.targetLength());
  }

  @Test
  void builderPutsInsertBeforeAdjacentDelete() {
    TextOperation o = op().retain(1).delete(2).insert("x").retain(1).build();
    assertEquals(List.of(new Retain(1), new Insert("x", null), new Delete(2), new Retain(1)), o.components());
    assertEquals(op().retain(1).insert("x").delete(2).retain(1).build(), o);
    assertEquals("axd", o.apply("abcd"));
  }

  @Test
  void insertAfterDeleteMergesWithTheInsertBeforeIt() {
    TextOperation o = op().insert("a", "bob").delete(2).insert("b", "bob").build();
    assertEquals(List.of(new Insert("ab", "bob"), new Delete(2)), o.components());
  }

  @Test
  void insertsOfDifferentAuthorsStaySeparate() {
    TextOperation o = op().insert("a", "alice").insert("b", "bob").insert("c", "bob").insert("d").build();
    assertEquals(List.of(new Insert("a", "alice"), new Insert("bc", "bob"), new Insert("d", null)), o.components());
    assertNotEquals(op().insert("abcd").build(), o);
    assertEquals(op().insert("abcd").build(), o.withoutAuthors());
    TextOperation afterDelete = op().insert("a", "alice").delete(1).insert("b", "bob").build();
    assertEquals(List.of(new Insert("a", "alice"), new Insert("b", "bob"), new Delete(1)), afterDelete.components());
  }

  @Test
  void builderKeepsMergingAfterBuildAndAcrossDeletes() {
    TextOperation.Builder b = op().insert("a", "x").insert("b", "x");
    assertEquals(List.of(new Insert("ab", "x")), b.build().components());
    b.delete(1).insert("c", "x").insert("d", "y").insert("e", "y");
    assertEquals(List.of(new Insert("abc", "x"), new Insert("de", "y"), new Delete(1)), b.build().components());
    b.retain(1).insert("f", "y").insert("g", "y");
    assertEquals(List.of(new Insert("abc", "x"), new Insert("de", "y"), new Delete(1), new Retain(1),
        new Insert("fg", "y")), b.build().components());
  }

  @Test
  void readingManySmallInsertsCompletes() {
    // Why: merging inserts by copying the whole text each time would be quadratic in the op size.
    TextOperation.Builder b = op();
    for (int i = 0; i < 200_000; i++) b.insert("mot ");
    TextOperation o = b.build();
    assertEquals(1, o.components().size());
    assertEquals(800_000, o.targetLength());
    assertEquals("mot mot ", ((Insert) o.components().get(0)).text().substring(0, 8));
  }

  @Test
  void builderRejectsNegativeCountsAndLoneSurrogates() {
    assertThrows(InvalidOperationException.class, () -> op().retain(-1));
    assertThrows(InvalidOperationException.class, () -> op().delete(-1));
    var e = assertThrows(InvalidOperationException.class, () -> op().insert("\ud83d"));
    assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
    assertThrows(InvalidOperationException.class, () -> op().insert("a\ude00b"));
    assertThrows(InvalidOperationException.class, () -> op().insert("\ude00\ud83d"));
    assertThrows(InvalidOperationException.class, () -> new Retain(0));
    assertThrows(InvalidOperationException.class, () -> new Delete(0));
    assertThrows(InvalidOperationException.class, () -> new Insert("", null));
  }

  @Test
  void builderRejectsLengthsBeyondIntRange() {
    var e = assertThrows(InvalidOperationException.class,
        () -> op().retain(Integer.MAX_VALUE).insert("x").retain(1));
    assertTrue(e.getMessage().contains("too long"), e.getMessage());
    assertThrows(InvalidOperationException.class, () -> op().retain(Integer.MAX_VALUE).insert("x").delete(1));
    assertThrows(InvalidOperationException.class, () -> op().delete(Integer.MAX_VALUE).insert("x").delete(1));
    assertThrows(InvalidOperationException.class, () -> op().retain(Integer.MAX_VALUE).insert("x"));
    assertEquals(Integer.MAX_VALUE, op().retain(Integer.MAX_VALUE).build().baseLength());
  }

  @Test
  void identityAndNoop() {
    assertEquals(op().retain(4).build(), TextOperation.identity(4));
    assertTrue(TextOperation.identity(4).isNoop());
    assertTrue(TextOperation.identity(0).isNoop());
    assertFalse(op().delete(1).build().isNoop());
  }

  @Test
  void applyInsertsDeletesAndRetains() {
    TextOperation o = op().retain(8).insert("tout le monde").delete(5).retain(1).build();
    assertEquals("Bonjour tout le monde!", o.apply("Bonjour world!"));
    assertEquals("é😀\nç", op().retain(3).insert("\n").retain(1).build().apply("é😀ç"));
    assertEquals("", op().delete(3).build().apply("é😀"));
  }

  @Test
  void applyRejectsBaseLengthMismatch() {
    var e = assertThrows(InvalidOperationException.class, () -> op().retain(3).build().apply("ab"));
    assertTrue(e.getMessage().contains("base length 3") && e.getMessage().contains("length 2"), e.getMessage());
    assertThrows(InvalidOperationException.class, () -> op().insert("x").build().apply("a"));
  }

  @Test
  void applyRejectsOpsThatSplitASurrogatePair() {
    String smile = "😀";
    List<Object[]> cases = List.of(
        new Object[] {smile, op().delete(1).retain(1).build()},
        new Object[] {smile, op().retain(1).delete(1).build()},
        new Object[] {smile, op().retain(1).insert("x").retain(1).build()},
        new Object[] {smile, op().insert("a").delete(1).retain(1).build()},
        new Object[] {"ab" + smile + "c", op().retain(3).delete(2).build()},
        new Object[] {"ab" + smile + "c", op().delete(3).retain(2).build()});
    for (Object[] c : cases) {
      String doc = (String) c[0];
      TextOperation bad = (TextOperation) c[1];
      var e = assertThrows(InvalidOperationException.class, () -> bad.apply(doc), bad + " on " + doc);
      assertTrue(e.getMessage().contains("surrogate pair"), e.getMessage());
    }
    assertEquals("x😀", op().insert("x").retain(2).build().apply(smile));
    assertEquals("😀x", op().retain(2).insert("x").build().apply(smile));
    assertEquals("a", op().retain(1).delete(2).build().apply("a" + smile));
  }

  @Test
  void invertRestoresTheDocument() {
    String doc = "Café 😀 crème";
    TextOperation o = op().retain(3).delete(1).insert("é!").retain(1).delete(2).retain(6).build();
    TextOperation inverse = o.invert(doc);
    assertEquals(doc, inverse.apply(o.apply(doc)));
    assertEquals(op().retain(3).insert("é").delete(2).retain(1).insert("😀").retain(6).build(), inverse);
    assertThrows(InvalidOperationException.class, () -> o.invert("short"));
  }

  @Test
  void invertedInsertsCarryNoAuthor() {
    TextOperation del = op().delete(2).build();
    assertEquals(List.of(new Insert("ab", null)), del.invert("ab").components());
  }

  @Test
  void withAuthorStampsOnlyUnattributedInserts() {
    TextOperation o = op().insert("a").retain(1).insert("b", "bob").delete(1).insert("c").build();
    TextOperation stamped = o.withAuthor("alice");
    assertEquals(List.of(new Insert("a", "alice"), new Retain(1), new Insert("b", "bob"),
        new Insert("c", "alice"), new Delete(1)), stamped.components());
    assertEquals(o.withoutAuthors(), stamped.withoutAuthors());
    assertEquals(stamped, stamped.withAuthor("someone else"));
    TextOperation merged = op().insert("a").insert("b", "alice").build().withAuthor("alice");
    assertEquals(List.of(new Insert("ab", "alice")), merged.components(), "withAuthor keeps the canonical form");
    assertEquals(List.of(new Insert("ab", null)), op().insert("a", "x").insert("b", "y").build()
        .withoutAuthors().components());
  }

  @Test
  void equalsAndToString() {
    assertEquals(op().retain(1).insert("a").build().hashCode(), op().retain(1).insert("a").build().hashCode());
    assertEquals("[5,\"Bonjour \",-3,12]", op().retain(5).insert("Bonjour ").delete(3).retain(12).build().toString());
  }
}
