package ardoise.browser;

import org.junit.jupiter.api.Test;

/**
 * TEMPORARY diagnostic (issue 3): runs the unchanged bodies of the two flaky browser tests
 * -Drepro.n times in one JVM (no Maven start per run) and counts failures. -Drepro.which=cowriting,
 * projector or both.
 */
class StockRepeatDiag {
  @Test
  void repeat() throws Exception {
    int n = Integer.getInteger("repro.n", 5);
    String which = System.getProperty("repro.which", "both");
    int cowritingFailures = 0;
    int projectorFailures = 0;
    if (!which.equals("projector")) {
      CoWritingBrowserTest.startServer();
      try {
        for (int i = 0; i < n; i++) {
          CoWritingBrowserTest t = new CoWritingBrowserTest();
          long t0 = System.nanoTime();
          try {
            t.twoPagesTypingAtOnceEndWithTheServersText();
            System.out.println("STOCK cowriting " + i + " OK " + (System.nanoTime() - t0) / 1_000_000 + " ms");
          } catch (Throwable e) {
            cowritingFailures++;
            System.out.println("STOCK cowriting " + i + " FAILED " + e);
          } finally {
            t.closeBrowsers();
          }
        }
      } finally {
        CoWritingBrowserTest.stopServer();
      }
    }
    if (!which.equals("cowriting")) {
      PadServerBrowserTest.startServer();
      try {
        for (int i = 0; i < n; i++) {
          ProjectorBrowserTest t = new ProjectorBrowserTest();
          long t0 = System.nanoTime();
          try {
            t.theProjectorFollowsTheWritingAndShowsWhoIsThere();
            System.out.println("STOCK projector " + i + " OK " + (System.nanoTime() - t0) / 1_000_000 + " ms");
          } catch (Throwable e) {
            projectorFailures++;
            System.out.println("STOCK projector " + i + " FAILED " + e);
          } finally {
            t.closeBrowsers();
          }
        }
      } finally {
        PadServerBrowserTest.stopServer();
      }
    }
    System.out.println("STOCK cowriting failures " + cowritingFailures + ", projector failures " + projectorFailures + " in " + n + " runs each");
  }
}
