package ardoise.browser;

import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: one page, no other writer; keys and insertText alternate; is the order kept? */
class SoloTypingDiag extends PadServerBrowserTest {
  @Test
  void solo() throws Exception {
    int n = Integer.getInteger("repro.n", 3);
    int rounds = Integer.getInteger("repro.rounds", 16);
    int failures = 0;
    for (int run = 0; run < n; run++) {
      String pad = "solo-" + System.nanoTime();
      BrowserSession b = browser(1100, 700, "fr-FR");
      PageTrace.recordSockets(b);
      PadPage amelie = new PadPage(b).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
      amelie.focus().type("MILIEU");
      amelie.awaitSynchronized();
      PageTrace.recordEditor(amelie);
      String text = CoWriteRepeatDiag.typed("à la fin, é è ç œ ", "🎉", rounds);
      CoWriteRepeatDiag.typeInChunks(amelie, text);
      amelie.awaitSynchronized();
      String expected = "MILIEU" + text;
      boolean ok = expected.equals(amelie.text()) && expected.equals(server.text(pad));
      System.out.println("SOLO RUN " + run + (ok ? " OK" : " FAILED"));
      if (!ok) {
        failures++;
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "traces"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "traces", "solo-" + run + "-texts.txt"),
            "expected:\n" + expected + "\neditor:\n" + amelie.text() + "\nserver:\n" + server.text(pad) + "\n");
        PageTrace.write(amelie, "solo-" + run);
      }
      b.close();
      browsers.remove(b);
    }
    System.out.println("SOLO " + failures + " failures in " + n);
  }
}
