package ardoise.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** TEMPORARY diagnostic: repeats the co-writing scenario with transaction logging. */
class CoWriteReproTest {
  static final String LOGGER = """
      const done = arguments[arguments.length - 1];
      Promise.all([import('@codemirror/view'), import('@codemirror/state')]).then(([v, s]) => {
        const dom = document.querySelector('.cm-editor');
        const view = v.EditorView.findFromDOM(dom);
        const log = window.__log = [];
        const t0 = performance.now();
        const sel = (st) => st.selection.main.anchor + '-' + st.selection.main.head;
        const domSel = () => { const x = getSelection(); return x.focusNode ? (x.focusNode.nodeName + ':' + JSON.stringify((x.focusNode.nodeValue||'').slice(-8)) + '@' + x.focusOffset) : 'none'; };
        window.__bad = [];
        view.dispatch({ effects: s.StateEffect.appendConfig.of(v.EditorView.updateListener.of((u) => {
          for (const tr of u.transactions) {
            const ch = []; tr.changes.iterChanges((a, b, c, d, ins) => ch.push([a, b, ins.toString()]));
            log.push([Math.round(performance.now() - t0), tr.annotation(s.Transaction.remote) ? 'REMOTE' : 'local',
              tr.annotation(s.Transaction.userEvent) || '', JSON.stringify(ch), sel(tr.startState), '->', sel(tr.state),
              'len', tr.state.doc.length, 'dom', domSel()].join(' '));
          }
          if (!u.transactions.length) log.push([Math.round(performance.now() - t0), 'update-no-tr', sel(u.state), 'len', u.state.doc.length, 'dom', domSel(), 'flags', u.flags].join(' '));
        })) });
        for (const type of ['keydown', 'beforeinput', 'input', 'selectionchange', 'compositionstart', 'compositionend', 'focus', 'blur']) {
          (type === 'selectionchange' ? document : dom).addEventListener(type, (e) => {
            log.push([Math.round(performance.now() - t0), 'EV', type, e.key || e.inputType || '', JSON.stringify(e.data ?? ''),
              'state', sel(view.state), 'len', view.state.doc.length, 'dom', domSel()].join(' '));
          }, true);
        }
        done('ok');
      }, (e) => done('ERR ' + e));
      """;

  static final String WS_LOG = """
      (() => {
        const log = window.__wslog = [];
        const t0 = performance.now();
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...a) {
            super(...a);
            (window.__sockets ||= []).push(this);
            log.push(Math.round(performance.now() - t0) + ' NEW');
            this.addEventListener('open', () => log.push(Math.round(performance.now() - t0) + ' OPEN'));
            this.addEventListener('close', (e) => log.push(Math.round(performance.now() - t0) + ' CLOSE ' + e.code));
            this.addEventListener('message', (e) => log.push(Math.round(performance.now() - t0) + ' IN ' + String(e.data).slice(0, 160)));
          }
          send(d) { log.push(Math.round(performance.now() - t0) + ' OUT ' + String(d).slice(0, 160)); return super.send(d); }
          close(...a) { log.push(Math.round(performance.now() - t0) + ' CLOSE-CALLED'); return super.close(...a); }
        };
      })();
      """;

  private static BrowserSession browser() {
    BrowserSession b = BrowserSession.start(1100, 700, "fr-FR");
    b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", WS_LOG));
    return b;
  }

  @Test
  void repeat() throws Exception {
    int n = Integer.getInteger("repro.n", 5);
    try (PadServer server = PadServer.start()) {
      for (int run = 0; run < n; run++) {
        List<BrowserSession> browsers = new ArrayList<>();
        try {
          String pad = "atelier-" + System.nanoTime();
          BrowserSession ba = browser();
          browsers.add(ba);
          PadPage amelie = new PadPage(ba).open(server.directUrl(pad), "Amélie", 0).awaitOnline();
          BrowserSession bb = browser();
          browsers.add(bb);
          PadPage bruno = new PadPage(bb).open(server.directUrl(pad), "Bruno", 5).awaitOnline();
          amelie.focus().type("MILIEU");
          amelie.awaitSynchronized();
          bruno.awaitSynchronized(server.head(pad));
          amelie.toEnd();
          bruno.focus().toStart();
          System.out.println("logger A " + ba.driver().executeAsyncScript(LOGGER));
          System.out.println("logger B " + bb.driver().executeAsyncScript(LOGGER));
          String amelieText = typed("à la fin, é è ç œ ", "🎉", 16);
          String brunoText = typed("au début, ü ß ñ — ", "🙂", 16);
          int dropMs = Integer.getInteger("repro.dropMs", 0);
          if (dropMs > 0) {
            amelie.js("window.__dropper = setInterval(() => { const s = window.__sockets.at(-1);"
                + " if (s && s.readyState === 1 && s.onclose) { window.__wslog.push('FORCED DROP'); s.onclose(); } }, " + dropMs + ");");
          }
          int freezeMs = Integer.getInteger("repro.freezeMs", 0);
          if (freezeMs > 0) {
            for (PadPage p : List.of(amelie, bruno)) {
              p.js("window.__freezer = setInterval(() => { const t = performance.now(); while (performance.now() - t < "
                  + freezeMs + ") {} }, " + (freezeMs * 2 + 97) + ");");
            }
          }
          CompletableFuture<Void> a = CompletableFuture.runAsync(() -> typeInChunks(amelie, amelieText));
          CompletableFuture<Void> b = CompletableFuture.runAsync(() -> typeInChunks(bruno, brunoText));
          CompletableFuture.allOf(a, b).get();
          if (dropMs > 0) amelie.js("clearInterval(window.__dropper);");
          if (freezeMs > 0) for (PadPage p : List.of(amelie, bruno)) p.js("clearInterval(window.__freezer);");
          amelie.awaitSynchronized();
          bruno.awaitSynchronized();
          long head = server.head(pad);
          amelie.awaitSynchronized(head);
          bruno.awaitSynchronized(head);
          String expected = brunoText + "MILIEU" + amelieText;
          boolean ok = expected.equals(server.text(pad)) && expected.equals(amelie.text()) && expected.equals(bruno.text());
          System.out.println("RUN " + run + (ok ? " OK" : " FAILED") + " drops/opens " + amelie.js("return window.__wslog.filter(l => l.includes('FORCED')).length + '/' + window.__wslog.filter(l => l.endsWith('OPEN')).length;") + " load " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          if (!ok || Boolean.getBoolean("repro.dump")) {
            System.out.println("server: " + server.text(pad).replace("\n", "⏎"));
            System.out.println("amelie: " + amelie.text().replace("\n", "⏎"));
            System.out.println("bruno:  " + bruno.text().replace("\n", "⏎"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "repro-amelie-" + run + ".log"),
                String.join("\n", (List<String>) amelie.js("return window.__log;")));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "repro-bruno-" + run + ".log"),
                String.join("\n", (List<String>) bruno.js("return window.__log;")));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "repro-amelie-ws-" + run + ".log"),
                String.join("\n", (List<String>) amelie.js("return window.__wslog;")));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "repro-bruno-ws-" + run + ".log"),
                String.join("\n", (List<String>) bruno.js("return window.__wslog;")));
          }
          assertEquals(expected, server.text(pad));
        } finally {
          browsers.forEach(BrowserSession::close);
        }
      }
    }
  }

  private static String typed(String phrase, String emoji, int rounds) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rounds; i++) sb.append(phrase).append(i).append(emoji).append(i % 4 == 3 ? "\n" : " ");
    return sb.toString();
  }

  private static void typeInChunks(PadPage page, String text) {
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (Character.charCount(cp) == 2) {
        page.insertText(new String(Character.toChars(cp)));
        i += 2;
        continue;
      }
      int end = i;
      while (end < text.length() && end - i < 7 && !Character.isSurrogate(text.charAt(end))) end++;
      String chunk = text.substring(i, end).replace("\n", Keys.ENTER.toString());
      page.type(chunk);
      i = end;
    }
  }
}
