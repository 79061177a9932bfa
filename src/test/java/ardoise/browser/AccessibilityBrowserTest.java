package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

/**
 * Every page a person meets — home, pad (name dialog, then editing), projector, read-only link, history
 * — checked by axe-core on a desktop and on a touch phone, on a pad with real minutes in it: no
 * violation at all. And remote writing is announced to screen readers by name, not by keystroke.
 */
class AccessibilityBrowserTest extends PadServerBrowserTest {
  private static final String MINUTES = """
      # Compte rendu — atelier du matin

      ## Présents
      - Amélie (animatrice)
      - Karim, Lucie, Jo

      ## Décisions
      1. **Prochaine réunion** jeudi
      2. *Budget* validé

      - [x] envoyer le compte rendu
      - [ ] réserver la salle

      | Qui | Quoi |
      |-----|------|
      | Lucie | affiches |

      > « Ce qui se dit ici reste ici. »

      Voir [le site](https://example.org).
      """;

  @ParameterizedTest(name = "{0}×{1} {2}")
  @CsvSource({"1280, 800, fr-FR", "360, 740, fr-FR", "1280, 800, en-GB"})
  void noPageHasViolations(int width, int height, String language) {
    String pad = "acces-" + width + "-" + language.substring(0, 2) + "-" + System.nanoTime();
    StringBuilder text = new StringBuilder(MINUTES);
    for (int i = 1; i <= 40; i++) text.append("\n- point ").append(i).append(" de la discussion");
    Links.importText(server, pad, text.toString(), "Karim");
    String readOnly = Links.of(server, pad).getString("readOnly");

    BrowserSession browser = browser(width, height, language);
    List<String> violations = new ArrayList<>();

    browser.open(server.url("/"));
    browser.await().until(d -> !d.findElements(By.cssSelector("main")).isEmpty());
    violations.addAll(Axe.violations(browser, "home"));

    browser.open(server.directUrl(pad));
    browser.await().until(d -> !d.findElements(By.cssSelector("dialog#profile-dialog[open]")).isEmpty());
    violations.addAll(Axe.violations(browser, "pad, name dialog"));
    PadPage writer = new PadPage(browser).open(server.directUrl(pad), "Amélie", 1).awaitOnline();
    writer.awaitUntil("the imported minutes", () -> writer.text() != null && writer.text().contains("point 40"));
    violations.addAll(Axe.violations(browser, "pad"));

    ViewerPage projector = new ViewerPage(browser).open(server.directUrl(pad) + "/projector");
    projector.awaitUntil("the minutes", () -> projector.text() != null && projector.text().contains("point 40"));
    violations.addAll(Axe.violations(browser, "projector"));

    ViewerPage reader = new ViewerPage(browser).open(readOnly);
    reader.awaitUntil("the minutes", () -> reader.text() != null && reader.text().contains("point 40"));
    violations.addAll(Axe.violations(browser, "read-only"));

    browser.open(server.directUrl(pad) + "/history");
    browser.await().until(d -> d.findElement(By.id("history-text")).getText().contains("Compte rendu"));
    violations.addAll(Axe.violations(browser, "history"));

    assertEquals(List.of(), violations, String.join("\n", violations));
  }

  @Test
  void remoteWritingIsAnnouncedOncePerBurstByName() {
    String pad = "annonce-" + System.nanoTime();
    PadPage listener = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    PadPage writer = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Karim", 2).awaitOnline();
    listener.awaitUntil("Karim listed", () -> listener.participantNames().contains("Karim"));
    listener.js("window.announcements = [];"
        + "new MutationObserver(() => window.announcements.push(document.getElementById('writing-announcer').textContent))"
        + "  .observe(document.getElementById('writing-announcer'), { childList: true, characterData: true, subtree: true });");
    writer.focus().type("Une phrase entière, tapée lettre par lettre.");
    writer.awaitSynchronized();
    listener.awaitUntil("the sentence", () -> writer.text().equals(listener.text()));
    listener.awaitUntil("an announcement", () -> !((List<?>) listener.js("return window.announcements;")).isEmpty());
    assertEquals(List.of("Karim écrit"), listener.js("return window.announcements;"),
        "one polite sentence for a whole burst of typing");
    assertEquals("polite", listener.js("return document.getElementById('writing-announcer').getAttribute('aria-live');"));
  }
}
