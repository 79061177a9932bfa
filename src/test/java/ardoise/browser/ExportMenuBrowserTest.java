package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The pad page's Export menu on the real server: every format, with or without authorship, the history link. */
class ExportMenuBrowserTest extends PadServerBrowserTest {
  @Test
  void menuOffersEveryFormatWithAndWithoutAuthorship() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    PadPage camille = new PadPage(browser).open(server.directUrl("réunion-été"), "Camille", 0).awaitOnline();
    camille.focus().type("Compte rendu : « œuvre » à l’été");
    camille.awaitSynchronized();
    WebElement summary = browser.driver().findElement(By.cssSelector("#export-menu > summary"));
    assertEquals("Exporter", summary.getText());
    summary.click();
    WebElement pdf = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[data-format=pdf]")));
    // The links may be added after the page's translation pass; opening the menu labels them.
    List<String> labels = browser.await().until(d -> {
      List<String> shown = d.findElements(By.cssSelector(".export-formats a")).stream().map(WebElement::getText).toList();
      return shown.contains("") ? null : shown;
    });
    assertEquals(List.of("PDF", "Word (DOCX)", "OpenDocument (ODT)", "Page web (HTML)", "Markdown", "Texte brut (TXT)"), labels);
    // The page was sent on to the pad's stored name; links carry the browser's time zone.
    String zone = (String) browser.driver().executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    String tz = "&tz=" + java.net.URLEncoder.encode(zone, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(pdf.getDomProperty("href").endsWith("/p/reunion-ete/export/pdf?authors=0&lang=fr" + tz), pdf.getDomProperty("href"));
    browser.driver().findElement(By.id("export-authors")).click();
    assertTrue(pdf.getDomProperty("href").endsWith("/export/pdf?authors=1&lang=fr" + tz), pdf.getDomProperty("href"));
    assertTrue(browser.driver().findElement(By.id("open-history")).getDomProperty("href")
        .endsWith("/p/reunion-ete/history"));
    String txt = browser.driver().findElement(By.cssSelector("a[data-format=txt]")).getDomProperty("href");
    Object exported = browser.driver().executeAsyncScript(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));", txt);
    assertEquals("Compte rendu : « œuvre » à l’été", exported);
    browser.screenshot("pad-fr-export-menu");
    assertEquals(List.of(), browser.consoleErrors());
  }
}
