package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The binding (webroot/js/pad/binding.js) under the interleavings a socket can cause while a person
 * types: a server op applied between a key's keydown and its character (two input tasks in Chrome),
 * and right after each character. Forced deterministically, with real key events in the real
 * CodeMirror, far from and right next to the caret: the typed text must stay in typing order, the
 * caret after it, and the local operations must rebuild exactly the text typed.
 */
class RemoteOpsWhileTypingBrowserTest extends PadServerBrowserTest {
  /** An editor with the pad binding; every keydown and every input gets a server op inserting `remote` at `at`. */
  private static final String MOUNT = """
      const [where, done] = arguments;
      Promise.all([import('@codemirror/state'), import('@codemirror/view'), import('/js/pad/binding.js'),
          import('/js/ot/text-operation.js')]).then(([st, vw, binding, ot]) => {
        const parent = document.body.appendChild(document.createElement('div'));
        parent.id = 'probe';
        parent.style.cssText = 'position: fixed; top: 0; left: 0; width: 420px; height: 300px; z-index: 99; background: #fff';
        let shadow = 'MILIEU FIN'; // the text as the client core sees it: server ops and the binding's local ops
        const view = new vw.EditorView({ parent, state: st.EditorState.create({ doc: 'MILIEU FIN', extensions: [
          vw.EditorView.lineWrapping,
          binding.padBinding({ onLocalOperation: (op) => { shadow = op.apply(shadow); }, onSelection: () => {} }),
        ] }) });
        let n = 0;
        const remote = () => {
          const len = view.state.doc.length;
          const at = where === 'caret' ? view.state.selection.main.head : 0;
          const op = new ot.TextOperation().retain(at).insert('r' + (n++ % 10)).retain(len - at);
          shadow = op.apply(shadow);
          binding.applyRemoteOperation(view, op);
        };
        view.contentDOM.addEventListener('keydown', remote, true);
        let queued = 0; // server ops an input has scheduled that have not run yet
        view.contentDOM.addEventListener('input', () => {
          queued++;
          setTimeout(() => { queued--; remote(); }, 0);
        }, true);
        window.probe = { text: () => view.state.doc.toString(), head: () => view.state.selection.main.head,
          shadow: () => shadow, remoteCount: () => n, queued: () => queued };
        view.focus();
        view.dispatch({ selection: { anchor: 6 } });
        done('ok');
      }, (e) => done('error: ' + e));
      """;

  private Map<String, Object> typeWithServerOps(String where, String typed) {
    BrowserSession browser = browser(800, 600, "fr-FR");
    server.openPadAs(browser, "entrelacs-" + where, "Camille");
    assertEquals("ok", browser.driver().executeAsyncScript(MOUNT, where));
    for (String chunk : List.of(typed.substring(0, 7), typed.substring(7))) {
      browser.driver().findElement(By.cssSelector("#probe .cm-content")).sendKeys(chunk.replace("\n", Keys.ENTER));
    }
    // The last input's server op runs in a task of its own, after the key events have returned.
    browser.await().until(d -> Long.valueOf(0).equals(browser.driver().executeScript("return probe.queued();")));
    @SuppressWarnings("unchecked")
    Map<String, Object> seen = (Map<String, Object>) browser.driver().executeScript(
        "return { text: probe.text(), head: probe.head(), shadow: probe.shadow(), remote: probe.remoteCount() };");
    return seen;
  }

  private static void assertTypedInOrderBeforeTheCaret(String typed, Map<String, Object> seen) {
    String text = (String) seen.get("text");
    int head = ((Number) seen.get("head")).intValue();
    assertEquals("MILIEU" + typed + " FIN", text.replaceAll("r[0-9]", ""), "the typed text, in typing order");
    assertEquals("MILIEU" + typed, text.substring(0, head).replaceAll("r[0-9]", ""), "all of it before the caret");
    assertEquals(text, seen.get("shadow"), "server ops + the binding's local ops = what the editor shows");
    assertTrue(((Number) seen.get("remote")).intValue() >= typed.length(), "server ops were interleaved: " + seen);
  }

  @Test
  void serverOpsFarFromTheCaretLeaveTheTypedTextInOrder() {
    String typed = " ç œ 13 à la fin\nœ 15";
    Map<String, Object> seen = typeWithServerOps("start", typed);
    assertTypedInOrderBeforeTheCaret(typed, seen);
    String text = (String) seen.get("text");
    assertEquals(" FIN", text.substring(((Number) seen.get("head")).intValue()), "the caret right after the typed text");
  }

  @Test
  void serverOpsRightAtTheCaretNeverSplitTheTypedText() {
    String typed = " ç œ 13 à la fin\nœ 15";
    assertTypedInOrderBeforeTheCaret(typed, typeWithServerOps("caret", typed));
  }
}
