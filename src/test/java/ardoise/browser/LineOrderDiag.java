package ardoise.browser;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TEMPORARY diagnostic: the projector test's first half (long pad, viewer open), typed line order, light tx log. */
class LineOrderDiag extends PadServerBrowserTest {
  static final String TX_LOG = """
      const done = arguments[arguments.length - 1];
      Promise.all([import('@codemirror/view'), import('@codemirror/state')]).then(([v, s]) => {
        const view = v.EditorView.findFromDOM(document.querySelector('.cm-editor'));
        const log = window.__txlog = [];
        const t0 = performance.now();
        view.dispatch({ effects: s.StateEffect.appendConfig.of(v.EditorView.updateListener.of((u) => {
          const vp = u.view.viewport;
          for (const tr of u.transactions) {
            const ch = []; tr.changes.iterChanges((a, b, _c, _d, t) => ch.push([a, b, t.toString()]));
            log.push([Math.round(performance.now() - t0), tr.annotation(s.Transaction.userEvent) || '-', JSON.stringify(ch),
              tr.startState.selection.main.head, '->', tr.state.selection.main.head, 'vp', vp.from + '-' + vp.to].join(' '));
          }
          if (!u.transactions.length) log.push([Math.round(performance.now() - t0), 'update', 'vp', vp.from + '-' + vp.to,
            'vpChanged', u.viewportChanged, 'geom', u.geometryChanged, 'h', u.heightChanged].join(' '));
        })) });
        done(true);
      });
      """;

  @Test
  void repeat() throws Exception {
    int n = Integer.getInteger("repro.n", 20);
    int failures = 0;
    for (int run = 0; run < n; run++) {
      String pad = "ordre-" + System.nanoTime();
      BrowserSession b = browser(1100, 700, "fr-FR");
      PadPage amelie = new PadPage(b).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
      amelie.focus().type("Bonjour à tous");
      amelie.awaitSynchronized();
      BrowserSession pb = browser(1280, 720, "fr-FR");
      ViewerPage projector = new ViewerPage(pb).open(server.directUrl(pad) + "/projector");
      projector.awaitText("Bonjour à tous");
      b.driver().executeAsyncScript(TX_LOG);
      StringBuilder lines = new StringBuilder();
      for (int i = 1; i <= 60; i++) lines.append("\nLigne numéro ").append(i).append(" de l’atelier");
      amelie.toEnd().insertText(lines.toString());
      amelie.type("\nCONCLUSION");
      amelie.awaitSynchronized();
      String expected = "Bonjour à tous" + lines + "\nCONCLUSION";
      String text = amelie.text();
      boolean ok = expected.equals(text);
      System.out.println("ORDER RUN " + run + (ok ? " OK" : " FAILED: " + text.substring(text.lastIndexOf('\n') + 1)));
      if (!ok) {
        failures++;
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "traces"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "traces", "order-" + run + ".log"),
            String.join("\n", (List<String>) amelie.js("return window.__txlog;")) + "\n");
      }
      for (BrowserSession s : List.of(b, pb)) { s.close(); browsers.remove(s); }
    }
    System.out.println("ORDER " + failures + " failures in " + n);
  }
}
