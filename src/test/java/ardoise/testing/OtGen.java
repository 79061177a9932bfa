package ardoise.testing;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of documents and valid operations for the OT tests. Texts mix ASCII, French
 * accents, emoji (surrogate pairs) and newlines; valid operations never cut through a surrogate pair.
 */
public final class OtGen {
  private static final String[] UNITS = {
      "a", "b", "e", "z", " ", " ", "é", "à", "ç", "œ", "É", "\n", "😀", "🎉", "👍🏽", "’", "«", "»", "x"};
  public static final String[] AUTHORS = {"alice", "bob", "carole", "dédé"};

  private final Random random;

  public OtGen(long seed) {
    // Why mixed: java.util.Random's first draws are nearly equal for consecutive seeds (cases and
    // clients get base + i), which made every case or client start the same way.
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
  }

  public Random random() { return random; }

  public int nextInt(int bound) { return random.nextInt(bound); }

  public boolean chance(int percent) { return random.nextInt(100) < percent; }

  /** A text of about {@code units} characters (emoji count as one, so it may be longer in code units). */
  public String text(int units) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < units; i++) sb.append(UNITS[random.nextInt(UNITS.length)]);
    return sb.toString();
  }

  /** A non-empty text of 1..maxUnits characters. */
  public String nonEmptyText(int maxUnits) {
    return text(1 + random.nextInt(maxUnits));
  }

  public String author() { return AUTHORS[random.nextInt(AUTHORS.length)]; }

  /** True when {@code pos} is a valid cut of {@code doc} (not between the halves of a pair). */
  public static boolean isBoundary(CharSequence doc, int pos) {
    return pos <= 0 || pos >= doc.length()
        || !(Character.isHighSurrogate(doc.charAt(pos - 1)) && Character.isLowSurrogate(doc.charAt(pos)));
  }

  /** All valid cut positions of {@code doc}, 0 and length included. */
  public static List<Integer> boundaries(CharSequence doc) {
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p <= doc.length(); p++) if (isBoundary(doc, p)) out.add(p);
    return out;
  }

  /** A random valid operation on {@code doc}, without authors. */
  public TextOperation op(String doc) {
    return op(doc, null);
  }

  /**
   * A random valid operation on {@code doc}: chunks of retain and delete ending on boundaries, with
   * inserts in between; {@code author} is put on every insert (null for none, "*" for random ones).
   */
  public TextOperation op(String doc, String author) {
    TextOperation.Builder b = TextOperation.builder();
    int pos = 0;
    int n = doc.length();
    int maxChunk = Math.max(1, n / 3 + 1);
    while (true) {
      if (chance(30)) insert(b, author);
      if (pos >= n) break;
      int end = Math.min(n, pos + 1 + random.nextInt(maxChunk));
      if (!isBoundary(doc, end)) end++;
      int k = end - pos;
      switch (random.nextInt(5)) {
        case 0, 1 -> b.delete(k);
        default -> b.retain(k);
      }
      pos = end;
    }
    return b.build();
  }

  private void insert(TextOperation.Builder b, String author) {
    String who = "*".equals(author) ? author() : author;
    b.insert(nonEmptyText(4), who);
  }

  /** A document with mixed attribution, built by a few random operations of random authors. */
  public AttributedText attributed(int steps) {
    AttributedText doc = AttributedText.EMPTY;
    for (int i = 0; i < steps; i++) doc = doc.apply(op(doc.text()), author());
    return doc;
  }

  /** A position of {@code doc} in [0, length] that is a boundary. */
  public int boundaryIn(String doc) {
    List<Integer> b = boundaries(doc);
    return b.get(random.nextInt(b.size()));
  }
}
