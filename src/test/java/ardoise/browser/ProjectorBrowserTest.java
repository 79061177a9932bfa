package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/**
 * The projector view against the real server: it follows what an editor page writes (text and
 * scrolling), shows the participant count and the join corner, stops following when the
 * facilitator scrolls away and resumes on request; text size and theme are remembered. The
 * rendering of Markdown itself: {@link ProjectorMarkdownBrowserTest}.
 */
class ProjectorBrowserTest extends PadServerBrowserTest {
  private String projectorUrl(String pad) {
    return server.directUrl(pad) + "/projector";
  }

  @Test
  void theProjectorFollowsTheWritingAndShowsWhoIsThere() {
    String pad = "projection-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Bonjour à tous");
    amelie.awaitSynchronized();
    ViewerPage projector = new ViewerPage(browser(1280, 720, "fr-FR")).open(projectorUrl(pad));
    projector.awaitText("Bonjour à tous");
    projector.awaitUntil("counting one person", () -> projector.find("#participant-count").getText().equals("1 personne"));
    assertEquals("Rejoignez le pad :", projector.find("#join-title").getText());
    assertTrue(projector.find("#join-url").getText().endsWith("/p/" + pad), projector.find("#join-url").getText());
    assertTrue(amelie.participantNames().equals(List.of("Amélie")), "the projector is no participant: " + amelie.participantNames());

    // A long pad: the projector scrolls to where Amélie writes, at the end.
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 60; i++) lines.append("\nLigne numéro ").append(i).append(" de l’atelier");
    amelie.toEnd().insertText(lines.toString());
    amelie.type("\nCONCLUSION");
    amelie.awaitSynchronized();
    projector.awaitText(amelie.text());
    projector.awaitUntil("showing the conclusion line, the top scrolled out",
        () -> projector.lineVisible("CONCLUSION") && !projector.lineVisible("Bonjour à tous"));
    assertTrue(projector.following());
    projector.browser().screenshot("projector-light");

    // The facilitator scrolls back up: following stops and "resume" shows.
    new Actions(projector.browser().driver()).scrollFromOrigin(
        org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromElement(projector.find(".md-scroller")), 0, -100000).perform();
    projector.awaitUntil("not following", () -> !projector.following());
    projector.awaitUntil("showing the top", () -> projector.lineVisible("Bonjour à tous"));
    assertTrue(projector.find("#resume-follow").isDisplayed());
    amelie.toEnd().type(" — suite"); // toEnd: WebDriver may put the caret elsewhere when it refocuses
    amelie.awaitSynchronized();
    projector.awaitText(amelie.text());
    assertTrue(projector.lineVisible("Bonjour à tous"), "no jump while the facilitator reads elsewhere");
    projector.browser().screenshot("projector-resume-button");
    projector.find("#resume-follow").click();
    projector.awaitUntil("back at the conclusion", () -> projector.lineVisible("CONCLUSION — suite"));
    assertFalse(projector.find("#resume-follow").isDisplayed());

    PadPage bruno = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    projector.awaitUntil("counting two people", () -> projector.find("#participant-count").getText().equals("2 personnes"));
    bruno.browser().close();
    browsers.remove(bruno.browser());
    projector.awaitUntil("counting one person again", () -> projector.find("#participant-count").getText().equals("1 personne"));
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void someoneWhoLeavesThePadForAnotherPageIsNoLongerCounted() {
    String pad = "depart-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    ViewerPage projector = new ViewerPage(browser(1280, 720, "fr-FR")).open(projectorUrl(pad));
    projector.awaitUntil("counting Amélie", () -> projector.find("#participant-count").getText().equals("1 personne"));

    // Her tab goes to the home page: Chromium may keep the pad page, frozen, in its back/forward cache.
    amelie.browser().open(server.url("/"));
    projector.awaitUntil("waiting for people again", () -> projector.find("#participant-count").getText().equals("En attente des participants"));
    amelie.browser().driver().navigate().back();
    amelie.awaitOnline();
    projector.awaitUntil("counting Amélie again", () -> projector.find("#participant-count").getText().equals("1 personne"));
    assertEquals(List.of(), amelie.browser().consoleErrors());
  }

  @Test
  void textSizeAndThemeAreChangedByButtonsAndKeysAndRemembered() {
    String pad = "reglages-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Lisible depuis le fond de la salle");
    amelie.awaitSynchronized();
    ViewerPage projector = new ViewerPage(browser(1280, 720, "fr-FR")).open(projectorUrl(pad));
    projector.awaitText("Lisible depuis le fond de la salle");
    assertEquals("32px", fontSize(projector), "2 rem by default");
    projector.find("#font-larger").click();
    assertEquals("40px", fontSize(projector));
    projector.find("body").sendKeys("+");
    assertEquals("48px", fontSize(projector));
    projector.find("body").sendKeys("-", "-", "-");
    assertEquals("24px", fontSize(projector));
    projector.find("#theme-toggle").click();
    assertEquals("dark", projector.find("body").getAttribute("data-theme"));
    assertEquals("true", projector.find("#theme-toggle").getAttribute("aria-pressed"));
    assertEquals("rgba(18, 18, 18, 1)", projector.find("body").getCssValue("background-color"));
    assertEquals("rgba(245, 245, 245, 1)", projector.find(".md-view").getCssValue("color"));

    projector.open(projectorUrl(pad));
    projector.awaitText("Lisible depuis le fond de la salle");
    assertEquals("24px", fontSize(projector), "size remembered");
    assertEquals("dark", projector.find("body").getAttribute("data-theme"), "theme remembered");
    projector.find("body").sendKeys("+", "+", "+", "+");
    projector.browser().screenshot("projector-dark");
    projector.find("#theme-toggle").click();
    assertEquals("light", projector.find("body").getAttribute("data-theme"));
    assertEquals("rgba(0, 0, 0, 1)", projector.find(".md-view").getCssValue("color"));
    String size = fontSize(projector);
    projector.find("#raw-toggle").click();
    assertEquals(size, projector.find(".cm-editor").getCssValue("font-size"), "the raw text at the same size");
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void everyControlIsReachableByKeyboardAndLabelled() {
    String pad = "clavier-" + System.nanoTime();
    ViewerPage projector = new ViewerPage(browser(1280, 720, "en-US")).open(projectorUrl(pad));
    List<String> reached = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      new Actions(projector.browser().driver()).sendKeys(org.openqa.selenium.Keys.TAB).perform();
      var active = projector.browser().driver().switchTo().activeElement();
      if (active.getTagName().equals("body")) break; // wrapped past the last control
      String what = active.getTagName() + "#" + active.getAttribute("id") + "." + active.getAttribute("class");
      reached.add(active.getAttribute("id"));
      String name = active.getAccessibleName();
      assertFalse(name == null || name.isBlank(), "unlabelled control " + what);
      assertFalse(active.getCssValue("outline-style").equals("none"), "no visible focus on " + what);
    }
    assertEquals(List.of("font-smaller", "font-larger", "theme-toggle", "raw-toggle", "language", "chat-overlay-toggle"),
        reached.subList(0, 6));
    assertEquals(7, reached.size(), "then the text itself (to scroll it with the keyboard): " + reached);
    assertEquals("Larger text", projector.find("#font-larger").getAccessibleName());
  }

  /**
   * On the screens projectors show (1280×720, 1024×768) and on a phone (360×740, touch), in French,
   * whose labels are the longest:
   * every control of the bar, and the connection's state, lies inside the screen, while the pad
   * waits for participants (the longest count), the chat button is there and the state says
   * "reconnexion…".
   */
  @Test
  void everyControlOfTheBarIsOnScreenOnProjectorsAndPhones() {
    String pad = "barre-" + System.nanoTime();
    for (int[] size : new int[][] {{1280, 720}, {1024, 768}, {360, 740}}) {
      BrowserSession browser = browser(size[0], size[1], "fr-FR");
      if (size[0] > 600) {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
            java.util.Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
      }
      ViewerPage projector = new ViewerPage(browser).open(projectorUrl(pad));
      projector.awaitUntil("the chat button and the waiting count shown",
          () -> !projector.findAll("#chat-overlay-toggle").isEmpty()
              && projector.find("#participant-count").getText().equals("En attente des participants"));
      // The longest connection state, as while the projector's Wi-Fi is down.
      projector.js("document.getElementById('connection').textContent = arguments[0];", "reconnexion…");
      @SuppressWarnings("unchecked")
      List<String> outside = (List<String>) projector.js(
          "const w = document.documentElement.clientWidth;"
              + "return [...document.querySelectorAll('.projector-bar button, .projector-bar select, #connection')]"
              + "  .filter(e => e.offsetParent !== null)"
              + "  .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w + 0.5; })"
              + "  .map(e => e.id + ' ' + Math.round(e.getBoundingClientRect().right) + ' > ' + w);");
      browser.screenshot("projector-bar-" + size[0] + "x" + size[1]);
      assertEquals(List.of(), outside, "controls cut off at " + size[0] + "×" + size[1]);
    }
  }

  private static String fontSize(ViewerPage page) {
    return page.find(".md-view").getCssValue("font-size");
  }

  static By css(String selector) {
    return By.cssSelector(selector);
  }
}
