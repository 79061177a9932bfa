package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.CaseRunner;
import ardoise.testing.OtGen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TextDiff: the law, surrogate pairs, and that text both sides share keeps its authors. */
class TextDiffTest {

  private static List<AuthorRun> runs(Object... lengthAuthor) {
    AuthorRun[] out = new AuthorRun[lengthAuthor.length / 2];
    for (int i = 0; i < out.length; i++) out[i] = new AuthorRun((Integer) lengthAuthor[2 * i], (String) lengthAuthor[2 * i + 1]);
    return List.of(out);
  }

  /** What {@code restorer} does to a document when it makes it read {@code wanted}. */
  private static AttributedText restore(AttributedText doc, String wanted, String restorer) {
    TextOperation op = TextDiff.between(doc.text(), wanted, restorer);
    assertEquals(wanted, op.apply(doc.text()));
    return doc.apply(op, restorer);
  }

  @Test
  void twoSeparatedChangesKeepTheAuthorsOfTheMiddle() {
    AttributedText doc = AttributedText.of("Ordre du jour\n", "alice")
        .apply(TextOperation.builder().retain(14).insert("1. budget\n2. locaux\n3. fête\n", "bruno").build(), null);
    String wanted = "Ordre du jour !\n1. budget\n2. locaux\n3. fête de fin\n";
    AttributedText after = restore(doc, wanted, "carole");
    assertEquals(wanted, after.text());
    assertEquals(runs(13, "alice", 2, "carole", 1, "alice", 27, "bruno", 7, "carole", 1, "bruno"), after.runs());
  }

  @Test
  void changedLinesAreComparedCharacterByCharacter() {
    AttributedText doc = AttributedText.of("le chat dort\nla pluie\n", "alice");
    AttributedText after = restore(doc, "le chat mange\nla pluie\n", "bob");
    assertEquals(runs(8, "alice", 5, "bob", 10, "alice"), after.runs(), "only the changed word is bob's");
  }

  @Test
  void aDeletedLineLeavesItsNeighboursTheirAuthors() {
    AttributedText doc = AttributedText.of("un\n", "a")
        .apply(TextOperation.builder().retain(3).insert("deux\n", "b").build(), null)
        .apply(TextOperation.builder().retain(8).insert("trois\n", "c").build(), null);
    AttributedText after = restore(doc, "un\ntrois\n", "d");
    assertEquals(runs(3, "a", 6, "c"), after.runs());
  }

  @Test
  void emojiAreNeverCut() {
    // 😀 and 😃 share their high surrogate: a diff of code units would keep it and cut the pair.
    TextOperation op = TextDiff.between("a😀b", "a😃b", "x");
    assertEquals(List.of(new Component.Retain(1), new Component.Insert("😃", "x"), new Component.Delete(2),
        new Component.Retain(1)), op.components());
    assertEquals("", TextDiff.between("", "", "x").apply(""));
    assertEquals("abc", TextDiff.between("", "abc", "x").apply(""));
    assertEquals("", TextDiff.between("abc", "", "x").apply("abc"));
  }

  @Test
  void unrelatedLargeTextsStayWithinBudgetAndCorrect() {
    // Over the budgets the differing middle is replaced whole: still the law, and never a cut pair.
    OtGen gen = new OtGen(7);
    String a = gen.text(60_000);
    String b = gen.text(60_000);
    TextOperation op = TextDiff.between(a, b, "x");
    assertEquals(b, op.apply(a));
  }

  @Test
  void scatteredChangesInALargePadKeepEveryUnchangedLine() {
    OtGen gen = new OtGen(3);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) lines.add(gen.text(40).replace("\n", " ") + "\n"); // about 100 KB
    String before = String.join("", lines);
    AttributedText doc = AttributedText.of(before, "alice");
    // "[[7]]" shares no character with the generated lines: nothing in it can match by chance.
    for (int i = 100; i < lines.size(); i += 250) lines.set(i, "[[7]]" + lines.get(i));
    String after = String.join("", lines);
    AttributedText restored = restore(doc, after, "bob");
    int bobs = restored.runs().stream().filter(r -> r.author().equals("bob")).mapToInt(AuthorRun::length).sum();
    assertEquals(10 * "[[7]]".length(), bobs, "only the ten inserted marks are bob's");
  }

  @Test
  void lawHoldsOnRandomTexts() {
    CaseRunner.forAll("between(a, b).apply(a) == b", "TextDiffTest", CaseRunner.cases(3000, 1), gen -> {
      String a = gen.text(gen.nextInt(60));
      String b = gen.chance(70) ? gen.op(a).apply(a) : gen.text(gen.nextInt(60));
      TextOperation op = TextDiff.between(a, b, "x");
      assertEquals(b, op.apply(a));
      // Applying to attributed text checks every cut is on a code point boundary.
      AttributedText doc = AttributedText.of(a, "old").apply(op, "x");
      assertEquals(b, doc.text());
      int kept = doc.runs().stream().filter(r -> r.author().equals("old")).mapToInt(AuthorRun::length).sum();
      assertTrue(kept <= Math.min(a.length(), b.length()));
    });
  }
}
