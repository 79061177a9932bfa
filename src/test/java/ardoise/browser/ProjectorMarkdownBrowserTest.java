package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * The projector shows minutes, not syntax: the pad's Markdown rendered with the exports' subset and
 * rules (raw HTML and unsafe links as text), live, without losing the reader's place; a switch to
 * the raw text; the title and the writers above the QR code; never "0 people".
 */
class ProjectorMarkdownBrowserTest extends PadServerBrowserTest {
  static final String MINUTES = """
      # Atelier mobilité — compte rendu

      ## Participants
      - Amélie (animatrice)
      - Bruno, **Chloé** et *David*
      - [ ] envoyer le compte rendu
      - [x] réserver la salle

      ## Décisions
      1. Pistes cyclables prioritaires
      2. Navette le samedi
      3. Budget à voter en **mars**

      | Action | Qui | Quand |
      |---|---|---|
      | Devis navette | Bruno | 15 janvier |
      | Carte des pistes | Chloé | février |

      > Citation : « la ville appartient à ceux qui la traversent »

      Lien : [site de la mairie](https://example.org/mairie) et `code` &amp; fin
      """;

  static final String ATTACKS = """
      Essai <img src=x onerror=alert(1)> image
      <script>alert(2)</script>
      Lien [piège](javascript:alert(3)) et [données](data:text/html,<b>x</b>)
      """;

  private String projectorUrl(String pad) {
    return server.directUrl(pad) + "/projector";
  }

  /** A browser whose page area is exactly 1280×720, a projector's screen (the window's frame is not counted). */
  private BrowserSession projectorScreen(String language) {
    BrowserSession browser = browser(1280, 720, language);
    browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
    return browser;
  }

  private ViewerPage openRendered(BrowserSession browser, String pad, String expected) {
    ViewerPage projector = new ViewerPage(browser).open(projectorUrl(pad));
    return projector.awaitUntil("rendering the pad", () -> expected.equals(projector.shownText()));
  }

  private static List<String> texts(ViewerPage page, String css) {
    return page.findAll(css).stream().map(WebElement::getText).toList();
  }

  @Test
  void headingsListsTasksTablesQuotesAndLinksAreRendered() {
    String pad = "rendu-" + System.nanoTime();
    Links.importText(server, pad, MINUTES, "Amélie");
    ViewerPage projector = openRendered(projectorScreen("fr-FR"), pad, MINUTES);

    assertEquals(List.of("Atelier mobilité — compte rendu"), texts(projector, ".md-view h1"));
    assertEquals(List.of("Participants", "Décisions"), texts(projector, ".md-view h2"));
    assertEquals(List.of("Chloé", "mars"), texts(projector, ".md-view strong"));
    assertEquals(List.of("David"), texts(projector, ".md-view em"));
    assertEquals(List.of("Amélie (animatrice)", "Bruno, Chloé et David", "☐ envoyer le compte rendu", "☑ réserver la salle"),
        texts(projector, ".md-view ul > li"));
    assertEquals(2, projector.findAll(".md-view li.md-task").size());
    assertEquals(List.of("Pistes cyclables prioritaires", "Navette le samedi", "Budget à voter en mars"),
        texts(projector, ".md-view ol > li"));
    assertEquals(List.of("Action", "Qui", "Quand"), texts(projector, ".md-view table th"));
    assertEquals(List.of("Devis navette", "Bruno", "15 janvier", "Carte des pistes", "Chloé", "février"),
        texts(projector, ".md-view table td"));
    assertEquals(List.of("Citation : « la ville appartient à ceux qui la traversent »"), texts(projector, ".md-view blockquote"));
    assertEquals(List.of("site de la mairie"), texts(projector, ".md-view .md-link"));
    assertEquals(List.of("code"), texts(projector, ".md-view p code"));
    assertTrue(projector.find(".md-view").getText().contains("Lien : site de la mairie et code & fin"));
    assertEquals(0, projector.findAll(".md-view a, .md-view [href], .md-view img, .md-view script").size(),
        "links are text, nothing is clickable or fetched");
    assertFalse(projector.find(".md-view").getText().contains("##"), "no syntax on the wall");
    assertEquals("Atelier mobilité — compte rendu", projector.find("#doc-title").getText());
    projector.browser().screenshot("projector-markdown-after");
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void rawHtmlAndUnsafeLinksAreShownAsText() {
    String pad = "piege-" + System.nanoTime();
    Links.importText(server, pad, ATTACKS, "Amélie");
    ViewerPage projector = openRendered(browser(1280, 720, "fr-FR"), pad, ATTACKS);

    String shown = projector.find(".md-view").getText();
    assertTrue(shown.contains("Essai <img src=x onerror=alert(1)> image"), shown);
    assertTrue(shown.contains("<script>alert(2)</script>"), shown);
    assertTrue(shown.contains("Lien piège et données"), "unsafe links keep their words only: " + shown);
    assertEquals(0, projector.findAll(".md-view *").stream()
        .filter(e -> List.of("img", "script", "a", "b", "iframe").contains(e.getTagName())).count());
    assertEquals(0, projector.findAll(".md-view .md-link").size(), "javascript: and data: are no links");
    assertEquals(0L, projector.js("return document.querySelectorAll('img:not(#join-qr), script:not([src]):not([type=importmap])').length;"));
    try {
      projector.browser().driver().switchTo().alert();
      throw new AssertionError("an alert opened");
    } catch (NoAlertPresentException expected) {
      // no script ran
    }
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void theRawTextSwitchShowsTheTextAsTypedAndIsRemembered() {
    String pad = "brut-" + System.nanoTime();
    Links.importText(server, pad, MINUTES, "Amélie");
    ViewerPage projector = openRendered(browser(1280, 720, "fr-FR"), pad, MINUTES);
    assertEquals("false", projector.find("#raw-toggle").getAttribute("aria-pressed"));
    assertFalse(projector.find(".cm-editor").isDisplayed());

    projector.find("#raw-toggle").click();
    assertEquals("true", projector.find("#raw-toggle").getAttribute("aria-pressed"));
    assertFalse(projector.find(".md-scroller").isDisplayed());
    projector.awaitUntil("showing the raw heading", () -> projector.lineVisible("# Atelier mobilité — compte rendu"));
    assertTrue(projector.lineVisible("- Bruno, **Chloé** et *David*"));

    projector.open(projectorUrl(pad));
    projector.awaitText(MINUTES);
    assertEquals("true", projector.find("#raw-toggle").getAttribute("aria-pressed"), "remembered");
    projector.awaitUntil("raw again", () -> projector.lineVisible("## Participants"));
    projector.find("#raw-toggle").click();
    projector.awaitUntil("rendered again", () -> projector.find(".md-view h1").isDisplayed());
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void liveUpdatesKeepTheReadersPlaceAndFollowingShowsTheEditedBlock() {
    String pad = "suivi-md-" + System.nanoTime();
    StringBuilder text = new StringBuilder("# Journée\n");
    for (int s = 1; s <= 6; s++) {
      text.append("\n## Séance ").append(s).append('\n');
      for (int i = 1; i <= 8; i++) text.append("- point ").append(s).append('.').append(i).append('\n');
    }
    text.append("\n## Fin\nDernière ligne");
    Links.importText(server, pad, text.toString(), "Amélie");
    ViewerPage projector = openRendered(projectorScreen("fr-FR"), pad, text.toString());
    projector.js("document.querySelector('.md-view h1').dataset.probe = 'kept';");

    // Following: an edit in the middle brings its block into view (an import is a diff: one small op).
    editAfter(pad, "- point 4.5", " — voté à l’unanimité");
    projector.awaitUntil("showing the edited item", () -> projector.lineVisible("point 4.5 — voté à l’unanimité"));
    assertFalse(projector.lineVisible("Journée"));
    assertEquals("kept", projector.js("return document.querySelector('.md-view h1').dataset.probe;"),
        "unchanged blocks are kept, not redrawn");

    // The facilitator scrolls to the top: later edits elsewhere leave the view where it is.
    new Actions(projector.browser().driver()).scrollFromOrigin(
        WheelInput.ScrollOrigin.fromElement(projector.find(".md-scroller")), 0, -100000).perform();
    projector.awaitUntil("not following", () -> !projector.following());
    projector.awaitUntil("at the top", () -> projector.lineVisible("Journée"));
    long top = scrollTop(projector);
    editAfter(pad, "Dernière ligne", "\n- action : écrire au maire");
    projector.awaitUntil("rendering the new item", () -> projector.findAll(".md-view li").stream()
        .anyMatch(li -> li.getAttribute("textContent").contains("écrire au maire")));
    assertEquals(top, scrollTop(projector), "no jump while the facilitator reads elsewhere");
    assertTrue(projector.lineVisible("Journée"));

    projector.find("#resume-follow").click();
    projector.awaitUntil("back at the last edit", () -> projector.lineVisible("action : écrire au maire"));
    projector.browser().screenshot("projector-markdown-following");
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  /** Inserts {@code insert} after {@code anchor} in the pad, as one revision by Amélie. */
  private static void editAfter(String pad, String anchor, String insert) {
    String before = server.text(pad);
    int at = before.indexOf(anchor);
    assertTrue(at >= 0, anchor);
    int end = at + anchor.length();
    Links.importText(server, pad, before.substring(0, end) + insert + before.substring(end), "Amélie");
  }

  private static long scrollTop(ViewerPage page) {
    return ((Number) page.js("return Math.round(document.querySelector('.md-scroller').scrollTop);")).longValue();
  }

  @Test
  void theDefaultSizeShowsFourteenLinesOnA1280x720Screen() {
    String pad = "lignes-" + System.nanoTime();
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 30; i++) text.append("Ligne ").append(i).append(" du compte rendu\n");
    Links.importText(server, pad, text.toString(), "Amélie");
    ViewerPage projector = openRendered(projectorScreen("fr-FR"), pad, text.toString());
    Map<?, ?> m = (Map<?, ?>) projector.js(
        "const s = document.querySelector('.md-scroller');"
            + "const p = document.querySelector('.md-view p');"
            + "return {area: s.clientHeight, lineHeight: parseFloat(getComputedStyle(p).lineHeight),"
            + "  lines: p.getClientRects().length, height: p.getBoundingClientRect().height, inner: window.innerHeight};");
    assertEquals(720L, ((Number) m.get("inner")).longValue());
    double lineHeight = ((Number) m.get("lineHeight")).doubleValue();
    double measured = ((Number) m.get("height")).doubleValue() / 30;
    assertEquals(lineHeight, measured, 1.0, "one paragraph of 30 lines is 30 line heights: " + m);
    double visible = ((Number) m.get("area")).doubleValue() / lineHeight;
    assertTrue(visible >= 14, "lines in view at the default size: " + visible + " " + m);
    assertTrue(projector.lineVisible("Ligne 14 du compte rendu"));
  }

  @Test
  void thePanelShowsTheTitleAndWhoWritesWithNamesAsText() {
    String pad = "panneau-" + System.nanoTime();
    ViewerPage projector = new ViewerPage(projectorScreen("fr-FR")).open(projectorUrl(pad));
    assertEquals(pad, projector.find("#doc-title").getText(), "no heading yet: the pad's name");
    PadPage zoe = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "<b>Zoé</b>", 3).awaitOnline();
    projector.awaitUntil("listing Zoé", () -> texts(projector, "#writers .writer-name").equals(List.of("<b>Zoé</b>")));
    assertEquals(0, projector.findAll("#writers b").size(), "a name is text, never markup");
    zoe.focus().type("# Plénière du matin\nBonjour");
    zoe.awaitSynchronized();
    projector.awaitUntil("titled from the first heading", () -> projector.find("#doc-title").getText().equals("Plénière du matin"));
    projector.awaitUntil("Zoé marked as writing", () -> projector.findAll("#writers .writer-active").size() == 1);
    assertEquals("<b>Zoé</b> (écrit en ce moment)", projector.find("#writers .writer-active").getAttribute("textContent").replace("✎", ""));
    projector.browser().screenshot("projector-markdown-panel");
    assertEquals(List.of(), projector.browser().consoleErrors());
  }

  @Test
  void withOnlyTheProjectorThereItWaitsForParticipantsAndNeverSaysZero() {
    String pad = "attente-" + System.nanoTime();
    Links.importText(server, pad, "# Ordre du jour\n- accueil", "Amélie");
    ViewerPage projector = new ViewerPage(browser(1280, 720, "fr-FR")).open(projectorUrl(pad));
    projector.awaitUntil("online", projector::online);
    assertEquals("En attente des participants", projector.find("#participant-count").getText());
    assertEquals(List.of(), projector.findAll("#writers li"), "viewers are not writers");
    assertNoZero(projector);

    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    projector.awaitUntil("counting Amélie", () -> projector.find("#participant-count").getText().equals("1 personne"));
    amelie.browser().close();
    browsers.remove(amelie.browser());
    projector.awaitUntil("waiting again", () -> projector.find("#participant-count").getText().equals("En attente des participants"));
    assertNoZero(projector);

    new org.openqa.selenium.support.ui.Select(projector.find("#language")).selectByValue("en");
    projector.awaitUntil("in English", () -> projector.find("#participant-count").getText().equals("Waiting for participants"));
    assertNoZero(projector);
  }

  private static void assertNoZero(ViewerPage page) {
    String shown = page.find("#participant-count").getText() + " " + page.find("#connection").getText()
        + " " + page.find(".now-panel").getText();
    assertFalse(shown.matches("(?s).*\\b0\\b.*"), "a zero on the wall: " + shown);
  }
}
