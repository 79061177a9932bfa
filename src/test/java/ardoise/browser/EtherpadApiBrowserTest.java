package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ardoise.testing.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.gjerull.etherpad.client.EPLiteClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Two people type in a pad (a phone and a laptop) while a program using Etherpad's Java client
 * appends to it and replaces its text: every page ends with the server's text, and each API edit is
 * in it exactly once and whole (the appends made before the replacement are gone with it).
 */
class EtherpadApiBrowserTest extends PadServerBrowserTest {
  private static final String KEY = "moodle-secret-0123456789";

  @Test
  void twoPeopleTypeWhileTheEtherpadApiAppendsAndReplaces() throws Exception {
    try (PadServer withKeys = PadServer.start(Map.of("ARDOISE_API_KEYS", "moodle:write:" + KEY))) {
      EPLiteClient api = new EPLiteClient(withKeys.url(""), KEY);
      String pad = "api-atelier-" + System.nanoTime();
      api.createPad(pad, "Notes de l'atelier\n");
      PadPage amelie = new PadPage(browser(360, 740, "fr-FR")).open(withKeys.directUrl(pad), "Amélie", 0).awaitOnline();
      PadPage bruno = new PadPage(browser(1100, 700, "fr-FR")).open(withKeys.directUrl(pad), "Bruno", 5).awaitOnline();
      amelie.awaitSynchronized(withKeys.head(pad));
      bruno.awaitSynchronized(withKeys.head(pad));
      amelie.focus().toEnd();
      bruno.focus().toStart();

      CompletableFuture<Void> a = CompletableFuture.runAsync(() -> typeInChunks(amelie, phrases("amélie écrit ", 24)));
      CompletableFuture<Void> b = CompletableFuture.runAsync(() -> typeInChunks(bruno, phrases("bruno tape ", 24)));
      List<String> before = new ArrayList<>();
      List<String> after = new ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        awaitTyping(withKeys, pad);
        String marker = "[API-" + i + "]";
        api.appendText(pad, "\n" + marker);
        before.add(marker);
      }
      awaitTyping(withKeys, pad);
      String textWithAppends = withKeys.text(pad);
      String replacement = "Remplacé par l'API";
      api.setText(pad, replacement + "\n");
      for (int i = 5; i <= 7; i++) {
        awaitTyping(withKeys, pad);
        String marker = "[API-" + i + "]";
        api.appendText(pad, "\n" + marker);
        after.add(marker);
      }
      CompletableFuture.allOf(a, b).get();
      amelie.type("FIN-A");
      bruno.type("FIN-B");

      amelie.awaitSynchronized();
      bruno.awaitSynchronized();
      long head = withKeys.head(pad);
      amelie.awaitSynchronized(head);
      bruno.awaitSynchronized(head);
      amelie.screenshot("etherpad-api-amelie-phone");
      bruno.screenshot("etherpad-api-bruno");

      String server = withKeys.text(pad);
      List<String> seen = List.of(server, amelie.text(), bruno.text(), api.getText(pad).get("text").toString());
      if (!seen.equals(List.of(server, server, server, server + "\n"))) {
        fail("pages differ:\nserver:\n" + seen.get(0) + "\nAmélie:\n" + seen.get(1) + "\nBruno:\n" + seen.get(2)
            + "\nEtherpad getText:\n" + seen.get(3));
      }
      for (String marker : before) assertEquals(1, count(textWithAppends, marker), marker + " once before the replacement");
      for (String marker : before) assertEquals(0, count(server, marker), marker + " gone with the replacement");
      for (String marker : after) assertEquals(1, count(server, marker), marker + " once in:\n" + server);
      // setText replaces the whole text as one block: what people type meanwhile lands beside it, never inside.
      assertEquals(1, count(server, replacement), "the replacement once, whole, in:\n" + server);
      assertEquals(1, count(server, "FIN-A"), server);
      assertEquals(1, count(server, "FIN-B"), server);
      bruno.toEnd();
      bruno.screenshot("etherpad-api-bruno-end"); // the appends after the replacement, at the end
      assertEquals(List.of(), amelie.browser().consoleErrors());
      assertEquals(List.of(), bruno.browser().consoleErrors());
    }
  }

  /** Waits until someone typed since the last look, so the API's edits land while people type. */
  private static void awaitTyping(PadServer server, String pad) {
    int now = server.text(pad).length();
    Eventually.until("someone typed", () -> server.text(pad).length() >= now + 6);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
    return n;
  }

  private static String phrases(String phrase, int rounds) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rounds; i++) sb.append(phrase).append(i).append(i % 6 == 5 ? "\n" : " ");
    return sb.toString();
  }

  /** A few characters per key event batch, so ops interleave with the API's edits. */
  private static void typeInChunks(PadPage page, String text) {
    for (int i = 0; i < text.length(); i += 5) {
      page.type(text.substring(i, Math.min(text.length(), i + 5)).replace("\n", Keys.ENTER.toString()));
    }
  }
}
