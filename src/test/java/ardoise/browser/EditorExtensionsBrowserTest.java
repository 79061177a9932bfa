package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The UI modules the OT binding will drive (authorship runs, remote cursors, status bar),
 * called through their public functions on the real pad page.
 */
class EditorExtensionsBrowserTest extends PadServerBrowserTest {

  /**
   * The page's own instances of the modules: imported from the release address its entry script
   * came from (/v/{tag}/js/…), since the same file under /js/… is another module, whose state
   * fields the page's editor does not hold.
   */
  private static final String WITH_MODULES = """
      const done = arguments[arguments.length - 1];
      const entry = document.querySelector('script[type="module"]').src;
      const own = (path) => entry.slice(0, entry.indexOf('/js/')) + path;
      Promise.all([import(own('/js/editor/authorship.js')), import(own('/js/editor/remote-cursors.js')),
                   import(own('/js/editor/status-bar.js')), import(own('/js/i18n.js')), import('@codemirror/view')])
        .then(([authorship, cursors, statusBar, i18n, cmView]) => {
          const view = cmView.EditorView.findFromDOM(document.querySelector('.cm-editor'));
          return (async () => { %s })();
        })
        .then((result) => done(JSON.stringify(result ?? null)), (error) => done('error: ' + error));
      """;

  private static String run(BrowserSession browser, String body) {
    return String.valueOf(browser.driver().executeAsyncScript(WITH_MODULES.formatted(body)));
  }

  @Test
  void authorRunsFollowEditsAndCanBeHidden() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    server.openPadAs(browser, "couleurs", "Camille");
    String runs = run(browser, """
        view.dispatch({ changes: { from: 0, insert: 'Bonjour tout le monde' } });
        authorship.setAuthorColors(view, { alice: '#b3261e', bob: '#0b57d0' });
        authorship.setAuthorRuns(view, [[8, 'alice'], [13, 'bob']]);
        authorship.setLocalAuthorId(view, 'carol');
        view.dispatch({ changes: { from: 4, insert: 'XYZ' } });           // inside alice's run: splits it
        view.dispatch({ changes: { from: 24, insert: '!' } });            // at the end: carol's
        view.dispatch({ changes: { from: 25, insert: '!' } });            // merges with carol's run
        view.dispatch({ changes: { from: 0, insert: 'Eve ' }, annotations: authorship.authorAnnotation.of('eve') });
        view.dispatch({ changes: { from: 11, to: 17 } });                 // deletes alice's 'our ' and 'to'
        return authorship.authorRuns(view.state);
        """);
    assertEquals("[[4,\"eve\"],[4,\"alice\"],[3,\"carol\"],[11,\"bob\"],[2,\"carol\"]]", runs);
    assertEquals("Eve BonjXYZut le monde!!",
        browser.driver().findElement(By.cssSelector(".cm-content")).getText());
    assertTrue(browser.driver().findElements(By.cssSelector(".cm-author")).size() >= 5);
    browser.screenshot("pad-fr-desktop-authors");

    WebElement toggle = browser.driver().findElement(By.id("toggle-colors"));
    toggle.click();
    assertEquals("false", toggle.getDomAttribute("aria-pressed"));
    assertEquals(0, browser.driver().findElements(By.cssSelector(".cm-author")).size());
    toggle.click();
    assertEquals("true", toggle.getDomAttribute("aria-pressed"));
    assertEquals(5, browser.driver().findElements(By.cssSelector(".cm-author")).size());
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void remoteCursorsShowNamesAsTextAndFollowLocalEdits() {
    BrowserSession browser = browser(1280, 800, "fr-FR");
    server.openPadAs(browser, "curseurs", "Camille");
    String cursors = run(browser, """
        view.dispatch({ changes: { from: 0, insert: 'Ordre du jour\\n1. Bilan\\n2. Projets pour l’année' } });
        authorship.setAuthorRuns(view, [[13, 'alice'], [1, null], [8, 'bob'], [1, null], [24, 'alice']]);
        authorship.setAuthorColors(view, { alice: '#2e7d32', bob: '#5e35b1' });
        cursors.setRemoteCursors(view, [
          { clientId: 'c1', name: '<b>Léa</b>', color: '#ad1457', anchor: 17, head: 22 },
          { clientId: 'c2', name: 'Karim', color: '#0b57d0', anchor: 40, head: 40 },
        ]);
        view.dispatch({ changes: { from: 0, insert: '# ' } });
        cursors.updateRemoteCursor(view, { clientId: 'c3', name: 'Zoé', color: '#a04500', anchor: 2, head: 2 });
        cursors.removeRemoteCursor(view, 'c3');
        return cursors.remoteCursorList(view.state).map((c) => [c.clientId, c.anchor, c.head]);
        """);
    assertEquals("[[\"c1\",19,24],[\"c2\",42,42]]", cursors);
    List<WebElement> labels = browser.driver().findElements(By.cssSelector(".cm-remote-label"));
    assertEquals(List.of("<b>Léa</b>", "Karim"), labels.stream().map(e -> e.getAttribute("data-name")).toList());
    assertEquals(0, browser.driver().findElements(By.cssSelector(".cm-content b")).size());
    assertEquals(1, browser.driver().findElements(By.cssSelector(".cm-remote-selection")).size());
    browser.screenshot("pad-fr-desktop-cursors");
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void statusBarShowsReconnectingAndUnsavedCharactersInFrench() {
    BrowserSession browser = browser(360, 740, "fr-FR");
    server.openPadAs(browser, "reseau", "Camille");
    String status = run(browser, """
        const bar = statusBar.createStatusBar(document.getElementById('status-bar'), await i18n.loadI18n());
        bar.setConnection('reconnecting');
        bar.setPending(3);
        const reconnecting = document.getElementById('status-bar').textContent;
        bar.setPending(1);
        const one = document.getElementById('status-bar').textContent;
        bar.setConnection('connected');
        bar.setPending(0);
        const saved = document.getElementById('status-bar').textContent;
        bar.setConnection('reconnecting');
        bar.setPending(3);
        return [reconnecting, one, saved];
        """);
    assertEquals("[\"reconnexion…3 caractères pas encore enregistrés\",\"reconnexion…1 caractère pas encore enregistré\","
        + "\"connectétout est enregistré\"]", status);
    browser.screenshot("pad-fr-phone-reconnecting");
    assertEquals(List.of(), browser.consoleErrors());
  }
}
