package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under load, Chromium sometimes lets CodeMirror read the DOM selection from before the
 * character it has just inserted, and CodeMirror's typing transaction then keeps the caret in front
 * of that character: the next keys land before it ("CONCLUSION" comes out as "CONCLSIONU", one such
 * transaction being {@code input.type [[1751,1751,"U"]] 1751 -> 1751}). The pad binding moves the caret
 * after text typed at an empty caret, and leaves every other transaction alone. Replays that exact
 * transaction in the real CodeMirror with the pad binding, in the page.
 */
class TypedTextCaretBrowserTest extends PadServerBrowserTest {
  private static final String REPLAY = """
      const done = arguments[arguments.length - 1];
      Promise.all([import('@codemirror/state'), import('/js/pad/binding.js')]).then(([cm, binding]) => {
        const ext = binding.padBinding({ onLocalOperation: () => {}, onSelection: () => {} });
        const create = (doc, at) => cm.EditorState.create({ doc, selection: { anchor: at }, extensions: ext });
        // Types `keys` one by one as CodeMirror turns DOM changes into transactions; key number `stale`
        // comes with the selection read before it (the transaction of the failure).
        const type = (state, keys, stale) => {
          for (let i = 0; i < keys.length; i++) {
            const at = state.selection.main.head;
            state = state.update({ changes: { from: at, insert: keys[i] },
              selection: { anchor: i === stale ? at : at + keys[i].length }, userEvent: 'input.type' }).state;
          }
          return state.doc.toString() + '|' + state.selection.main.head;
        };
        const head = (state, spec) => String(state.update(spec).state.selection.main.head);
        done([
          type(create('Bonjour\\n', 8), 'CONCLUSION', 5),
          type(create('', 0), ['🎉', ' ', 'à'], 0),
          // a server op at the caret: the caret stays in front of someone else's text
          head(create('abc', 3), { changes: { from: 3, insert: 'xyz' }, annotations: cm.Transaction.remote.of(true) }),
          // typing that moved the caret elsewhere on purpose, a selection replaced, a composition step
          head(create('abc', 3), { changes: { from: 3, insert: 'd' }, selection: { anchor: 1 }, userEvent: 'input.type' }),
          head(create('abc', 3).update({ selection: { anchor: 1, head: 3 } }).state,
            { changes: { from: 1, to: 3, insert: 'X' }, selection: { anchor: 1 }, userEvent: 'input.type' }),
          head(create('abc', 3), { changes: { from: 3, insert: 'é' }, selection: { anchor: 3 }, userEvent: 'input.type.compose' }),
        ]);
      }, (e) => done(['error: ' + e]));
      """;

  @Test
  void textTypedAtTheCaretLeavesTheCaretAfterIt() {
    BrowserSession browser = browser(800, 600, "fr-FR");
    server.openPadAs(browser, "curseur", "Camille");
    @SuppressWarnings("unchecked")
    List<String> seen = (List<String>) browser.driver().executeAsyncScript(REPLAY);
    assertEquals(List.of("Bonjour\nCONCLUSION|18", "🎉 à|4", "3", "1", "1", "3"), seen);
  }
}
