package ardoise.ot;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The operation turning one text into another, so that text both sides share keeps its authors
 * (restore, import): a Myers diff of the lines, then of the characters (code points) inside each
 * changed group of lines. {@code webroot/js/ot/diff.js} does the same in the browser.
 *
 * <p>Law: {@code between(a, b).apply(a).equals(b)}; never cuts a surrogate pair of a well-formed text
 * (characters are compared as code points).
 *
 * <p>Cost: Myers takes O((n + m) · d) for d differences. Each diff gets a budget of work; a diff that
 * would exceed it stops and its region is replaced whole (its text then belongs to {@code author}),
 * so two unrelated megabyte texts cost a bounded amount, while scattered edits in a big pad cost
 * little (few lines differ, and only they are compared character by character).
 *
 * <p>Pure and thread-safe.
 */
public final class TextDiff {
  /** Comparisons one line diff may spend; then the differing middle is replaced whole. */
  static final long LINE_BUDGET = 10_000_000L;
  /** Comparisons all character diffs of one call may spend together; then changed lines are replaced whole. */
  static final long CHARACTER_BUDGET = 10_000_000L;
  /** A stretch of at most this many equal code points between two changes is folded into them. */
  private static final int COINCIDENCE = 2;

  private TextDiff() {}

  public static TextOperation between(String a, String b, String author) {
    List<String> linesA = Lines.of(a);
    List<String> linesB = Lines.of(b);
    TextOperation.Builder op = TextOperation.builder();
    Budget characterBudget = new Budget(CHARACTER_BUDGET);
    List<Change> changes = lineChanges(linesA, linesB);
    int lineA = 0;
    for (Change c : changes) {
      op.retain(Lines.length(linesA, lineA, c.startOriginal));
      String from = Lines.join(linesA, c.startOriginal, c.endOriginal);
      String to = Lines.join(linesB, c.startRevised, c.endRevised);
      characters(op, from, to, author, characterBudget);
      lineA = c.endOriginal;
    }
    op.retain(Lines.length(linesA, lineA, linesA.size()));
    return op.build();
  }

  /**
   * The changed groups of lines. Lines both texts start or end with are set aside first, so that a
   * diff over budget replaces only the middle, where the texts differ.
   */
  private static List<Change> lineChanges(List<String> a, List<String> b) {
    int max = Math.min(a.size(), b.size());
    int start = 0;
    while (start < max && a.get(start).equals(b.get(start))) start++;
    int end = 0;
    while (end < max - start && a.get(a.size() - 1 - end).equals(b.get(b.size() - 1 - end))) end++;
    List<Change> middle = diff(a.subList(start, a.size() - end), b.subList(start, b.size() - end), new Budget(LINE_BUDGET));
    if (middle == null) {
      return List.of(new Change(DeltaType.CHANGE, start, a.size() - end, start, b.size() - end));
    }
    List<Change> out = new ArrayList<>(middle.size());
    for (Change c : middle) {
      out.add(new Change(c.deltaType, c.startOriginal + start, c.endOriginal + start, c.startRevised + start, c.endRevised + start));
    }
    return out;
  }

  /** Appends the operation turning {@code from} into {@code to}, code point by code point within budget. */
  private static void characters(TextOperation.Builder op, String from, String to, String author, Budget budget) {
    if (from.isEmpty() || to.isEmpty()) {
      op.delete(from.length()).insert(to, author);
      return;
    }
    List<Integer> pointsA = from.codePoints().boxed().toList();
    List<Integer> pointsB = to.codePoints().boxed().toList();
    List<Change> changes = diff(pointsA, pointsB, budget);
    if (changes == null) {
      op.delete(from.length()).insert(to, author);
      return;
    }
    Units units = new Units(from, to);
    int pointA = 0;
    for (Change c : absorbCoincidences(changes)) {
      op.retain(units.lengthA(pointA, c.startOriginal));
      op.delete(units.lengthA(c.startOriginal, c.endOriginal));
      op.insert(units.textB(c.startRevised, c.endRevised), author);
      pointA = c.endOriginal;
    }
    op.retain(units.lengthA(pointA, pointsA.size()));
  }

  /**
   * Why: two rewritten sentences share letters by chance ("Bonjour" → "Salut" keeps an "o"... "u");
   * keeping such letters would leave single characters of the old author inside new text. An equal
   * stretch of at most {@value #COINCIDENCE} code points between two changes joins them.
   */
  private static List<Change> absorbCoincidences(List<Change> changes) {
    List<Change> out = new ArrayList<>();
    for (Change c : changes) {
      Change last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && c.startOriginal - last.endOriginal <= COINCIDENCE) {
        out.set(out.size() - 1, new Change(DeltaType.CHANGE, last.startOriginal, c.endOriginal, last.startRevised, c.endRevised));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * The Myers diff of {@code a} and {@code b}, or null when it would spend more than what is left of
   * {@code budget} (step d of Myers compares about (n + m) pairs); what it spends is taken off.
   */
  private static <T> List<Change> diff(List<T> a, List<T> b, Budget budget) {
    long size = a.size() + (long) b.size();
    long[] steps = {1};
    try {
      List<Change> changes = new MyersDiff<T>().computeDiff(a, b, new DiffAlgorithmListener() {
        @Override public void diffStart() { }

        @Override public void diffStep(int value, int max) {
          steps[0] = value + 1L;
          if (steps[0] * size > budget.left) throw new OverBudget();
        }

        @Override public void diffEnd() { }
      });
      budget.left -= steps[0] * size;
      // Why sorted: MyersDiff lists its changes from the end of the texts backwards.
      return changes.stream().filter(c -> c.deltaType != DeltaType.EQUAL)
          .sorted(Comparator.comparingInt((Change c) -> c.startOriginal).thenComparingInt(c -> c.startRevised)).toList();
    } catch (OverBudget e) {
      budget.left = 0; // spent: what follows is replaced whole
      return null;
    }
  }

  /** Comparisons a diff may still make. */
  private static final class Budget {
    long left;

    Budget(long left) {
      this.left = left;
    }
  }

  /** Thrown from inside the diff to stop it: the only way its listener can. */
  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }

  /** Code point indexes of two strings mapped to UTF-16 offsets. */
  private static final class Units {
    private final String b;
    private final int[] offsetsA;
    private final int[] offsetsB;

    Units(String a, String b) {
      this.b = b;
      this.offsetsA = offsets(a);
      this.offsetsB = offsets(b);
    }

    private static int[] offsets(String s) {
      int[] out = new int[s.codePointCount(0, s.length()) + 1];
      int i = 0;
      for (int pos = 0; pos < s.length(); pos += Character.charCount(s.codePointAt(pos))) out[i++] = pos;
      out[i] = s.length();
      return out;
    }

    int lengthA(int from, int to) {
      return offsetsA[to] - offsetsA[from];
    }

    String textB(int from, int to) {
      return b.substring(offsetsB[from], offsetsB[to]);
    }
  }
}
