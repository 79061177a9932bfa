package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.CaseRunner;
import ardoise.testing.OtGen;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized laws of the OT core, {@value #CASES} cases each by default. Expected texts and
 * attributions come from {@link NaiveText}, which shares no code with the core. See {@link CaseRunner}
 * for -Dot.cases / -Dot.seed.
 */
class OtLawsTest {
  static final int CASES = 10_000;
  private static final String ME = "OtLawsTest";

  private static void forAll(String law, CaseRunner.Body body) {
    CaseRunner.forAll(law, ME, CaseRunner.cases(CASES, 1.0), body);
  }

  private static String doc(OtGen gen) {
    return gen.text(gen.nextInt(gen.chance(10) ? 60 : 25));
  }

  @Test
  void tp1TransformConverges() {
    forAll("TP1 (text and ops)", gen -> {
      String doc = doc(gen);
      TextOperation a = gen.op(doc, gen.chance(50) ? "*" : null);
      TextOperation b = gen.op(doc, gen.chance(50) ? "*" : null);
      TextOperation.Transformed t = TextOperation.transform(a, b);
      NaiveText.requireCanonical(t.aPrime(), "a'");
      NaiveText.requireCanonical(t.bPrime(), "b'");
      String viaA = NaiveText.apply(NaiveText.apply(doc, a), t.bPrime());
      String viaB = NaiveText.apply(NaiveText.apply(doc, b), t.aPrime());
      assertEquals(viaA, viaB, "texts diverge for a=" + a + " b=" + b + " doc=" + doc);
      assertEquals(a.compose(t.bPrime()), b.compose(t.aPrime()), "compose(a,b') != compose(b,a')");
      assertEquals(viaA, t.bPrime().apply(a.apply(doc)));
    });
  }

  @Test
  void tp1TransformConvergesOnAttribution() {
    forAll("TP1 (attribution)", gen -> {
      AttributedText doc = gen.attributed(gen.nextInt(4));
      TextOperation a = gen.op(doc.text(), gen.chance(30) ? "*" : null);
      TextOperation b = gen.op(doc.text(), gen.chance(30) ? "*" : null);
      TextOperation.Transformed t = TextOperation.transform(a, b);
      AttributedText viaA = doc.apply(a, "alice").apply(t.bPrime(), "bob");
      AttributedText viaB = doc.apply(b, "bob").apply(t.aPrime(), "alice");
      assertEquals(viaA.text(), viaB.text());
      assertEquals(viaA.runs(), viaB.runs(), "attribution diverges for a=" + a + " b=" + b);
      NaiveText naive = NaiveText.of(doc).apply(a, "alice").apply(t.bPrime(), "bob");
      assertEquals(naive.runs(), viaA.runs());
    });
  }

  @Test
  void composeAgreesWithApplyingInTurn() {
    forAll("compose/apply agreement", gen -> {
      AttributedText doc = gen.attributed(gen.nextInt(3));
      TextOperation a = gen.op(doc.text(), "*");
      TextOperation b = gen.op(a.apply(doc.text()), gen.chance(50) ? "*" : null);
      TextOperation c = gen.op(b.apply(a.apply(doc.text())), "*");
      TextOperation ab = a.compose(b);
      NaiveText.requireCanonical(ab, "a∘b");
      NaiveText expected = NaiveText.of(doc).apply(a, "d").apply(b, "d");
      assertEquals(expected.text(), NaiveText.apply(doc.text(), ab));
      assertEquals(expected.text(), ab.apply(doc.text()));
      AttributedText composed = doc.apply(ab, "d");
      assertEquals(expected.runs(), composed.runs());
      assertEquals(doc.apply(a, "d").apply(b, "d"), composed);
      assertEquals(ab.compose(c), a.compose(b.compose(c)), "compose is associative");
    });
  }

  @Test
  void invertUndoes() {
    forAll("invert round trip", gen -> {
      String doc = doc(gen);
      TextOperation op = gen.op(doc, gen.chance(50) ? "*" : null);
      String after = op.apply(doc);
      TextOperation inverse = op.invert(doc);
      NaiveText.requireCanonical(inverse, "invert");
      assertEquals(doc, NaiveText.apply(after, inverse));
      assertEquals(doc, NaiveText.apply(doc, op.compose(inverse)), "op∘invert leaves the text unchanged");
      assertEquals(op.withoutAuthors(), inverse.invert(after), "invert twice gives the op back");
    });
  }

  @Test
  void attributedTextMatchesANaiveModel() {
    forAll("attribution consistency", gen -> {
      AttributedText start = gen.chance(20) ? AttributedText.EMPTY : gen.attributed(1 + gen.nextInt(3));
      if (gen.chance(5)) start = bigPaste(gen, start); // pieces longer than AttributedText.MAX_PIECE
      String startText = start.text();
      List<AuthorRun> startRuns = start.runs();
      AttributedText t = start;
      NaiveText naive = NaiveText.of(start);
      int steps = 1 + gen.nextInt(8);
      for (int s = 0; s < steps; s++) {
        TextOperation op = gen.chance(3) ? paste(gen, t.text()) : gen.op(t.text(), gen.chance(30) ? "*" : null);
        String who = gen.author();
        t = t.apply(op, who);
        naive = naive.apply(op, who);
        assertEquals(naive.text(), t.text(), "text after step " + s);
        assertEquals(naive.runs(), t.runs(), "runs after step " + s);
        assertEquals(t.text().length(), t.length());
      }
      assertEquals(t, AttributedText.fromRuns(t.text(), t.runs()));
      assertEquals(startText, start.text(), "an old value changed");
      assertEquals(startRuns, start.runs(), "an old value's runs changed");
    });
  }

  private static AttributedText bigPaste(OtGen gen, AttributedText t) {
    return t.apply(paste(gen, t.text()), gen.author());
  }

  /** Inserts a long text (about 1–4 pieces of AttributedText) at a random boundary. */
  private static TextOperation paste(OtGen gen, String doc) {
    int at = gen.boundaryIn(doc);
    return TextOperation.builder().retain(at).insert(gen.text(200 + gen.nextInt(800)))
        .retain(doc.length() - at).build();
  }

  @Test
  void everyProducedOperationIsCanonical() {
    forAll("canonical form", gen -> {
      String doc = doc(gen);
      List<Object[]> calls = new ArrayList<>();
      TextOperation built = randomBuilderCalls(gen, doc, calls);
      NaiveText.requireCanonical(built, "builder");
      NaiveText raw = applyRawCalls(doc, calls);
      NaiveText viaBuilder = NaiveText.of(AttributedText.of(doc, "o")).apply(built, "o");
      assertEquals(raw.text(), viaBuilder.text(), "builder changed the text effect of its calls");
      assertEquals(raw.authors, viaBuilder.authors, "builder changed the attribution effect of its calls");
      TextOperation a = gen.op(doc, "*");
      TextOperation b = gen.op(doc, "*");
      NaiveText.requireCanonical(a.withAuthor("x"), "withAuthor");
      NaiveText.requireCanonical(a.withoutAuthors(), "withoutAuthors");
      NaiveText.requireCanonical(OpJson.fromJson(OpJson.toJsonValues(a)), "fromJson");
      assertEquals(a.withoutAuthors(), OpJson.fromJson(OpJson.toJsonValues(a)), "JSON round trip");
      NaiveText.requireCanonical(a.compose(gen.op(a.apply(doc), "*")), "compose");
      NaiveText.requireCanonical(TextOperation.transform(a, b).aPrime(), "transform a'");
      NaiveText.requireCanonical(TextOperation.transform(b, a).bPrime(), "transform b'");
      NaiveText.requireCanonical(a.invert(doc), "invert");
    });
  }

  /** Random retain/insert/delete calls in any order (never cutting a pair), recorded in {@code calls}. */
  private static TextOperation randomBuilderCalls(OtGen gen, String doc, List<Object[]> calls) {
    TextOperation.Builder b = TextOperation.builder();
    int pos = 0;
    while (pos < doc.length() || gen.chance(30)) {
      int kind = gen.nextInt(3);
      if (kind == 0 || pos >= doc.length()) {
        String text = gen.chance(20) ? "" : gen.nonEmptyText(3);
        String who = gen.chance(50) ? null : gen.author();
        b.insert(text, who);
        calls.add(new Object[] {"insert", text, who});
        continue;
      }
      int end = Math.min(doc.length(), pos + gen.nextInt(4));
      if (!OtGen.isBoundary(doc, end)) end++;
      if (kind == 1) b.retain(end - pos);
      else b.delete(end - pos);
      calls.add(new Object[] {kind == 1 ? "retain" : "delete", end - pos});
      pos = end;
    }
    return b.build();
  }

  /** Plays builder calls directly on the text, without the builder's merging and reordering. */
  private static NaiveText applyRawCalls(String doc, List<Object[]> calls) {
    NaiveText out = new NaiveText();
    int pos = 0;
    for (Object[] c : calls) {
      if (c[0].equals("insert")) {
        for (char ch : ((String) c[1]).toCharArray()) {
          out.chars.add(ch);
          out.authors.add(c[2] == null ? "o" : (String) c[2]);
        }
      } else if (c[0].equals("retain")) {
        for (int k = 0; k < (Integer) c[1]; k++, pos++) {
          out.chars.add(doc.charAt(pos));
          out.authors.add("o");
        }
      } else {
        pos += (Integer) c[1];
      }
    }
    return out;
  }

  @Test
  void transformIndexIsMonotonicAndInRange() {
    forAll("transformIndex monotonic and in range", gen -> {
      String doc = doc(gen);
      TextOperation op = gen.op(doc, "*");
      String after = op.apply(doc);
      boolean[] kept = keptUnits(op);
      int previous = -1;
      for (int i : OtGen.boundaries(doc)) {
        int j = op.transformIndex(i);
        assertTrue(j >= 0 && j <= after.length(), "index " + i + " -> " + j + " out of [0," + after.length() + "]");
        assertTrue(j >= previous, "not monotonic at " + i + ": " + previous + " then " + j);
        assertTrue(OtGen.isBoundary(after, j), "index " + i + " -> " + j + " lands inside a surrogate pair");
        if (i < doc.length() && kept[i]) assertEquals(doc.charAt(i), after.charAt(j), "kept char moved off " + i);
        previous = j;
      }
      assertEquals(after.length(), op.transformIndex(doc.length()), "the end stays at the end");
    });
  }

  private static boolean[] keptUnits(TextOperation op) {
    boolean[] kept = new boolean[op.baseLength()];
    int pos = 0;
    for (Component c : op.components()) {
      if (c instanceof Component.Retain r) for (int k = 0; k < r.count(); k++) kept[pos++] = true;
      else pos += c.baseLength();
    }
    return kept;
  }
}
