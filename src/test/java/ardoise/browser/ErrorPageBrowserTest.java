package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** Error pages as people see them: the site's header and card, their language, no sideways scroll on a phone. */
class ErrorPageBrowserTest extends PadServerBrowserTest {

  private static long overflow(BrowserSession browser) {
    return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
  }

  @Test
  void aBadRevisionOnAPhoneInFrenchLeadsBackToThePad() {
    server.store("erreurs-atelier", "Texte");
    BrowserSession phone = browser(360, 740, "fr-FR");
    phone.open(server.url("/p/erreurs-atelier/export/txt?rev=42"));
    assertEquals("Révision invalide", phone.driver().findElement(By.tagName("h1")).getText());
    assertEquals("Ardoise", phone.driver().findElement(By.cssSelector(".topbar .brand")).getText());
    assertEquals(0, overflow(phone), "no sideways scroll at 360 px");
    phone.screenshot("error-bad-rev-fr-phone");
    phone.driver().findElement(By.cssSelector(".error-actions .button-primary")).click();
    phone.await().until(d -> d.getCurrentUrl().endsWith("/p/erreurs-atelier"));
    assertEquals(List.of(), phone.consoleErrors().stream().filter(e -> !e.contains("400")).toList());
  }

  @Test
  void anUnknownAddressOnADesktopInEnglish() {
    BrowserSession desktop = browser(1280, 800, "en-GB");
    desktop.open(server.url("/nowhere/at-all"));
    assertEquals("Page not found", desktop.driver().findElement(By.tagName("h1")).getText());
    String background = (String) ((JavascriptExecutor) desktop.driver()).executeScript(
        "return getComputedStyle(document.body).backgroundColor");
    assertEquals("rgb(238, 241, 244)", background, "the site's page colour: ardoise.css is applied");
    assertTrue(desktop.driver().findElement(By.cssSelector(".error-actions .button-secondary")).isDisplayed());
    desktop.screenshot("error-not-found-en-desktop");
    desktop.open(server.url("/p/a.b"));
    assertEquals("Invalid pad name", desktop.driver().findElement(By.tagName("h1")).getText());
  }
}
