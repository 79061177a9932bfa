// Mounts CodeMirror 6 for a pad: plain text, line wrapping, a comfortable
// reading font, undo history and the default keymap.
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";

// Through EditorView.theme so it outranks CodeMirror's base theme (both are
// constructed stylesheets that cascade after the page's own CSS).
const padTheme = EditorView.theme({
  "&": { fontSize: "var(--editor-font-size)", backgroundColor: "var(--paper)", color: "var(--ink)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--editor-font)",
    lineHeight: "1.6",
    overflow: "auto",
  },
  ".cm-content": { padding: "1rem 0", caretColor: "var(--ink)" },
  ".cm-line": { padding: "0 clamp(0.75rem, 4vw, 2.5rem)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection)",
  },
  ".cm-cursor": { borderLeftWidth: "2px", borderLeftColor: "var(--ink)" },
  ".cm-placeholder": { color: "var(--muted)" },
});

/**
 * Creates the editor inside `parent`.
 * @param {object} options
 * @param {HTMLElement} options.parent where the editor goes
 * @param {string} [options.doc] initial text
 * @param {string} [options.placeholderText] shown while the pad is empty
 * @param {string} [options.label] accessible name of the text area
 * @param {import("@codemirror/state").Extension[]} [options.extensions] e.g. authorship(), remoteCursors(), the OT binding
 * @returns {EditorView}
 */
export function createEditor({ parent, doc = "", placeholderText = "", label = "", extensions = [] }) {
  const state = EditorState.create({
    doc,
    extensions: [
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      // tabindex: the scrolling area then holds a tab stop for axe and for keyboard users alike.
      EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "true", autocorrect: "on", tabindex: "0" }),
      placeholder(placeholderText),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      padTheme,
      extensions,
    ],
  });
  return new EditorView({ state, parent });
}
