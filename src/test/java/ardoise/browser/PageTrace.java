package ardoise.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A flight recorder for a pad page, for failures that happen once in many runs: every socket frame,
 * every editor transaction (local or remote, with the selection before and after) and every input
 * event with the DOM caret, each with a page timestamp. Written to target/traces/ on demand, so a
 * failure that cannot be replayed at will still shows the interleaving that caused it.
 */
final class PageTrace {
  private static final Path TRACES = Path.of("target", "traces");

  /** Records socket frames; call before the page is opened (it wraps the page's WebSocket). */
  static final String SOCKETS = """
      (() => {
        const log = window.__ardoiseTrace = [];
        const t0 = performance.now();
        window.__ardoiseTraceAt = () => Math.round(performance.now() - t0);
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            log.push(__ardoiseTraceAt() + ' ws new');
            this.addEventListener('open', () => log.push(__ardoiseTraceAt() + ' ws open'));
            this.addEventListener('close', (e) => log.push(__ardoiseTraceAt() + ' ws close ' + e.code));
            this.addEventListener('message', (e) => log.push(__ardoiseTraceAt() + ' ws in ' + String(e.data).slice(0, 200)));
          }
          send(data) {
            log.push(__ardoiseTraceAt() + ' ws out ' + String(data).slice(0, 200));
            return super.send(data);
          }
        };
      })();
      """;

  /** Records transactions and input events of the page's editor (run once the editor exists). */
  static final String EDITOR = """
      const done = arguments[arguments.length - 1];
      Promise.all([import('@codemirror/view'), import('@codemirror/state')]).then(([v, s]) => {
        const log = window.__ardoiseTrace, at = window.__ardoiseTraceAt;
        const dom = document.querySelector('.cm-editor');
        const view = v.EditorView.findFromDOM(dom);
        const sel = (st) => st.selection.main.anchor + '-' + st.selection.main.head;
        const caret = () => {
          const x = getSelection();
          if (!x.focusNode) return 'none';
          return x.focusNode.nodeName + JSON.stringify((x.focusNode.nodeValue || '').slice(-8)) + '@' + x.focusOffset;
        };
        view.dispatch({ effects: s.StateEffect.appendConfig.of(v.EditorView.updateListener.of((u) => {
          for (const tr of u.transactions) {
            const changes = [];
            tr.changes.iterChanges((a, b, _c, _d, text) => changes.push([a, b, text.toString()]));
            log.push([at(), tr.annotation(s.Transaction.remote) ? 'tr remote' : 'tr local',
              tr.annotation(s.Transaction.userEvent) || '-', JSON.stringify(changes), sel(tr.startState), '->',
              sel(tr.state), 'len', tr.state.doc.length, 'dom', caret()].join(' '));
          }
        })) });
        for (const type of ['keydown', 'beforeinput', 'input', 'compositionstart', 'compositionend', 'focus', 'blur']) {
          dom.addEventListener(type, (e) => log.push([at(), 'ev', type, e.key ?? e.inputType ?? '',
            JSON.stringify(e.data ?? ''), 'state', sel(view.state), 'dom', caret()].join(' ')), true);
        }
        document.addEventListener('selectionchange', () => log.push([at(), 'ev selectionchange state',
          sel(view.state), 'dom', caret()].join(' ')));
        done(true);
      }, (e) => done(String(e)));
      """;

  private PageTrace() {}

  /** Starts recording socket frames in every page this browser opens from now on. */
  static void recordSockets(BrowserSession browser) {
    browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SOCKETS));
  }

  /** Starts recording the editor of the page open in {@code page}. */
  static void recordEditor(PadPage page) {
    Object result = page.browser().driver().executeAsyncScript(EDITOR);
    if (!Boolean.TRUE.equals(result)) throw new IllegalStateException("cannot trace the editor: " + result);
  }

  /**
   * Writes what the page recorded to target/traces/NAME.log (NAME-2.log, … when that exists: the traces
   * of earlier failures are kept) and returns that path.
   */
  @SuppressWarnings("unchecked")
  static Path write(PadPage page, String name) {
    Object lines = page.js("return window.__ardoiseTrace || ['no trace: recordSockets was not called'];");
    try {
      Files.createDirectories(TRACES);
      Path file = TRACES.resolve(name + ".log");
      for (int n = 2; Files.exists(file); n++) file = TRACES.resolve(name + "-" + n + ".log");
      Files.writeString(file, String.join("\n", (List<String>) lines) + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
