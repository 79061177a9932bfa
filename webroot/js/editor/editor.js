// Mounts CodeMirror 6 for a pad: Markdown shown as it is written, line wrapping, a comfortable
// reading font, undo history, the formatting shortcuts and the default keymap.
import { EditorState } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, placeholder } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { markdown } from "./markdown.js";
import { formatKeymap } from "./format-commands.js";

// Through EditorView.theme so it outranks CodeMirror's base theme (both are
// constructed stylesheets that cascade after the page's own CSS).
const padTheme = EditorView.theme({
  "&": {
    fontSize: "var(--editor-font-size)", backgroundColor: "var(--paper)", color: "var(--ink)",
    "--pad-line-x": "clamp(0.75rem, 4vw, 2.5rem)",
  },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--editor-font)",
    lineHeight: "1.6",
    overflow: "auto",
  },
  ".cm-content": { padding: "1rem 0", caretColor: "var(--ink)" },
  ".cm-line": { padding: "0 var(--pad-line-x)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection)",
  },
  ".cm-cursor": { borderLeftWidth: "2px", borderLeftColor: "var(--ink)" },
  ".cm-placeholder": { color: "var(--muted)" },
  // Panels (search) in the page's colours, light or dark.
  ".cm-panels": { backgroundColor: "var(--page)", color: "var(--ink)", fontFamily: "var(--ui-font)" },
  ".cm-panels.cm-panels-top": { borderBottom: "1px solid var(--line)" },
  ".cm-textfield": { backgroundColor: "var(--paper)", color: "var(--ink)", border: "1px solid var(--line)", borderRadius: "0.4rem" },
  ".cm-button": {
    backgroundImage: "none", backgroundColor: "var(--paper)", color: "var(--ink)",
    border: "1px solid var(--line)", borderRadius: "0.4rem", padding: "0.2rem 0.6rem",
  },
  ".cm-panel button[name=close]": { color: "var(--muted)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)", outline: "1px solid var(--search-outline)" },
  ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: "var(--search-current)" },
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
      markdown(),
      formatKeymap,
      keymap.of([...defaultKeymap, ...historyKeymap]),
      padTheme,
      extensions,
    ],
  });
  return new EditorView({ state, parent });
}
