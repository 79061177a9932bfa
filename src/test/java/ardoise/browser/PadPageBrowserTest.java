package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * pad.html in real headless Chromium under the production CSP: loads, types, speaks the browser's
 * language; and the negative control showing that a CSP violation reaches the console errors.
 */
class PadPageBrowserTest extends PadServerBrowserTest {

  static String text(BrowserSession browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  @Test
  void frenchBrowserGetsTheFrenchPadAndCanType() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    browser.open(server.url("/pad.html?pad=atelier-lundi"));
    browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
    assertEquals("Comment vous appelez-vous ?", text(browser, "#profile-title"));
    browser.screenshot("pad-fr-desktop-name-prompt");
    browser.driver().findElement(By.id("profile-name")).sendKeys("Camille");
    browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
    WebElement content = PadServer.awaitEditable(browser);
    content.click();
    content.sendKeys("Compte rendu de l’atelier\nPremière idée : écrire ensemble.");

    browser.await().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".cm-content"), "Première idée : écrire ensemble."));
    assertEquals("fr", browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
    assertTrue(text(browser, "#status-bar").contains("tout est enregistré"),
        text(browser, "#status-bar"));
    assertTrue(text(browser, "#participant-list").contains("Camille"));
    assertEquals("atelier-lundi", text(browser, "#pad-title"));
    browser.screenshot("pad-fr-desktop");
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void codeMirrorStylesApplyWithoutInlineStyleElements() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    server.openPadAs(browser, "styles", "Camille");
    Object styleElements = browser.driver().executeScript("return document.querySelectorAll('style').length");
    assertEquals(0L, styleElements, "style-mod must not inject <style> (CSP style-src 'self')");
    // display: flex comes from CodeMirror's base theme: its styles really apply.
    assertEquals("flex", browser.driver().findElement(By.cssSelector(".cm-editor")).getCssValue("display"));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void englishPhoneGetsTheEnglishPad() {
    BrowserSession browser = browser(360, 740, "en-US");
    WebElement content = server.openPadAs(browser, "monday", "Sam");
    assertEquals(360L, browser.driver().executeScript("return document.documentElement.clientWidth"));
    content.click();
    content.sendKeys("Notes from the workshop, typed on a small phone screen so lines must wrap nicely.");
    browser.await().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector(".cm-content"), "lines must wrap nicely."));
    assertEquals("en", browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
    assertTrue(text(browser, "#status-bar").contains("all changes saved"), text(browser, "#status-bar"));
    Object overflow = browser.driver().executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertEquals(false, overflow, "nothing may stick out sideways on a 360 px phone");
    browser.screenshot("pad-en-phone");
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void profileIsRememberedAndEditable() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    server.openPadAs(browser, "profil", "Camille");
    browser.driver().findElement(By.id("edit-profile")).click();
    WebElement name = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
    assertEquals("Camille", name.getDomProperty("value"));
    name.clear();
    name.sendKeys("Camille D.");
    browser.driver().findElements(By.cssSelector(".swatch")).get(5).click();
    browser.screenshot("pad-fr-desktop-edit-profile");
    browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
    browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#edit-profile .profile-name"), "Camille D."));
    assertTrue(text(browser, "#participant-list").contains("Camille D."));

    browser.open(server.url("/pad.html?pad=profil"));
    browser.await().until(ExpectedConditions.textToBe(By.cssSelector("#edit-profile .profile-name"), "Camille D."));
    assertEquals(false, browser.driver().findElement(By.id("profile-dialog")).isDisplayed());
    Object dot = browser.driver().executeScript(
        "return getComputedStyle(document.querySelector('#edit-profile .profile-dot')).backgroundColor");
    assertEquals("rgb(11, 87, 208)", dot, "the sixth palette colour, #0b57d0");
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void namesOfAnyScriptThatTheServerAcceptsOpenTheEditor() {
    // Devanagari needs its combining vowel signs and virama; 40 astral letters are 80 UTF-16 units.
    StringBuilder bold = new StringBuilder();
    for (int i = 0; i < 40; i++) bold.appendCodePoint(0x1D400 + i);
    BrowserSession browser = browser(1280, 800, "en-GB");
    // Shown in canonical form: the bold letters stand for plain ones (NFKC), the Devanagari is kept.
    String plain = "abcdefghijklmnopqrstuvwxyzabcdefghijklmn";
    for (String name : List.of("\u0939\u093f\u0928\u094d\u0926\u0940", bold.toString())) {
      browser.open(server.directUrl(URLEncoder.encode(name, StandardCharsets.UTF_8)));
      if (browser.driver().findElement(By.id("profile-dialog")).isDisplayed()) {
        browser.driver().findElement(By.id("profile-name")).sendKeys("Asha");
        browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
      }
      PadServer.awaitEditable(browser);
      assertEquals(name.startsWith("\u0939") ? name : plain, text(browser, "#pad-title"));
    }
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void consoleErrorsSeeCspViolations() {
    BrowserSession browser = browser(800, 600, "fr-FR");
    browser.open(server.url("/"));
    // An inline style element, which the production CSP (style-src 'self') refuses.
    browser.driver().executeScript("const s = document.createElement('style');"
        + "s.textContent = 'body { color: red; }'; document.head.append(s);");
    browser.await().until(d -> browser.consoleErrors().stream().anyMatch(e -> e.contains("Content Security Policy")));
  }
}
