package ardoise.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * TEMPORARY diagnostic (issue 3): repeats CoWritingBrowserTest's two-typists scenario in one JVM and
 * writes texts and traces of every failing run to target/traces/run-N-*. Options: -Drepro.n (runs),
 * -Drepro.rounds (phrases per page, 16 in the test), -Drepro.throttle (CDP CPU throttling rate),
 * -Drepro.throttleOne (throttle only the first page), -Drepro.gapMs (random pause before each chunk),
 * -Drepro.robotMs (a third, protocol-level writer inserting '~' at 0 every N ms), -Drepro.dump (keep
 * traces of passing runs too). Not run by the build (no *Test suffix): -Dtest=CoWriteRepeatDiag.
 */
class CoWriteRepeatDiag {
  @Test
  void repeat() throws Exception {
    int n = Integer.getInteger("repro.n", 5);
    int throttle = Integer.getInteger("repro.throttle", 0);
    int failures = 0;
    int robotMs = Integer.getInteger("repro.robotMs", 0);
    // The robot needs more than the default 30 messages per second; the pages keep the defaults otherwise.
    Map<String, String> limits = robotMs > 0 ? Map.of("ARDOISE_OPS_PER_SECOND", "1000", "ARDOISE_OPS_BURST", "1000") : Map.of();
    try (PadServer server = PadServer.start(limits)) {
      for (int run = 0; run < n; run++) {
        List<BrowserSession> browsers = new ArrayList<>();
        try {
          String pad = "atelier-" + System.nanoTime();
          BrowserSession ba = BrowserSession.start(1100, 700, "fr-FR");
          browsers.add(ba);
          PageTrace.recordSockets(ba);
          PadPage amelie = new PadPage(ba).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
          BrowserSession bb = BrowserSession.start(1100, 700, "fr-FR");
          browsers.add(bb);
          PageTrace.recordSockets(bb);
          PadPage bruno = new PadPage(bb).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
          amelie.focus().type("MILIEU");
          amelie.awaitSynchronized();
          bruno.awaitSynchronized(server.head(pad));
          amelie.toEnd();
          bruno.focus().toStart();
          PageTrace.recordEditor(amelie);
          PageTrace.recordEditor(bruno);
          if (run == 0) {
            System.out.println("editContext A: " + amelie.js("const v = document.querySelector('.cm-content'); return String(v.editContext) + ' ua ' + navigator.userAgent;"));
          }
          if (throttle > 1) {
            for (BrowserSession b : Boolean.getBoolean("repro.throttleOne") ? List.of(ba) : browsers) b.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
          }
          String amelieText = typed("à la fin, é è ç œ ", "🎉", Integer.getInteger("repro.rounds", 16));
          String brunoText = typed("au début, ü ß ñ — ", "🙂", Integer.getInteger("repro.rounds", 16));
          RobotTypist robot = robotMs > 0 ? new RobotTypist('~') : null;
          if (robot != null) robot.start(Integer.parseInt(server.directUrl("x").replaceAll(".*:(\\d+)/.*", "$1")), pad, robotMs);
          long t0 = System.nanoTime();
          CompletableFuture<Void> a = CompletableFuture.runAsync(() -> typeInChunks(amelie, amelieText));
          CompletableFuture<Void> b = CompletableFuture.runAsync(() -> typeInChunks(bruno, brunoText));
          CompletableFuture.allOf(a, b).get();
          long typingMs = (System.nanoTime() - t0) / 1_000_000;
          if (robot != null) {
            robot.stop();
            while (!robot.idle()) Thread.sleep(50);
          }
          if (throttle > 1) {
            for (BrowserSession s : browsers) s.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 1));
          }
          amelie.awaitSynchronized();
          bruno.awaitSynchronized();
          long head = server.head(pad);
          amelie.awaitSynchronized(head);
          bruno.awaitSynchronized(head);
          String expected = brunoText + "MILIEU" + amelieText;
          String st = server.text(pad);
          String stripped = st.replace("~", "");
          boolean ok = expected.equals(stripped) && st.equals(amelie.text()) && st.equals(bruno.text());
          if (robot != null) robot.close();
          if (!ok) failures++;
          System.out.println("RUN " + run + (ok ? " OK" : " FAILED") + " typing " + typingMs + " ms, load "
              + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          if (!ok || Boolean.getBoolean("repro.dump")) {
            Files.createDirectories(Path.of("target", "traces"));
            Files.writeString(Path.of("target", "traces", "run-" + run + "-texts.txt"),
                "expected:\n" + expected + "\nserver:\n" + st + "\namelie:\n" + amelie.text() + "\nbruno:\n" + bruno.text() + "\n");
            PageTrace.write(amelie, "run-" + run + "-amelie");
            PageTrace.write(bruno, "run-" + run + "-bruno");
          }
        } finally {
          browsers.forEach(BrowserSession::close);
        }
      }
    }
    System.out.println("REPRO " + failures + " failures in " + n + " runs (throttle " + throttle + ")");
  }

  static String typed(String phrase, String emoji, int rounds) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rounds; i++) sb.append(phrase).append(i).append(emoji).append(i % 4 == 3 ? "\n" : " ");
    return sb.toString();
  }

  static void typeInChunks(PadPage page, String text) {
    int gap = Integer.getInteger("repro.gapMs", 0);
    java.util.Random random = new java.util.Random(text.hashCode());
    int i = 0;
    while (i < text.length()) {
      if (gap > 0) {
        try { Thread.sleep(random.nextInt(gap)); } catch (InterruptedException e) { throw new RuntimeException(e); }
      }
      int cp = text.codePointAt(i);
      if (Character.charCount(cp) == 2) {
        page.insertText(new String(Character.toChars(cp)));
        i += 2;
        continue;
      }
      int end = i;
      while (end < text.length() && end - i < 7 && !Character.isSurrogate(text.charAt(end))) end++;
      page.type(text.substring(i, end).replace("\n", Keys.ENTER.toString()));
      i = end;
    }
  }
}
