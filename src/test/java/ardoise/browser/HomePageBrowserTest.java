package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** index.html: suggested name, name checks in the person's language, visited pads, language switch. */
class HomePageBrowserTest extends PadServerBrowserTest {

  /** Waits until the page shows the name the server suggested for a new pad, and returns it. */
  private static String awaitSuggestion(BrowserSession browser) {
    return browser.await().until(d -> {
      String name = d.findElement(By.id("create-name")).getDomProperty("value");
      return name == null || name.isEmpty() ? null : name;
    });
  }

  @Test
  void createWithSuggestedNameThenFindItInRecentPads() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    browser.open(server.url("/"));
    String suggested = awaitSuggestion(browser);
    assertTrue(suggested.matches("[a-z]+-[a-z]+-[a-km-np-z2-9]{12}"), "two words and a random tail: " + suggested);
    assertEquals("Créer un pad", browser.driver().findElement(By.id("create-title")).getText());
    assertTrue(browser.driver().findElement(By.id("create-public")).getText().startsWith(
        "Un nom choisi est aussi public qu’une adresse web"), "the page says a chosen name is as public as a URL");
    assertEquals("Aucun pad ouvert pour l’instant sur cet appareil.",
        browser.driver().findElement(By.id("recent-empty")).getText());
    browser.screenshot("home-fr-desktop");

    browser.driver().findElement(By.cssSelector("#create-form button[type=submit]")).click();
    browser.await().until(ExpectedConditions.urlContains("/p/" + suggested));
    browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name"))).sendKeys("Camille");
    browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
    // Joined before leaving: the console must stay free of errors, and Chromium logs one for a
    // socket closed while still connecting.
    PadServer.awaitEditable(browser);
    String token = (String) browser.driver().executeScript("return localStorage.getItem('ardoise.owner.' + arguments[0]);", suggested);
    assertEquals(new io.vertx.core.json.JsonObject().put("owned", true).put("owner", true), Links.owner(server, suggested, token),
        "the browser that created the pad keeps its owner token");

    browser.open(server.url("/"));
    WebElement recent = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".recent-name")));
    assertEquals(suggested, recent.getText());
    browser.screenshot("home-fr-desktop-recent");
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void creatingANameSomeoneTookSaysSoAndOffersToOpenThatPad() {
    String pad = "pris-" + System.nanoTime();
    Links.importText(server, pad, "Déjà écrit", "Zoé");
    BrowserSession phone = browser(360, 740, "fr-FR");
    phone.open(server.url("/"));
    awaitSuggestion(phone);
    WebElement field = phone.driver().findElement(By.id("create-name"));
    field.clear();
    field.sendKeys(pad);
    phone.driver().findElement(By.cssSelector("#create-form button[type=submit]")).click();
    phone.await().until(ExpectedConditions.textToBe(By.id("create-message"), "Un pad « " + pad + " » existe déjà."));
    WebElement open = phone.driver().findElement(By.cssSelector("#create-offer button"));
    assertEquals("Ouvrir « " + pad + " »", open.getText());
    assertEquals(null, phone.driver().executeScript("return localStorage.getItem('ardoise.owner.' + arguments[0]);", pad),
        "no owner token for a pad someone else wrote");
    phone.screenshot("home-phone-name-taken");
    open.click();
    phone.await().until(ExpectedConditions.urlContains("/p/" + pad));
    assertEquals(List.of(), phone.consoleErrors());
  }

  @Test
  void badNamesAreExplainedAndUnicodeNamesAccepted() {
    BrowserSession browser = browser(360, 740, "en-GB");
    browser.open(server.url("/"));
    awaitSuggestion(browser);
    WebElement join = browser.driver().findElement(By.id("join-name"));
    join.sendKeys("notes/2026");
    browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
    assertEquals("Only letters, digits, - and _ are allowed.", browser.driver().findElement(By.id("join-message")).getText());
    assertEquals("true", join.getDomAttribute("aria-invalid"));
    browser.screenshot("home-en-phone-bad-name");

    join.clear();
    join.sendKeys("Réunion équipe");
    browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
    WebElement offer = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("join-offer")));
    assertEquals("The pad “reunion-equipe” does not exist yet: nobody has written in it.",
        offer.findElement(By.className("join-missing")).getText());
    browser.screenshot("home-en-phone-join-missing");
    offer.findElement(By.cssSelector(".join-actions .button-primary")).click();
    browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
    assertTrue(browser.driver().getCurrentUrl().endsWith("/p/reunion-equipe"), browser.driver().getCurrentUrl());
    assertEquals("reunion-equipe", browser.driver().findElement(By.id("pad-title")).getText());
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void joiningAnotherSpellingLandsOnTheExistingPad() {
    server.store("bilan-soir-tw7f", "Bilan de la soirée");
    BrowserSession browser = browser(360, 740, "fr-FR");
    browser.open(server.url("/"));
    awaitSuggestion(browser);
    browser.driver().findElement(By.id("join-name")).sendKeys("Bilan-Soir-TW7F");
    browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
    browser.await().until(ExpectedConditions.urlMatches("/p/bilan-soir-tw7f$"));
    PadPage page = new PadPage(browser).open(browser.driver().getCurrentUrl(), "Camille", 0).awaitOnline();
    assertEquals("Bilan de la soirée", page.text());
    assertEquals("bilan-soir-tw7f", browser.driver().findElement(By.id("pad-title")).getDomProperty("textContent"));

    // Typed straight into the address bar, another spelling is sent on by the server.
    browser.open(server.url("/p/BILAN-Soir-tw7f"));
    browser.await().until(ExpectedConditions.urlMatches("/p/bilan-soir-tw7f$"));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void aNameNobodyWroteInOffersToCreateItOrOpenACloseVisitedPad() {
    server.store("atelier-lundi", "Notes du lundi");
    BrowserSession browser = browser(360, 740, "fr-FR");
    browser.open(server.url("/"));
    awaitSuggestion(browser);
    browser.driver().executeScript("localStorage.setItem('ardoise.recentPads', JSON.stringify("
        + "[{name: 'atelier-lundi', visitedAt: Date.now()}, {name: 'cuisine', visitedAt: Date.now() - 1000}]))");
    browser.open(server.url("/"));
    awaitSuggestion(browser);
    browser.driver().findElement(By.id("join-name")).sendKeys("Atelier-Lundy");
    browser.driver().findElement(By.cssSelector("#join-form button[type=submit]")).click();
    WebElement offer = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("join-offer")));
    assertEquals("Le pad « atelier-lundy » n’existe pas encore : personne n’y a écrit.",
        offer.findElement(By.className("join-missing")).getText());
    List<String> buttons = offer.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Créer « atelier-lundy »", "Ouvrir « atelier-lundi »"), buttons);
    assertTrue(browser.driver().getCurrentUrl().endsWith("/"), "nothing opened yet");
    browser.screenshot("home-fr-phone-join-offer");
    offer.findElement(By.cssSelector(".join-actions .button-secondary")).click();
    browser.await().until(ExpectedConditions.urlMatches("/p/atelier-lundi$"));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void languageSwitchIsRemembered() {
    BrowserSession browser = browser(1280, 800, "en-US");
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
