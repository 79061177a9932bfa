package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** index.html: suggested name, name checks in the person's language, visited pads, language switch. */
class HomePageBrowserTest {

  private static StaticPagesServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = StaticPagesServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static void awaitSuggestion(BrowserSession browser) {
    browser.await().until(ExpectedConditions.attributeToBe(By.id("create-name"), "value", StaticPagesServer.SUGGESTED_NAME));
  }

  @Test
  void createWithSuggestedNameThenFindItInRecentPads() {
    try (BrowserSession browser = BrowserSession.start(1280, 800, "fr-FR")) {
      browser.open(server.url("/"));
      awaitSuggestion(browser);
      assertEquals("Créer un pad", browser.driver().findElement(By.id("create-title")).getText());
      assertEquals("Aucun pad ouvert pour l’instant sur cet appareil.",
          browser.driver().findElement(By.id("recent-empty")).getText());
      browser.screenshot("home-fr-desktop");

      browser.driver().findElement(By.cssSelector("#create-form button[type=submit]")).click();
      browser.await().until(ExpectedConditions.urlContains("/pad.html?pad=" + StaticPagesServer.SUGGESTED_NAME));
      browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name"))).sendKeys("Camille");
      browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();

      browser.open(server.url("/"));
      WebElement recent = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".recent-name")));
      assertEquals(StaticPagesServer.SUGGESTED_NAME, recent.getText());
      browser.screenshot("home-fr-desktop-recent");
      // The static server has no pad endpoint, so the pad page's socket fails there (by design);
      // the pad's network behaviour is tested against the real server (CoWriting/Offline tests).
      assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("WebSocket connection to")).toList());
    }
  }

  @Test
  void badNamesAreExplainedAndUnicodeNamesAccepted() {
    try (BrowserSession browser = BrowserSession.start(360, 740, "en-GB")) {
      browser.open(server.url("/"));
      awaitSuggestion(browser);
      WebElement join = browser.driver().findElement(By.id("join-name"));
      join.sendKeys("notes/2026");
      browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
      assertEquals("Only letters, digits, - and _ are allowed.", browser.driver().findElement(By.id("join-message")).getText());
      assertEquals("true", join.getDomAttribute("aria-invalid"));
      browser.screenshot("home-en-phone-bad-name");

      join.clear();
      join.sendKeys("réunion équipe");
      browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
      browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
      assertTrue(browser.driver().getCurrentUrl().endsWith("/pad.html?pad=r%C3%A9union-%C3%A9quipe"),
          browser.driver().getCurrentUrl());
      assertEquals("réunion-équipe", browser.driver().findElement(By.id("pad-title")).getText());
      assertEquals(List.of(), browser.consoleErrors());
    }
  }

  @Test
  void languageSwitchIsRemembered() {
    try (BrowserSession browser = BrowserSession.start(1280, 800, "en-US")) {
      browser.open(server.url("/"));
      awaitSuggestion(browser);
      assertEquals("Create a pad", browser.driver().findElement(By.id("create-title")).getText());
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("language"))).selectByValue("fr");
      browser.await().until(ExpectedConditions.textToBe(By.id("create-title"), "Créer un pad"));
      browser.open(server.url("/"));
      awaitSuggestion(browser);
      assertEquals("Créer un pad", browser.driver().findElement(By.id("create-title")).getText());
      assertEquals("fr", browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
      assertEquals(List.of(), browser.consoleErrors());
    }
  }
}
