package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The conversions between CodeMirror changes and text operations (webroot/js/pad/cm-ops.js), run in
 * the real page with the real CodeMirror: seeded random documents (accents, emoji, "\n" and "\r")
 * and random change sets must give operations with the same effect, both ways.
 * {@code -Dot.seed=N} replays a failure, {@code -Dot.cases=N} soaks.
 */
class CodeMirrorOpsBrowserTest extends PadServerBrowserTest {
  private static final String CHECK = """
      const [seed, cases, done] = arguments;
      Promise.all([import('@codemirror/state'), import('/js/pad/cm-ops.js')]).then(([cm, ops]) => {
        let s = seed >>> 0;
        const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
        const pieces = ['a', 'é', '\\n', '😀', '\\r', 'x ', 'œ'];
        const text = (n) => Array.from({ length: n }, () => pieces[Math.floor(rnd() * pieces.length)]).join('');
        const low = (d, p) => p > 0 && p < d.length && d.charCodeAt(p) >= 0xdc00 && d.charCodeAt(p) <= 0xdfff;
        for (let i = 0; i < cases; i++) {
          const doc = text(Math.floor(rnd() * 30));
          const state = cm.EditorState.create({ doc, extensions: cm.EditorState.lineSeparator.of(ops.EDITOR_LINE_SEPARATOR) });
          if (state.doc.toString() !== doc) return done('case ' + i + ': the editor changed ' + JSON.stringify(doc));
          const specs = [];
          for (let pos = 0; pos <= doc.length && rnd() < 0.75;) {
            const from = pos + Math.floor(rnd() * 4);
            const to = Math.min(doc.length, from + Math.floor(rnd() * 4));
            if (from > doc.length) break;
            if (!low(doc, from) && !low(doc, to)) specs.push({ from, to, insert: rnd() < 0.6 ? text(1 + Math.floor(rnd() * 3)) : '' });
            pos = to + 1;
          }
          const tr = state.update({ changes: specs });
          const op = ops.changeSetToOperation(tr.changes);
          const want = tr.state.doc.toString();
          if (op.apply(doc) !== want) return done('case ' + i + ': op ' + op + ' on ' + JSON.stringify(doc) + ' gives ' + JSON.stringify(op.apply(doc)) + ', editor ' + JSON.stringify(want));
          const back = state.update({ changes: ops.operationToChanges(op) }).state.doc.toString();
          if (back !== want) return done('case ' + i + ': operationToChanges(' + op + ') gives ' + JSON.stringify(back));
        }
        return done('ok');
      }, (e) => done('error: ' + e));
      """;

  @Test
  void changeSetsAndOperationsHaveTheSameEffect() {
    long seed = Long.getLong("ot.seed", System.nanoTime() & 0xffffffffL);
    int cases = Integer.getInteger("ot.cases", 3000);
    BrowserSession browser = browser(800, 600, "fr-FR");
    // Every case runs in one script: its time bound grows with their number (-Dot.cases soaks).
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30 + cases / 100));
    server.openPadAs(browser, "conversions", "Camille");
    Object result = browser.driver().executeAsyncScript(CHECK, seed, cases);
    assertEquals("ok", result, "seed " + seed + " (replay with -Dot.seed=" + seed + ")");
  }
}
