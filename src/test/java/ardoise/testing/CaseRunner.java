package ardoise.testing;

import java.util.Random;

/**
 * Runs a seeded randomized law over many cases. {@code -Dot.cases=N} sets the number of cases and
 * {@code -Dot.seed=N} the base seed (surefire forwards them as possibly empty strings: empty means
 * unset). Case {@code i} uses seed {@code base + i}, so a failure can be replayed alone.
 */
public final class CaseRunner {
  /** Base seed of this JVM's run: fixed by -Dot.seed, otherwise fresh each run (printed on failure). */
  public static final long BASE_SEED = property("ot.seed") != null
      ? Long.parseLong(property("ot.seed")) : new Random().nextLong();

  public interface Body {
    void run(OtGen gen) throws Exception;
  }

  private CaseRunner() {}

  public static String property(String name) {
    String v = System.getProperty(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** {@code -Dot.cases} when given, else {@code defaultCases}, scaled by {@code factor} (at least 1). */
  public static int cases(int defaultCases, double factor) {
    String v = property("ot.cases");
    int n = v == null ? defaultCases : Integer.parseInt(v);
    return (int) Math.max(1, Math.round(n * factor));
  }

  /** Runs {@code body} for {@code count} cases; a failure names the law, seed and case and how to replay. */
  public static void forAll(String law, String testClass, int count, Body body) {
    System.out.println(law + ": " + count + " cases, base seed " + BASE_SEED);
    for (int i = 0; i < count; i++) {
      long seed = BASE_SEED + i;
      try {
        body.run(new OtGen(seed));
      } catch (Throwable t) {
        throw new AssertionError(law + " failed at case " + i + " of " + count + " (base seed " + BASE_SEED
            + ", case seed " + seed + "): " + t + "\nReplay this case: mvn -q -B test -Dtest=" + testClass
            + " -Dot.seed=" + seed + " -Dot.cases=1\nReplay the whole run: mvn -q -B test -Dtest=" + testClass
            + " -Dot.seed=" + BASE_SEED + wholeRunCases(), t);
      }
    }
  }

  /** The {@code -Dot.cases} of this run, if given: tests scale it, so the count of cases is not it. */
  private static String wholeRunCases() {
    String given = property("ot.cases");
    return given == null ? "" : " -Dot.cases=" + given;
  }
}
