package ardoise.browser;

import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: what chromedriver's sendKeys does to scroll and caret in a long pad. */
class SendKeysScrollDiag extends PadServerBrowserTest {
  private static final String STATE = "const v = document.querySelector('.cm-scroller');"
      + "const s = getSelection(); const ed = window.ardoisePad;"
      + "return 'scrollTop ' + v.scrollTop + ' active ' + document.activeElement.className + ' dom ' + (s.focusNode && s.focusNode.nodeName) + '@' + s.focusOffset"
      + " + ' textLen ' + ed.text().length + ' lines in DOM ' + document.querySelectorAll('.cm-line').length;";

  @Test
  void look() {
    String pad = "scroll-" + System.nanoTime();
    BrowserSession b = browser(1100, 700, "fr-FR");
    PageTrace.recordSockets(b);
    PadPage amelie = new PadPage(b).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    amelie.focus().type("Bonjour à tous");
    amelie.awaitSynchronized();
    PageTrace.recordEditor(amelie);
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 60; i++) lines.append("\nLigne numéro ").append(i).append(" de l’atelier");
    amelie.toEnd().insertText(lines.toString());
    System.out.println("after insertText: " + amelie.js(STATE));
    amelie.js("window.__ardoiseTrace.push('--- before sendKeys');");
    amelie.type("X");
    System.out.println("after sendKeys X: " + amelie.js(STATE));
    amelie.awaitSynchronized();
    String t = amelie.text();
    System.out.println("X at " + t.indexOf('X') + " of " + t.length());
    System.out.println("TRACE tail:\n" + String.join("\n", ((java.util.List<String>) amelie.js("return window.__ardoiseTrace.slice(-25);"))));
  }
}
