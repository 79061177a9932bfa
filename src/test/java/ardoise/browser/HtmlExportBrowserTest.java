package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.export.Contributor;
import ardoise.http.export.ExportFormat;
import ardoise.http.export.ExportInput;
import ardoise.http.export.ExportOptions;
import ardoise.http.export.Exporters;
import ardoise.ot.AuthorRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** Opening an exported HTML file of hostile pad text runs nothing, and its own stylesheet still applies. */
class HtmlExportBrowserTest extends PadServerBrowserTest {

  private static final String HOSTILE = """
      # Titre <script>document.title='pwned';alert(1)</script>

      <script>document.title='pwned';alert(1)</script>

      Texte <img src=x onerror="document.title='pwned';alert(1)"> et <b onclick="alert(1)">gras</b>.

      [clic](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

      <svg onload="document.title='pwned';alert(1)"></svg><style>body{display:none}</style>
      <iframe srcdoc="<script>parent.document.title='pwned'</script>"></iframe>
      """;

  @TempDir
  Path dir;

  @Test
  void hostileExportIsInertInChromium() throws Exception {
    ExportInput input = new ExportInput("réunion-équipe", 3, Instant.parse("2026-11-23T10:15:00Z"), HOSTILE,
        List.of(new AuthorRun(HOSTILE.length(), "alice")), Map.of("alice", new Contributor("Alice", "#e06c75")),
        ExportOptions.withAuthors("fr"));
    Path file = dir.resolve("export.html");
    Files.write(file, Exporters.create().get(ExportFormat.HTML).export(input));
    BrowserSession browser = browser(1024, 768, "fr-FR");
    browser.open(file.toUri().toString());
    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    assertEquals("réunion-équipe", browser.driver().getTitle());
    assertEquals(0L, browser.driver().executeScript(
        "return document.querySelectorAll('script, iframe, img, svg, [onerror], [onclick], [onload]').length"));
    String h1 = browser.driver().findElement(By.cssSelector("main h1")).getText();
    assertTrue(h1.contains("<script>document.title='pwned';alert(1)</script>"), h1);
    // The stylesheet is allowed by its hash: h1 is 20pt and the page is visible.
    assertEquals("26.6667px", browser.driver().findElement(By.cssSelector("main h1")).getCssValue("font-size"));
    assertTrue(browser.driver().findElement(By.cssSelector("main")).isDisplayed());
    browser.screenshot("export-html-hostile");
    assertEquals(List.of(), browser.consoleErrors());
  }
}
