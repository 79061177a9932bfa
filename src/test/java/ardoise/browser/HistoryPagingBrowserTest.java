package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The history view of large revisions on a phone, with op pages capped at 64 KiB: playing forward
 * across many revisions follows the pages (each stops short with {@code next}) and shows the right text.
 */
class HistoryPagingBrowserTest extends PadServerBrowserTest {
  private static final int REVISIONS = 24;

  @BeforeAll
  static void startServer() {
    server = PadServer.start(Map.of("ARDOISE_HISTORY_MAX_RESPONSE_BYTES", "65536"));
  }

  /** Texts of 8,000 random Cyrillic letters in words: each import replaces the whole text, about 16 KB of op JSON. */
  private static List<String> writeRevisions() {
    Random random = new Random(15);
    List<String> texts = new ArrayList<>(List.of(""));
    for (int rev = 1; rev <= REVISIONS; rev++) {
      StringBuilder text = new StringBuilder("Révision " + rev + "\n\n");
      for (int i = 0; i < 8000; i++) text.append(i % 7 == 6 ? ' ' : (char) ('а' + random.nextInt(32)));
      texts.add(text.toString());
      assertEquals(rev, Links.importText(server, "grand-historique", text.toString(), "Test client"));
    }
    return texts;
  }

  private static void awaitRev(BrowserSession browser, int rev) {
    browser.await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rev", String.valueOf(rev)));
  }

  @Test
  void playingForwardFollowsCappedPagesOnAPhone() {
    List<String> texts = writeRevisions();
    BrowserSession browser = browser(360, 740, "fr-FR");
    browser.open(server.url("/p/grand-historique/history"));
    browser.await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    awaitRev(browser, REVISIONS);
    browser.driver().findElement(By.id("scrub")).sendKeys(org.openqa.selenium.Keys.HOME);
    awaitRev(browser, 0);
    // One move forward over every revision: played from op records, fetched page after page.
    browser.driver().executeScript("const s = document.getElementById('scrub'); s.value = arguments[0];"
        + " s.dispatchEvent(new Event('input'));", REVISIONS);
    awaitRev(browser, REVISIONS);
    String shown = (String) browser.driver().executeScript("return document.getElementById('history-text').textContent");
    assertEquals(texts.get(REVISIONS), shown);
    long pages = (Long) browser.driver().executeScript("return performance.getEntriesByType('resource')"
        + ".filter((e) => e.name.includes('/history?from=')).length");
    assertTrue(pages >= 5, pages + " op pages for about 400 KB of records");
    browser.screenshot("history-paging-phone");
    assertEquals(List.of(), browser.consoleErrors());
  }
}
