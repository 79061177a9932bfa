package ardoise.browser;

import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: an IME commit (Input.insertText) right where another person's caret is drawn. */
class WidgetCommitDiag extends PadServerBrowserTest {
  @Test
  void commitAtARemoteCaret() {
    String pad = "widget-" + System.nanoTime();
    BrowserSession ba = browser(1100, 700, "fr-FR");
    PageTrace.recordSockets(ba);
    PadPage amelie = new PadPage(ba).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
    PadPage bruno = new PadPage(browser(1100, 700, "fr-FR")).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
    amelie.focus().type("MILIEU");
    amelie.awaitSynchronized();
    bruno.awaitSynchronized(server.head(pad));
    bruno.focus().toEnd();
    amelie.toEnd();
    amelie.awaitUntil("showing Bruno's caret after MILIEU", () -> "MILIEU".equals(amelie.js(
        "const c = document.querySelector('.cm-remote-caret'); if (!c) return null;"
            + "const r = document.createRange(); r.setStart(document.querySelector('.cm-content'), 0);"
            + "r.setEndBefore(c); return r.toString();")));
    PageTrace.recordEditor(amelie);
    amelie.insertText("🎉");
    System.out.println("after commit: head " + amelie.js("return window.__ardoiseTrace.slice(-12).join('\\n');"));
    amelie.type("x");
    amelie.awaitSynchronized();
    System.out.println("TEXT " + amelie.text() + " server " + server.text(pad));
    System.out.println(String.join("\n", (java.util.List<String>) amelie.js("return window.__ardoiseTrace.slice(-30);")));
  }
}
