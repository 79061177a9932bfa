package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A phone whose network wrote more than its bytes quota: the edit is refused with quota-exceeded,
 * the status bar says so in French, the text stays on screen and is sent again after the time the
 * server gave, then stored, and the message goes away.
 */
class QuotaBrowserTest extends PadServerBrowserTest {
  @BeforeAll
  static void startServer() {
    // 3,000 bytes a minute: 50 a second come back, so a refused paste waits some seconds.
    server = PadServer.start(Map.of("ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS", "3000"));
  }

  @Test
  void aRefusedEditIsShownKeptAndSentAgain() throws Exception {
    String pad = "quota-" + System.nanoTime();
    PadPage page = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    page.focus().insertText("Compte rendu. " + "Présents : toute la salle. ".repeat(90));
    page.awaitSynchronized();
    String first = page.text();
    page.insertText(" Décision : on garde tout. ".repeat(25));
    By problem = By.cssSelector("#status-bar .status-error");
    page.browser().await().until(d -> !d.findElement(problem).getText().isEmpty());
    String shown = page.browser().driver().findElement(problem).getText();
    assertTrue(shown.startsWith("Beaucoup d’écritures depuis votre réseau"), shown);
    assertTrue(page.pending(), "the refused edit is kept, unacknowledged");
    assertTrue(page.text().endsWith("on garde tout. "), "the text stays on screen");
    page.screenshot("quota-exceeded-phone");

    page.awaitSynchronized(); // sent again after retryAfter, then acknowledged
    page.browser().await().until(d -> d.findElement(problem).getText().isEmpty());
    assertEquals(page.text(), Links.get(server.url("/p/" + pad + "/export/txt")).body(), "stored as shown");
    assertTrue(page.text().length() > first.length());
    page.screenshot("quota-exceeded-recovered-phone");
  }
}
