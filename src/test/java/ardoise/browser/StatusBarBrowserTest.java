package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The status bars say what is true, in words a facilitator understands: nothing about saving while
 * the name is asked, "hors ligne" for a browser without network (even just after a reload),
 * unsaved text counted in characters, "n people connected" on the read-only page, and the paste
 * refusal pointing to Import.
 */
class StatusBarBrowserTest extends PadServerBrowserTest {
  /** Runs before the base class closes the browsers. */
  @AfterEach
  void restoreNetwork() {
    server.proxy().restore().await();
  }

  private static void setBrowserOnline(PadPage page, boolean online) {
    page.browser().driver().executeCdpCommand("Network.enable", Map.of());
    page.browser().driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of(
        "offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  @Test
  void whileTheNameIsAskedTheStatusClaimsNoConnectionAndNoSave() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    browser.open(server.directUrl("nom-" + System.nanoTime()));
    browser.await().until(d -> !d.findElements(By.cssSelector("dialog#profile-dialog[open]")).isEmpty());
    PadPage waiting = new PadPage(browser);
    browser.await().until(d -> !waiting.statusText().isEmpty());
    String status = waiting.statusText();
    browser.screenshot("status-name-dialog");
    assertEquals("en attente de votre nom", status);
    assertEquals("waiting", browser.driver().findElement(By.id("status-bar")).getAttribute("data-connection"));

    PadPage page = new PadPage(browser);
    browser.driver().findElement(By.id("profile-name")).sendKeys("Zoé");
    browser.driver().findElement(By.cssSelector("form.profile-form button[type=submit]")).click();
    page.awaitOnline();
    page.awaitUntil("saying connected and saved", () -> page.statusText().replace('\n', ' ').equals("connecté tout est enregistré"));
  }

  @Test
  void aPageReloadedWithoutNetworkSaysOfflineThenCatchesUp() {
    String pad = "hors-ligne-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(360, 740, "fr-FR")).open(server.proxiedUrl(pad), "Amélie", 0).awaitOnline();
    amelie.awaitUntil("ready offline", () -> "true".equals(amelie.js("return document.documentElement.dataset.offlineReady;")));
    amelie.focus().type("en ligne. ");
    amelie.awaitSynchronized();

    server.proxy().cut().await();
    setBrowserOnline(amelie, false);
    amelie.awaitUntil("saying offline", () -> "offline".equals(amelie.statusConnection()));
    amelie.type("sans réseau.");
    // From the reload on, count the page's socket attempts and record every state its bar shows.
    amelie.browser().driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
        "window.socketAttempts = 0; const Native = WebSocket;"
            + "window.WebSocket = class extends Native { constructor(...a) { super(...a); window.socketAttempts++; } };"
            + "window.shownStates = []; document.addEventListener('DOMContentLoaded', () => {"
            + "  const bar = document.getElementById('status-bar');"
            + "  new MutationObserver(() => window.shownStates.push(bar.dataset.connection))"
            + "    .observe(bar, {attributes: true, attributeFilter: ['data-connection']}); });"));
    amelie.browser().driver().navigate().refresh();
    amelie.awaitUntil("restored from this browser", () -> "en ligne. sans réseau.".equals(amelie.text()));
    amelie.awaitUntil("saying offline after the reload", () -> "offline".equals(amelie.statusConnection()));
    assertTrue(amelie.statusText().startsWith("hors ligne"), amelie.statusText());
    assertTrue(amelie.statusText().contains("12 caractères pas encore enregistrés"), amelie.statusText());
    amelie.screenshot("status-offline-after-reload");
    amelie.awaitUntil("trying to connect three times", () -> ((Number) amelie.js("return window.socketAttempts;")).intValue() >= 3);
    assertEquals(List.of("offline"), amelie.js("return [...new Set(window.shownStates)];"),
        "never \"connexion…\" or \"reconnexion…\" without network");

    setBrowserOnline(amelie, true);
    server.proxy().restore().await();
    amelie.awaitSynchronized();
    assertEquals("en ligne. sans réseau.", server.text(pad));
    amelie.awaitUntil("saying connected", () -> amelie.statusText().startsWith("connecté"));
  }

  @Test
  void unsavedTextIsCountedInCharactersInBothLanguages() {
    String pad = "compte-" + System.nanoTime();
    PadPage zoe = new PadPage(browser(360, 740, "fr-FR")).open(server.proxiedUrl(pad), "Zoé", 3).awaitOnline();
    zoe.focus();
    server.proxy().cut().await();
    zoe.awaitUntil("showing the lost connection", () -> !"connected".equals(zoe.statusConnection()));
    zoe.type("B");
    zoe.awaitUntil("counting one character", () -> zoe.statusText().contains("1 caractère pas encore enregistré"));
    zoe.type("onjour à tous");
    zoe.awaitUntil("counting the sentence's characters, not its keystrokes",
        () -> zoe.statusText().contains("14 caractères pas encore enregistrés"));
    zoe.screenshot("status-unsaved-fr");
    server.proxy().restore().await();
    zoe.awaitSynchronized();
    zoe.awaitUntil("saying all is saved", () -> zoe.statusText().contains("tout est enregistré"));
    assertEquals("Bonjour à tous", server.text(pad));

    new Select(zoe.browser().driver().findElement(By.id("language"))).selectByValue("en");
    zoe.awaitUntil("speaking English", () -> zoe.statusText().contains("all changes saved"));
    server.proxy().cut().await();
    zoe.awaitUntil("showing the lost connection", () -> !"connected".equals(zoe.statusConnection()));
    zoe.toEnd().type("!");
    zoe.awaitUntil("counting one character in English", () -> zoe.statusText().contains("1 character not saved yet"));
    zoe.type(Keys.BACK_SPACE, Keys.BACK_SPACE, " everyone");
    // "!" typed then erased counts for nothing; the erased "s" and " everyone" count.
    zoe.awaitUntil("counting characters in English", () -> zoe.statusText().contains("10 characters not saved yet"));
    assertTrue(zoe.statusText().startsWith("reconnecting…"), zoe.statusText());
    zoe.screenshot("status-unsaved-en");
    server.proxy().restore().await();
    zoe.awaitSynchronized();
    assertEquals("Bonjour à tou everyone", server.text(pad));
  }

  @Test
  void theReadOnlyPageCountsPeopleConnected() {
    String pad = "lecteurs-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Notes"); // a pad gets its read-only link with its first edit
    amelie.awaitSynchronized();
    ViewerPage reader = new ViewerPage(browser(360, 740, "fr-FR")).open(Links.of(server, pad).getString("readOnly"));
    reader.awaitUntil("Amélie and the reader", () -> reader.find("#participant-count").getText().equals("2 personnes connectées"));
    BrowserSession brunoBrowser = browser(1100, 700, "fr-FR");
    new PadPage(brunoBrowser).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    reader.awaitUntil("three people", () -> reader.find("#participant-count").getText().equals("3 personnes connectées"));
    reader.browser().screenshot("status-read-only-connected");
    new Select(reader.find("#language")).selectByValue("en");
    reader.awaitUntil("three people in English", () -> reader.find("#participant-count").getText().equals("3 people connected"));
    brunoBrowser.driver().get("about:blank");
    reader.awaitUntil("two people in English", () -> reader.find("#participant-count").getText().equals("2 people connected"));
    assertTrue(amelie.online());
  }

  @Test
  void aRefusedPastePointsToTheImportEntryOfTheMenu() {
    String pad = "collage-long-" + System.nanoTime();
    PadPage sam = new PadPage(browser(360, 740, "en-US")).open(server.directUrl(pad), "Sam", 2).awaitOnline();
    sam.focus().type("start ");
    sam.insertText("x".repeat(40001));
    sam.awaitSynchronized();
    assertEquals("start ", sam.text());
    sam.awaitUntil("explaining the refusal", () -> sam.statusText().contains("too long"));
    String status = sam.statusText();
    sam.screenshot("status-paste-too-large-en");
    assertTrue(status.contains("use “Import” in the Export menu"), status);
    // The words the message uses are the menu's own.
    String menu = sam.browser().driver().findElement(By.cssSelector("#export-menu > summary")).getText();
    assertEquals("Export", menu);
    sam.browser().driver().findElement(By.cssSelector("#export-menu > summary")).click();
    String entry = sam.browser().driver().findElement(By.cssSelector("#export-menu .import-file")).getText();
    assertTrue(entry.startsWith("Import"), entry);
    assertFalse(status.contains("{"), status);
  }
}
