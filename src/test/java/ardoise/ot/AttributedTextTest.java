package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.OtGen;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attributed text: apply, runs, fromRuns validation, persistence and large documents. */
class AttributedTextTest {

  private static TextOperation.Builder op() {
    return TextOperation.builder();
  }

  private static List<AuthorRun> runs(Object... lengthAuthor) {
    AuthorRun[] out = new AuthorRun[lengthAuthor.length / 2];
    for (int i = 0; i < out.length; i++) out[i] = new AuthorRun((Integer) lengthAuthor[2 * i], (String) lengthAuthor[2 * i + 1]);
    return List.of(out);
  }

  @Test
  void emptyAndOf() {
    assertEquals("", AttributedText.EMPTY.text());
    assertEquals(0, AttributedText.EMPTY.length());
    assertEquals(List.of(), AttributedText.EMPTY.runs());
    AttributedText t = AttributedText.of("Café 😀", "alice");
    assertEquals("Café 😀", t.text());
    assertEquals(runs(7, "alice"), t.runs());
    assertEquals(AttributedText.EMPTY, AttributedText.of("", "bob"));
    assertEquals(runs(2, ""), AttributedText.of("ab", null).runs());
  }

  @Test
  void applyAttributesInsertsToTheDefaultAuthorUnlessTheyHaveOne() {
    AttributedText t = AttributedText.of("Bonjour", "alice");
    AttributedText u = t.apply(op().retain(3).insert("XY").retain(4).insert("!", "carole").build(), "bob");
    assertEquals("BonXYjour!", u.text());
    assertEquals(runs(3, "alice", 2, "bob", 4, "alice", 1, "carole"), u.runs());
    AttributedText v = u.apply(op().retain(2).delete(5).retain(3).build(), "bob");
    assertEquals("Bour!", v.text());
    assertEquals(runs(4, "alice", 1, "carole"), v.runs(), "runs coalesce once the other author's text is gone");
    assertEquals(runs(6, ""), AttributedText.EMPTY.apply(op().insert("sans nom").delete(0).build()
        .compose(op().delete(2).retain(6).build()), null).runs());
  }

  @Test
  void runsCoalesceAdjacentPiecesOfOneAuthor() {
    AttributedText t = AttributedText.EMPTY;
    for (int i = 0; i < 1000; i++) t = t.apply(op().retain(t.length()).insert("é").build(), "alice");
    assertEquals(runs(1000, "alice"), t.runs());
    t = t.apply(op().retain(500).insert("😀", "bob").retain(500).build(), null);
    assertEquals(runs(500, "alice", 2, "bob", 500, "alice"), t.runs());
    t = t.apply(op().retain(500).delete(2).retain(500).build(), null);
    assertEquals(runs(1000, "alice"), t.runs());
  }

  @Test
  void applyRejectsBadOpsAndLeavesTheValueUntouched() {
    AttributedText t = AttributedText.of("a😀b", "alice");
    var e = assertThrows(InvalidOperationException.class, () -> t.apply(op().retain(3).build(), "bob"));
    assertTrue(e.getMessage().contains("base length"), e.getMessage());
    e = assertThrows(InvalidOperationException.class, () -> t.apply(op().retain(2).delete(2).build(), "bob"));
    assertTrue(e.getMessage().contains("surrogate pair"), e.getMessage());
    assertThrows(InvalidOperationException.class, () -> t.apply(op().retain(2).insert("x").retain(2).build(), "b"));
    assertThrows(InvalidOperationException.class, () -> t.apply(op().delete(2).retain(2).build(), "b"));
    assertEquals("a😀b", t.text());
    assertEquals(runs(4, "alice"), t.runs());
  }

  @Test
  void oldValuesStayUnchangedAfterApply() {
    OtGen gen = new OtGen(11);
    AttributedText t = gen.attributed(5);
    String text = t.text();
    List<AuthorRun> runs = t.runs();
    AttributedText[] versions = new AttributedText[50];
    String[] texts = new String[50];
    List<?>[] allRuns = new List<?>[50];
    AttributedText cur = t;
    for (int i = 0; i < 50; i++) {
      cur = cur.apply(gen.op(cur.text()), gen.author());
      versions[i] = cur;
      texts[i] = cur.text();
      allRuns[i] = cur.runs();
    }
    assertEquals(text, t.text());
    assertEquals(runs, t.runs());
    for (int i = 0; i < 50; i++) {
      // A fresh copy rebuilt from the stored form proves no cached text hides a mutated tree.
      AttributedText copy = AttributedText.fromRuns(versions[i].text(), versions[i].runs());
      assertEquals(texts[i], copy.text());
      assertEquals(allRuns[i], versions[i].runs());
    }
  }

  @Test
  void fromRunsRebuildsTheValue() {
    AttributedText t = AttributedText.fromRuns("Bonjour é😀", runs(3, "alice", 4, "bob", 4, "alice"));
    assertEquals("Bonjour é😀", t.text());
    assertEquals(runs(3, "alice", 4, "bob", 4, "alice"), t.runs());
    assertEquals(t, AttributedText.fromRuns(t.text(), t.runs()));
    assertEquals(runs(4, "a"), AttributedText.fromRuns("abcd", runs(1, "a", 3, "a")).runs());
    assertEquals(AttributedText.EMPTY, AttributedText.fromRuns("", List.of()));
    String big = "x".repeat(1000);
    assertEquals(runs(1000, "a"), AttributedText.fromRuns(big, runs(1000, "a")).runs());
  }

  @Test
  void fromRunsRejectsRunsThatDoNotCoverTheText() {
    assertFromRunsFails("abc", runs(2, "a"), "cover 2");
    assertFromRunsFails("abc", runs(2, "a", 2, "b"), "cover 4");
    assertFromRunsFails("abc", runs(3, "a", 1, "b"), "cover 4");
    assertFromRunsFails("", runs(1, "a"), "cover 1");
    assertFromRunsFails("abc", List.of(), "cover 0");
    assertFromRunsFails("a😀", runs(2, "a", 1, "b"), "surrogate pair");
    assertFromRunsFails("a\ud83d", runs(2, "a"), "lone surrogate");
    assertThrows(InvalidOperationException.class, () -> new AuthorRun(0, "a"));
    assertThrows(InvalidOperationException.class, () -> new AuthorRun(1, null));
  }

  private static void assertFromRunsFails(String text, List<AuthorRun> runs, String expected) {
    var e = assertThrows(InvalidOperationException.class, () -> AttributedText.fromRuns(text, runs), text + runs);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void equalityLooksAtTextAndAuthors() {
    assertEquals(AttributedText.of("ab", "x"), AttributedText.fromRuns("ab", runs(1, "x", 1, "x")));
    assertNotEquals(AttributedText.of("ab", "x"), AttributedText.of("ab", "y"));
    assertNotEquals(AttributedText.of("ab", "x"), AttributedText.of("ac", "x"));
  }

  @Test
  void typingTwoHundredThousandCharactersOneByOneCompletes() {
    AttributedText t = AttributedText.EMPTY;
    String[] typed = {"a", "é", " ", "ç", "\n", "😀"};
    int n = 0;
    int units = 0;
    while (units < 200_000) {
      String s = typed[n++ % typed.length];
      t = t.apply(op().retain(units).insert(s).build(), (n / 1000) % 2 == 0 ? "alice" : "bob");
      units += s.length();
    }
    assertEquals(units, t.length());
    assertEquals(units, t.text().length());
    assertEquals(units, t.runs().stream().mapToInt(AuthorRun::length).sum());
    // Typing in the middle, as in a real pad, stays logarithmic too (no whole-text reads in the loop).
    OtGen gen = new OtGen(3);
    for (int i = 0; i < 20_000; i++) {
      int at = (int) ((long) i * 7919 % (t.length() + 1));
      try {
        t = t.apply(op().retain(at).insert("x").retain(t.length() - at).build(), gen.author());
      } catch (InvalidOperationException insidePair) {
        t = t.apply(op().retain(at - 1).insert("x").retain(t.length() - at + 1).build(), gen.author());
      }
    }
    assertEquals(units + 20_000, t.length());
    assertTrue(t.treeDepth() < 200, "treap depth " + t.treeDepth() + " is not logarithmic");
  }

  @Test
  void oneAuthorEditingInsideTheirOwnTextKeepsTheTreeBalanced() {
    // Why: if cutting a piece gave both halves the same priority, these ties would turn the treap
    // into a list (depth ~10,000 after 20,000 such keystrokes, then a StackOverflowError).
    java.util.Random random = new java.util.Random(1);
    AttributedText t = AttributedText.of("a".repeat(256), "alice");
    for (int i = 0; i < 50_000; i++) {
      int at = random.nextInt(t.length() + 1);
      t = t.apply(op().retain(at).insert("b").retain(t.length() - at).build(), "alice");
    }
    assertEquals(50_256, t.length());
    assertEquals(runs(50_256, "alice"), t.runs());
    assertTrue(t.treeDepth() < 200, "treap depth " + t.treeDepth() + " is not logarithmic");
  }
}
