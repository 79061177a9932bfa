package ardoise.browser;

import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: page focus as CodeMirror sees it in headless Chromium. */
class FocusDiag extends PadServerBrowserTest {
  @Test
  void look() {
    String pad = "focus-" + System.nanoTime();
    PadPage amelie = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    PadPage bruno = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    String probe = "return 'hasFocus ' + document.hasFocus() + ' visibility ' + document.visibilityState + ' active ' + document.activeElement.className;";
    System.out.println("A before: " + amelie.js(probe));
    amelie.focus().type("MILIEU");
    System.out.println("A after typing: " + amelie.js(probe));
    System.out.println("B: " + bruno.js(probe));
    bruno.focus().type("x");
    System.out.println("B after typing: " + bruno.js(probe));
    System.out.println("A after B typed: " + amelie.js(probe));
  }
}
