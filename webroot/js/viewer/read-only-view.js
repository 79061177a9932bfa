// A CodeMirror view nobody can edit (contenteditable false, read-only state), with the pad's
// line-separator rule and the same remote-op application as the editor, for the projector and the
// read-only page.

import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { EDITOR_LINE_SEPARATOR, operationToChanges } from '../pad/cm-ops.js';

/** `label`: accessible name of the text. `theme`: an EditorView.theme for the page. */
export function createReadOnlyView({ parent, label, theme = [] }) {
  const state = EditorState.create({
    doc: '',
    extensions: [
      EditorState.lineSeparator.of(EDITOR_LINE_SEPARATOR),
      EditorState.readOnly.of(true),
      EditorView.editable.of(false),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
      theme,
    ],
  });
  const view = new EditorView({ state, parent });
  // Keyboard users scroll the text with the arrows and Page keys once it has focus.
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('role', 'region');
  view.scrollDOM.setAttribute('aria-label', label);
  return view;
}

/** Renames the text (language switch). */
export function relabel(view, label) {
  view.scrollDOM.setAttribute('aria-label', label);
}

/**
 * The `view` side of a ViewerSession over `view`; `onEdit(op, authorId)` runs after each remote
 * op, `onReset()` after the whole text was replaced (a join).
 */
export function viewAdapter(view, onEdit = () => {}, onReset = () => {}) {
  return {
    reset(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      onReset();
    },
    apply(op, authorId) {
      if (op.baseLength !== view.state.doc.length) {
        throw new Error(`op for length ${op.baseLength}, text has ${view.state.doc.length}`);
      }
      view.dispatch({ changes: operationToChanges(op) });
      onEdit(op, authorId);
    },
  };
}
