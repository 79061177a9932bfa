package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What an owner does from the pad page, and what the others see: a lifetime chosen on the home page
 * shown as a deletion date to every member; a lock that makes the others read-only with the reason
 * and loses nothing typed; an edit password a third browser must give; "delete now" after a
 * confirmation; the owner link handed to another browser; claiming a pad nobody owns. Real server,
 * real Chromium, phones at 360×740 with touch and a long pad.
 */
class OwnerPanelBrowserTest extends PadServerBrowserTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final DateTimeFormatter FRENCH_LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

  /** Minutes long enough that a phone scrolls them: 120 lines. */
  private static String longMinutes() {
    StringBuilder text = new StringBuilder("# Compte rendu de l’atelier\n\n");
    for (int i = 1; i <= 120; i++) text.append("- Point ").append(i).append(" : décision prise, à suivre par l’équipe.\n");
    return text.toString();
  }

  /** POST /api/pads as a program would: the owner token of a new pad named {@code pad}. */
  private static String createOwned(String pad) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/api/pads")))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", pad).encode()))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    return new JsonObject(r.body()).getString("ownerToken");
  }

  /** The owner's page, opened through the owner link (the token in the fragment). */
  private PadPage openAsOwner(String pad, String token, int width, int height) {
    PadPage owner = new PadPage(browser(width, height, "fr-FR")).open(server.directUrl(pad) + "#owner=" + token, "Camille", 2).awaitOnline();
    owner.browser().await().until(d -> "owner".equals(d.findElement(By.id("open-owner")).getAttribute("data-mode")));
    return owner;
  }

  /** Opens the owner's dialog and waits until it shows the pad's settings. */
  private static void openPanel(PadPage owner) {
    owner.browser().driver().findElement(By.id("open-owner")).click();
    owner.awaitUntil("the owner's settings shown", () -> "ready".equals(owner.js(
        "const d = document.getElementById('owner-dialog'); return d && d.open ? d.dataset.state : null;")));
  }

  private static WebElement find(PadPage page, String id) {
    return page.browser().driver().findElement(By.id(id));
  }

  /** Clicks {@code id} in the owner's dialog and waits until the server answered the change. */
  private static void change(PadPage owner, String id) {
    Object before = owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';");
    find(owner, id).click();
    owner.awaitUntil("the change saved", () -> !before.equals(owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';")));
  }

  private static void closePanel(PadPage owner) {
    owner.browser().driver().findElement(By.cssSelector("#owner-dialog .owner-close")).click();
    owner.browser().await().until(d -> d.findElements(By.cssSelector("#owner-dialog[open]")).isEmpty());
  }

  private static String text(PadPage page, String css) {
    List<WebElement> found = page.browser().driver().findElements(By.cssSelector(css));
    return found.isEmpty() || !found.get(0).isDisplayed() ? "" : found.get(0).getText();
  }

  private static boolean editable(PadPage page) {
    return "true".equals(page.content().getAttribute("contenteditable"));
  }

  /** "Ce pad sera supprimé le 12 décembre 2026" for today + days (or the next day, if midnight passes meanwhile). */
  private static boolean saysDeletionIn(String line, long days) {
    LocalDate due = LocalDate.now().plusDays(days);
    return line.equals("Ce pad sera supprimé le " + FRENCH_LONG.format(due))
        || line.equals("Ce pad sera supprimé le " + FRENCH_LONG.format(due.plusDays(1)));
  }

  @Test
  void lifetimeChosenOnTheHomePageIsTheDeletionDateOfOwnerAndMember() {
    BrowserSession home = browser(1100, 800, "fr-FR");
    home.open(server.url("/"));
    WebElement lifetime = home.await().until(d -> {
      WebElement row = d.findElement(By.id("create-lifetime-row"));
      return row.isDisplayed() ? d.findElement(By.id("create-lifetime")) : null;
    });
    new Select(lifetime).selectByValue("7");
    assertEquals("1 semaine", new Select(lifetime).getFirstSelectedOption().getText());
    String pad = "duree-" + System.nanoTime();
    WebElement name = home.driver().findElement(By.id("create-name"));
    name.clear();
    name.sendKeys(pad);
    home.screenshot("owner-home-lifetime-desktop");
    home.driver().findElement(By.cssSelector("#create-form button[type=submit]")).click();
    home.await().until(d -> d.getCurrentUrl().contains("/p/" + pad));
    PadPage owner = new PadPage(home).open(home.driver().getCurrentUrl(), "Camille", 2).awaitOnline();
    // Nothing written yet: the browser tests' in-memory store keeps written pads forever, so the
    // lifetime is read here while the pad still holds the one chosen at its creation.
    PadPage member = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    member.awaitUntil("showing the deletion date", () -> saysDeletionIn(text(member, "#pad-deletes-at"), 7));
    member.screenshot("owner-member-deletion-date-phone");

    owner.browser().await().until(d -> "owner".equals(d.findElement(By.id("open-owner")).getAttribute("data-mode")));
    owner.awaitUntil("showing the deletion date", () -> saysDeletionIn(text(owner, "#pad-deletes-at"), 7));
    openPanel(owner);
    owner.awaitUntil("showing the deletion date in the panel", () -> saysDeletionIn(text(owner, "#owner-deletes-at"), 7));
    assertEquals("7", new Select(find(owner, "owner-lifetime")).getFirstSelectedOption().getAttribute("value"));
    owner.screenshot("owner-panel-open-desktop");

    // The owner picks a month: every member's date moves at once.
    Object before = owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';");
    new Select(find(owner, "owner-lifetime")).selectByValue("30");
    owner.awaitUntil("the change saved", () -> !before.equals(owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';")));
    member.awaitUntil("showing the new date", () -> saysDeletionIn(text(member, "#pad-deletes-at"), 30));
    owner.awaitUntil("showing the new date in the panel", () -> saysDeletionIn(text(owner, "#owner-deletes-at"), 30));
    assertTrue(owner.browser().consoleErrors().isEmpty(), owner.browser().consoleErrors().toString());
  }

  @Test
  void lockMakesTheOthersReadOnlyWithTheReasonAndLosesNothing() throws Exception {
    String pad = "verrou-" + System.nanoTime();
    String token = createOwned(pad);
    PadPage owner = openAsOwner(pad, token, 1100, 800);
    assertFalse(owner.browser().driver().getCurrentUrl().contains("#"), "the owner link leaves the address bar");
    // The member goes through the cuttable proxy, so the test can make them type while cut off.
    PadPage member = new PadPage(browser(360, 740, "fr-FR")).open(server.proxiedUrl(pad), "Amélie", 0).awaitOnline();
    member.focus().insertText("Présents : Amélie. ");
    member.awaitSynchronized();

    server.proxy().cut().await();
    member.awaitUntil("offline", () -> !member.online());
    member.focus().toEnd().insertText("Écrit pendant la coupure.");
    openPanel(owner);
    change(owner, "owner-lock");
    assertEquals("Enregistré.", text(owner, "#owner-message"));
    closePanel(owner);
    owner.awaitUntil("read-only too", () -> !editable(owner));

    server.proxy().restore().await();
    member.awaitUntil("back and told the pad is locked",
        () -> member.online() && text(member, "#policy-locked").equals("Le pad est verrouillé par son propriétaire : lecture seule."));
    assertFalse(editable(member), "the member cannot type");
    member.awaitUntil("holding the text typed offline", () -> member.pending() && member.text().endsWith("Écrit pendant la coupure."));
    assertFalse(server.text(pad).contains("coupure"), "not committed while locked");
    member.screenshot("owner-lock-banner-phone");
    assertEquals(List.of(), Axe.violations(member.browser(), "lock banner, phone"));
    owner.screenshot("owner-locked-desktop");

    openPanel(owner);
    assertTrue(find(owner, "owner-lock").isSelected(), "the panel shows the lock");
    change(owner, "owner-lock");
    closePanel(owner);
    member.awaitUntil("writable again, the kept text sent", () -> editable(member) && !member.pending());
    assertEquals("Présents : Amélie. Écrit pendant la coupure.", server.text(pad));
    assertEquals("", text(member, "#policy-banner"));
    member.focus().toEnd().insertText(" Fin.");
    member.awaitSynchronized();
    owner.awaitUntil("the member's text", () -> owner.text().equals("Présents : Amélie. Écrit pendant la coupure. Fin."));
  }

  @Test
  void aThirdBrowserMustGiveTheEditPassword() throws Exception {
    String pad = "motdepasse-" + System.nanoTime();
    String token = createOwned(pad);
    Links.importText(server, pad, longMinutes(), "Camille");
    PadPage owner = openAsOwner(pad, token, 1100, 800);
    openPanel(owner);
    find(owner, "owner-password").sendKeys("tournesol");
    Object before = owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';");
    owner.browser().driver().findElement(By.cssSelector("#owner-password-form button[type=submit]")).click();
    owner.awaitUntil("the password saved", () -> !before.equals(owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';")));
    owner.awaitUntil("password set", () -> text(owner, "#owner-password-state").equals("Un mot de passe est demandé pour écrire."));
    closePanel(owner);
    owner.awaitUntil("still writing: the panel gave the owner's tab the new password", () -> editable(owner));
    assertFalse(owner.browser().driver().findElement(By.id("policy-banner")).isDisplayed());

    PadPage third = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Bastien", 1).awaitOnline();
    third.awaitUntil("asked for the password", () -> third.browser().driver().findElement(By.id("password-form")).isDisplayed());
    assertFalse(editable(third), "reads, cannot write");
    assertTrue(third.text().contains("Point 120"), "reads the text");
    third.screenshot("owner-password-prompt-phone");
    WebElement input = third.browser().driver().findElement(By.id("pad-password"));
    input.sendKeys("girasol");
    third.browser().driver().findElement(By.cssSelector("#password-form button[type=submit]")).click();
    third.awaitUntil("told it is wrong", () -> "Mot de passe incorrect.".equals(text(third, "#password-message")));
    assertFalse(editable(third));
    third.screenshot("owner-password-wrong-phone");
    assertEquals(List.of(), Axe.violations(third.browser(), "password prompt, phone"));
    input.clear();
    input.sendKeys("tournesol");
    third.browser().driver().findElement(By.cssSelector("#password-form button[type=submit]")).click();
    third.awaitUntil("writable", () -> editable(third));
    assertFalse(third.browser().driver().findElement(By.id("policy-banner")).isDisplayed());
    third.focus().toStart().insertText("Bastien écrit. ");
    third.awaitSynchronized();
    assertTrue(server.text(pad).startsWith("Bastien écrit. "), server.text(pad));
    assertFalse(third.browser().driver().getCurrentUrl().contains("tournesol"));

    // A reload of this tab sends the password it was given: no second prompt.
    third.browser().driver().navigate().refresh();
    third.browser().await().until(d -> !d.findElements(By.cssSelector(".cm-content[contenteditable=true]")).isEmpty());
    assertFalse(third.browser().driver().findElement(By.id("password-form")).isDisplayed());
  }

  @Test
  void deleteNowAfterConfirmationStopsEveryViewAndTheLinksAnswer410() throws Exception {
    String pad = "effacer-" + System.nanoTime();
    String token = createOwned(pad);
    PadPage owner = openAsOwner(pad, token, 360, 740);
    owner.focus().insertText("Données personnelles de l’atelier");
    owner.awaitSynchronized();
    PadPage member = new PadPage(browser(1100, 800, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    JsonObject links = Links.of(server, pad);
    assertEquals(200, Links.get(links.getString("readOnly")).statusCode());

    openPanel(owner);
    owner.screenshot("owner-panel-open-phone");
    assertEquals(List.of(), Axe.violations(owner.browser(), "owner panel, phone"));
    find(owner, "owner-delete").click();
    WebElement confirm = owner.browser().await().until(d -> {
      WebElement c = d.findElement(By.id("owner-delete-confirm"));
      return c.isDisplayed() ? c : null;
    });
    owner.screenshot("owner-delete-confirm-phone");
    confirm.findElement(By.id("owner-delete-no")).click();
    assertFalse(confirm.isDisplayed(), "cancelled");
    assertEquals(200, Links.get(links.getString("readOnly")).statusCode(), "nothing deleted on cancel");
    find(owner, "owner-delete").click();
    owner.browser().await().until(d -> d.findElement(By.id("owner-delete-yes")).isDisplayed());
    owner.browser().driver().findElement(By.id("owner-delete-yes")).click();

    for (PadPage page : new PadPage[] {owner, member}) {
      page.browser().await().until(d -> !d.findElements(By.id("pad-deleted")).isEmpty());
      page.awaitUntil("the deleted state", () -> "deleted".equals(page.statusConnection()));
    }
    assertTrue(text(member, "#pad-deleted p").startsWith("Ce pad a été supprimé du serveur"));
    assertEquals("Données personnelles de l’atelier", member.text(), "the text stays on screen");
    assertEquals(410, Links.get(links.getString("readOnly")).statusCode(), "read-only link");
    assertEquals(410, Links.get(links.getString("projector")).statusCode(), "projector");
    member.screenshot("owner-deleted-member-desktop");
  }

  @Test
  void theOwnerLinkMakesAnotherBrowserAnOwner() throws Exception {
    String pad = "transmettre-" + System.nanoTime();
    String token = createOwned(pad);
    PadPage owner = openAsOwner(pad, token, 1100, 800);
    openPanel(owner);
    find(owner, "owner-copy-link").click();
    String link = owner.browser().await().until(d -> {
      String value = d.findElement(By.id("owner-link")).getAttribute("value");
      return value == null || value.isEmpty() ? null : value;
    });
    assertEquals(server.directUrl(pad) + "#owner=" + token, link);

    PadPage coFacilitator = new PadPage(browser(360, 740, "fr-FR")).open(link, "Dominique", 3).awaitOnline();
    coFacilitator.browser().await().until(d -> "owner".equals(d.findElement(By.id("open-owner")).getAttribute("data-mode")));
    String address = coFacilitator.browser().driver().getCurrentUrl();
    assertEquals(server.directUrl(pad), address, "the fragment is gone from the address bar");
    Object kept = coFacilitator.js("return localStorage.getItem('ardoise.owner.' + arguments[0]);", pad);
    assertEquals(token, kept);
    assertTrue(Links.owner(server, pad, (String) kept).getBoolean("owner"));
  }

  @Test
  void anUnownedPadIsClaimedFromItsPage() {
    String pad = "sans-proprietaire-" + System.nanoTime();
    PadPage first = new PadPage(browser(360, 740, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    first.focus().insertText("Un pad ouvert en tapant son adresse.");
    first.awaitSynchronized();
    WebElement button = first.browser().await().until(d -> {
      WebElement b = d.findElement(By.id("open-owner"));
      return "claim".equals(b.getAttribute("data-mode")) && b.isDisplayed() ? b : null;
    });
    button.click();
    first.browser().await().until(d -> d.findElement(By.id("owner-claim")).isDisplayed());
    first.screenshot("owner-claim-phone");
    assertEquals(List.of(), Axe.violations(first.browser(), "claim dialog, phone"));
    first.browser().driver().findElement(By.id("owner-claim")).click();
    first.awaitUntil("the owner's settings shown", () -> "ready".equals(first.js("return document.getElementById('owner-dialog').dataset.state;")));
    assertTrue(find(first, "owner-lock").isDisplayed());
    String token = (String) first.js("return localStorage.getItem('ardoise.owner.' + arguments[0]);", pad);
    assertNotNull(token);
    assertTrue(Links.owner(server, pad, token).getBoolean("owner"));

    PadPage second = new PadPage(browser(1100, 800, "fr-FR")).open(server.directUrl(pad), "Bob", 1).awaitOnline();
    second.awaitUntil("the owner panel checked", () -> "none".equals(second.js("const b = document.getElementById('open-owner'); return b && b.dataset.mode;")));
    assertFalse(second.browser().driver().findElement(By.id("open-owner")).isDisplayed(), "owned by another: no button");
  }

  @Test
  void readOnlyViewsProtectedTooAskForThePasswordToRead() throws Exception {
    String pad = "lecture-protegee-" + System.nanoTime();
    String token = createOwned(pad);
    Links.importText(server, pad, longMinutes(), "Camille");
    JsonObject links = Links.of(server, pad);
    PadPage owner = openAsOwner(pad, token, 1100, 800);
    openPanel(owner);
    find(owner, "owner-password").sendKeys("tournesol");
    Object before = owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';");
    owner.browser().driver().findElement(By.cssSelector("#owner-password-form button[type=submit]")).click();
    owner.awaitUntil("the password saved", () -> !before.equals(owner.js("return document.getElementById('owner-dialog').dataset.saves || '0';")));
    change(owner, "owner-protect");
    assertTrue(find(owner, "owner-protect").isSelected());
    owner.screenshot("owner-panel-password-desktop");

    BrowserSession reader = browser(360, 740, "fr-FR");
    reader.open(links.getString("readOnly"));
    reader.await().until(d -> d.findElement(By.id("password-form")).isDisplayed());
    assertEquals("Mot de passe pour lire", reader.driver().findElement(By.cssSelector("#password-form label")).getText());
    reader.screenshot("owner-read-password-phone");
    reader.driver().findElement(By.id("pad-password")).sendKeys("tournesol");
    reader.driver().findElement(By.cssSelector("#password-form button[type=submit]")).click();
    reader.await().until(d -> {
      Object text = ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return window.ardoiseViewer && window.ardoiseViewer.text();");
      return text instanceof String t && t.contains("Point 120");
    });
    assertFalse(reader.driver().findElement(By.id("policy-banner")).isDisplayed());
  }
}
