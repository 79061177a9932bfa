package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The history view against a real server: scrub with the keyboard and the slider, play, download an export. */
class HistoryBrowserTest extends PadServerBrowserTest {
  private static final List<String> TEXTS = List.of("", "# Réunion\n", "# Réunion\n\nZoë : « bonjour »", "# Réunion d’été\n\nZoë : « bonjour »");

  @TempDir
  Path downloads;

  /** Revisions 1 to 3: each imports the next text, which the server stores as one op (a diff). */
  private static void writeRevisions() {
    for (int rev = 1; rev < TEXTS.size(); rev++) {
      assertEquals(rev, Links.importText(server, "atelier-histoire", TEXTS.get(rev), "Test client"));
    }
  }

  private static void awaitRev(BrowserSession browser, int rev) {
    browser.await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-rev", String.valueOf(rev)));
  }

  private static String shownText(BrowserSession browser) {
    return (String) browser.driver().executeScript("return document.getElementById('history-text').textContent");
  }

  @Test
  void scrubPlayAndDownload() throws Exception {
    writeRevisions();
    BrowserSession browser = browser(1280, 800, "fr-FR");
    browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    browser.open(server.url("/p/atelier-histoire/history"));
    browser.await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    awaitRev(browser, 3);
    assertEquals(TEXTS.get(3), shownText(browser));
    assertTrue(browser.driver().findElement(By.id("rev-label")).getText().startsWith("Révision 3 sur 3"));
    assertTrue(browser.driver().findElement(By.id("history-authors")).getText().contains("Test clie"),
        browser.driver().findElement(By.id("history-authors")).getText());

    WebElement slider = browser.driver().findElement(By.id("scrub"));
    slider.sendKeys(Keys.HOME);
    awaitRev(browser, 0);
    assertEquals(TEXTS.get(0), shownText(browser));
    slider.sendKeys(Keys.ARROW_RIGHT);
    awaitRev(browser, 1);
    assertEquals(TEXTS.get(1), shownText(browser));
    slider.sendKeys(Keys.ARROW_RIGHT);
    awaitRev(browser, 2);
    assertEquals(TEXTS.get(2), shownText(browser));
    browser.screenshot("history-fr-rev2");

    browser.driver().findElement(By.id("first")).click();
    awaitRev(browser, 0);
    browser.driver().findElement(By.id("play")).click();
    awaitRev(browser, 3); // played forward from op records to the end
    assertEquals(TEXTS.get(3), shownText(browser));

    slider.sendKeys(Keys.ARROW_LEFT);
    awaitRev(browser, 2);
    browser.driver().findElement(By.cssSelector(".history-exports a[data-format=txt]")).click();
    Path file = browser.await().until(d -> {
      try (var files = Files.list(downloads)) {
        return files.filter(p -> p.getFileName().toString().endsWith(".txt")).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
    assertTrue(file.getFileName().toString().startsWith("atelier-histoire-"), file.toString());
    assertEquals(TEXTS.get(2), Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(List.of(), browser.consoleErrors());
  }
}
