package ardoise.browser;

import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: the projector test's long insertText then typed line, repeated. */
class LongInsertDiag extends PadServerBrowserTest {
  @Test
  void repeat() throws Exception {
    int n = Integer.getInteger("repro.n", 10);
    int failures = 0;
    BrowserSession b = browser(1100, 700, "fr-FR");
    PageTrace.recordSockets(b);
    for (int run = 0; run < n; run++) {
      String pad = "long-" + System.nanoTime();
      PadPage amelie = new PadPage(b).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
      amelie.focus().type("Bonjour à tous");
      amelie.awaitSynchronized();
      PageTrace.recordEditor(amelie);
      StringBuilder lines = new StringBuilder();
      for (int i = 1; i <= 60; i++) lines.append("\nLigne numéro ").append(i).append(" de l’atelier");
      amelie.toEnd().insertText(lines.toString());
      amelie.type("\nCONCLUSION");
      amelie.awaitSynchronized();
      String expected = "Bonjour à tous" + lines + "\nCONCLUSION";
      boolean ok = expected.equals(amelie.text());
      System.out.println("LONG RUN " + run + (ok ? " OK" : " FAILED at " + amelie.text().indexOf("CONCLUSION")));
      if (!ok) {
        failures++;
        PageTrace.write(amelie, "long-" + run);
      }
    }
    System.out.println("LONG " + failures + " failures in " + n);
  }
}
