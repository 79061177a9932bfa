package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A browser too old for the pages' modules (no ES modules, or no import maps) is told so in the
 * person's language instead of showing a blank page; a current one never sees the warning. Old
 * engines are emulated in Chromium by hiding what they lack before the page's scripts run.
 */
class BrowserCheckBrowserTest extends PadServerBrowserTest {
  private static final By WARNING = By.cssSelector(".browser-too-old");

  private static void beforeScripts(BrowserSession browser, String source) {
    browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
  }

  private static void awaitLoaded(BrowserSession browser) {
    browser.await().until(d -> "complete".equals(browser.driver().executeScript("return document.readyState;")));
  }

  @Test
  void aCurrentBrowserSeesNoWarning() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    new PadPage(browser).open(server.url("/p/navigateur-" + System.nanoTime()), "Ana", 0).awaitOnline();
    awaitLoaded(browser);
    assertEquals(List.of(), browser.driver().findElements(WARNING));
    assertEquals("ran", browser.driver().executeScript("return document.documentElement.dataset.modules;"));
  }

  @Test
  void aBrowserWithoutImportMapsIsToldSoInFrench() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    beforeScripts(browser, "HTMLScriptElement.supports = (type) => type !== 'importmap';");
    browser.open(server.url("/p/navigateur-" + System.nanoTime()));
    WebElement warning = browser.await().until(d -> d.findElements(WARNING).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    assertTrue(warning.getText().startsWith("Ce navigateur est trop ancien pour Ardoise"), warning.getText());
    assertEquals("alert", warning.getAttribute("role"));
    browser.screenshot("browser-too-old-phone-fr");
  }

  @Test
  void aBrowserWithoutModulesIsToldSoInEnglishOnEveryPage() {
    BrowserSession browser = browser(1100, 700, "en-US");
    beforeScripts(browser, "Object.defineProperty(HTMLScriptElement.prototype, 'noModule', {value: undefined, configurable: true});"
        + "delete HTMLScriptElement.prototype.noModule;");
    for (String page : List.of("/", "/p/old-" + System.nanoTime(), "/p/old/projector", "/p/old/history")) {
      browser.open(server.url(page));
      WebElement warning = browser.await().until(d -> d.findElements(WARNING).stream().findFirst().orElse(null));
      assertTrue(warning.getText().startsWith("This browser is too old for Ardoise"), page + ": " + warning.getText());
    }
  }

  /** Before HTMLScriptElement.supports, a browser cannot be asked: the page tells when its modules did not run. */
  @Test
  void aBrowserThatCannotBeAskedIsJudgedByWhetherTheModulesRan() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    beforeScripts(browser, "delete HTMLScriptElement.supports;");
    new PadPage(browser).open(server.url("/p/navigateur-" + System.nanoTime()), "Ana", 0).awaitOnline();
    awaitLoaded(browser);
    assertEquals(List.of(), browser.driver().findElements(WARNING), "its modules ran: no warning");

    BrowserSession old = browser(360, 740, "fr-FR");
    beforeScripts(old, "delete HTMLScriptElement.supports;");
    old.driver().executeCdpCommand("Network.enable", Map.of());
    old.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*pad-main.js")));
    old.open(server.url("/p/navigateur-" + System.nanoTime()));
    WebElement warning = old.await().until(d -> d.findElements(WARNING).stream().findFirst().orElse(null));
    assertTrue(warning.getText().startsWith("Ce navigateur est trop ancien"), warning.getText());
  }
}
