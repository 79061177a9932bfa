// Search and replace: CodeMirror's search panel (Ctrl/Cmd+F, F3, Ctrl/Cmd+G, Escape) at the top of
// the editor, where a phone's keyboard does not cover it, labelled in the page's language through
// CodeMirror's phrases (its English strings are the keys) and relabelled when the language changes.
import { Compartment, EditorState } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { closeSearchPanel, openSearchPanel, search, searchKeymap } from "@codemirror/search";

// CodeMirror's phrase -> our i18n key.
const PHRASES = {
  "Find": "search.find",
  "Replace": "search.replace",
  "next": "search.next",
  "previous": "search.previous",
  "all": "search.all",
  "match case": "search.matchCase",
  "regexp": "search.regexp",
  "by word": "search.byWord",
  "replace": "search.replaceOne",
  "replace all": "search.replaceAll",
  "close": "search.close",
  "current match": "search.currentMatch",
  "on line": "search.onLine",
  "replaced match on line $": "search.replacedOnLine",
  "replaced $ matches": "search.replacedCount",
  "Go to line": "search.goToLine",
  "go": "search.go",
};

function phrasesFor(i18n) {
  const phrases = {};
  for (const [phrase, key] of Object.entries(PHRASES)) phrases[phrase] = i18n.t(key);
  return EditorState.phrases.of(phrases);
}

// The panel lays out as wrapping rows: on a 360 px phone the fields take the row's width and the
// buttons wrap under them, never wider than the editor.
const searchTheme = EditorView.theme({
  ".cm-panel.cm-search": {
    display: "flex", flexWrap: "wrap", alignItems: "center", gap: "0.3rem 0.4rem",
    padding: "0.4rem 2.75rem 0.4rem 0.5rem",
  },
  ".cm-panel.cm-search br": { flexBasis: "100%", height: "0" },
  ".cm-panel.cm-search .cm-textfield": { flex: "1 1 10rem", minWidth: "0", minHeight: "2.5rem", margin: "0", fontSize: "1rem" },
  ".cm-panel.cm-search .cm-button": { minHeight: "2.5rem", margin: "0" },
  ".cm-panel.cm-search label": { display: "inline-flex", alignItems: "center", gap: "0.2rem", minHeight: "2.5rem", fontSize: "0.95rem" },
  ".cm-panel.cm-search [name=close]": {
    top: "0.4rem", right: "0.4rem", width: "2.5rem", height: "2.5rem", fontSize: "1.4rem", lineHeight: "1",
  },
});

/** The extension: the search panel, its keymap and labels in the page's language. */
export function padSearch(i18n, getView) {
  const labels = new Compartment();
  i18n.onChange(() => {
    const view = getView();
    if (!view) return;
    // The panel reads its phrases when built: an open one is rebuilt (it keeps its query).
    const open = Boolean(view.dom.querySelector(".cm-search"));
    if (open) closeSearchPanel(view);
    view.dispatch({ effects: labels.reconfigure(phrasesFor(i18n)) });
    if (open) openSearchPanel(view);
  });
  return [labels.of(phrasesFor(i18n)), search({ top: true }), keymap.of(searchKeymap), searchTheme];
}

export { openSearchPanel };
