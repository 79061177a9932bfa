package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

/**
 * French browsers get the French UI, others the English one, on the projector, the read-only page
 * and the editor's share dialog; {@code <html lang>} follows; the switch is remembered across
 * pages; dates are written the language's way.
 */
class LanguagesBrowserTest extends PadServerBrowserTest {
  private static String lang(ViewerPage page) {
    return page.find("html").getAttribute("lang");
  }

  @Test
  void aFrenchBrowserGetsFrenchEverywhere() {
    String pad = "langue-fr-" + System.nanoTime();
    BrowserSession browser = browser(1280, 720, "fr-CA");
    ViewerPage projector = new ViewerPage(browser).open(server.directUrl(pad) + "/projector");
    assertEquals("fr", lang(projector));
    assertEquals("Rejoignez le pad :", projector.find("#join-title").getText());
    assertEquals("En attente des participants", projector.find("#participant-count").getText());
    assertEquals("Texte plus grand", projector.find("#font-larger").getAccessibleName());
    assertEquals("Réglages de la projection", projector.find("[role=toolbar]").getAttribute("aria-label"));
    assertTrue(projector.find("#join-qr").getAttribute("alt").startsWith("QR code pour rejoindre le pad\u00a0: "));

    Links.importText(server, pad, "Ordre du jour", "Import"); // a pad gets its read-only link with its first edit
    ViewerPage reader = new ViewerPage(browser).open(Links.of(server, pad).getString("readOnly"));
    assertEquals("fr", lang(reader));
    assertEquals("Pad en lecture seule", reader.find("h1").getText());
    assertEquals("Lecture seule", reader.find(".read-only-badge").getText());
    assertEquals("Lecture seule — Ardoise", browser.driver().getTitle());
  }

  @Test
  void anEnglishBrowserGetsEnglishAndTheSwitchIsRemembered() {
    String pad = "language-en-" + System.nanoTime();
    BrowserSession browser = browser(1280, 720, "en-GB");
    new PadPage(browser).open(server.directUrl(pad), "Sam", 2).awaitOnline();
    assertEquals("Share", browser.driver().findElement(By.cssSelector("#open-share .tool-text")).getText());
    assertEquals("Project", browser.driver().findElement(By.cssSelector("#open-projector .tool-text")).getText());
    browser.driver().findElement(By.id("open-share")).click();
    assertEquals("Share this pad", browser.driver().findElement(By.id("share-title")).getText());
    assertEquals("Read-only link", browser.driver().findElement(By.cssSelector("label[for=share-read]")).getText());
    browser.driver().findElement(By.cssSelector(".share-close")).click();

    // The projector in a second tab: Sam's pad page stays open (a page left for another one leaves the pad).
    browser.driver().switchTo().newWindow(WindowType.TAB);
    ViewerPage projector = new ViewerPage(browser).open(server.directUrl(pad) + "/projector");
    assertEquals("en", lang(projector));
    assertEquals("Join the pad:", projector.find("#join-title").getText());
    projector.awaitUntil("counting Sam", () -> projector.find("#participant-count").getText().equals("1 person"));
    assertEquals("Larger text", projector.find("#font-larger").getAccessibleName());
    assertEquals(pad + " — projector", browser.driver().getTitle());

    new Select(projector.find("#language")).selectByValue("fr");
    projector.awaitUntil("in French", () -> projector.find("#join-title").getText().equals("Rejoignez le pad :"));
    assertEquals("fr", lang(projector));
    assertEquals("1 personne", projector.find("#participant-count").getText());
    Links.importText(server, pad, "Ordre du jour", "Import"); // a pad gets its read-only link with its first edit
    ViewerPage reader = new ViewerPage(browser).open(Links.of(server, pad).getString("readOnly"));
    assertEquals("fr", lang(reader), "the choice made on the projector holds on the other pages");
    assertEquals("Pad en lecture seule", reader.find("h1").getText());
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void datesAreWrittenTheLanguagesWay() {
    for (String language : List.of("fr-FR", "en-US")) {
      BrowserSession browser = browser(1280, 720, language);
      new PadPage(browser).open(server.directUrl("dates-" + System.nanoTime()), "Sam", 2).awaitOnline();
      browser.open(server.url("/"));
      String shown = browser.await().until(d -> {
        var times = d.findElements(By.cssSelector("#recent-list time"));
        return times.isEmpty() ? null : times.get(0).getText();
      });
      String iso = browser.driver().findElement(By.cssSelector("#recent-list time")).getAttribute("datetime");
      Locale locale = language.startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
      String month = DateTimeFormatter.ofPattern("MMM", locale).format(Instant.parse(iso).atZone(ZoneId.systemDefault()));
      assertTrue(shown.toLowerCase(locale).contains(month.toLowerCase(locale).replace(".", "")),
          language + " shows '" + shown + "', expected the month '" + month + "'");
      assertTrue(language.startsWith("fr") ? !shown.contains("AM") && !shown.contains("PM") : shown.matches(".*[AP]M.*"), shown);
    }
  }
}
