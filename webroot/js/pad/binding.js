// The binding between CodeMirror and the client core: what a person types becomes an operation for
// the client; what the server sends becomes a transaction marked remote and kept out of the undo
// history, so undo (CodeMirror's history, which maps its events over later changes) only undoes
// one's own edits, even after others typed around them.

import { Annotation, EditorState, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { EDITOR_LINE_SEPARATOR, changeSetToOperation, operationToChanges } from './cm-ops.js';

/** Code units one local edit may insert: 3 UTF-8 bytes each stays under the 256 KiB message limit. */
export const MAX_LOCAL_INSERT = 40000;

/** Marks transactions that come from the server (or a restore): the binding does not send them back. */
export const fromServer = Annotation.define();

const remoteAnnotations = (extra) => [
  ...extra,
  fromServer.of(true),
  Transaction.remote.of(true),
  Transaction.addToHistory.of(false),
];

/**
 * The editor extension.
 * @param {object} handlers
 * @param {(op, transaction) => void} handlers.onLocalOperation a local edit, as an operation
 * @param {({anchor, head}) => void} handlers.onSelection the main selection moved (or the text changed)
 * @param {(length) => void} [handlers.onTooLarge] a local edit was refused: it inserted `length` units
 */
export function padBinding({ onLocalOperation, onSelection, onTooLarge = () => {} }) {
  return [
    EditorState.lineSeparator.of(EDITOR_LINE_SEPARATOR),
    keepCaretAfterTypedText,
    // A huge paste would make an op bigger than a server message (256 KiB of UTF-8): refuse it
    // here, with a message, rather than send something the server closes the socket over.
    EditorState.transactionFilter.of((tr) => {
      if (!tr.docChanged || tr.annotation(fromServer)) return tr;
      let inserted = 0;
      tr.changes.iterChanges((_a, _b, _c, _d, text) => { inserted += text.length; });
      if (inserted <= MAX_LOCAL_INSERT) return tr;
      onTooLarge(inserted);
      return [];
    }),
    EditorView.updateListener.of((update) => {
      for (const tr of update.transactions) {
        if (tr.docChanged && !tr.annotation(fromServer)) {
          onLocalOperation(changeSetToOperation(tr.changes), tr);
        }
      }
      if (update.selectionSet || update.docChanged || update.focusChanged) {
        const { anchor, head } = update.state.selection.main;
        onSelection({ anchor, head });
      }
    }),
  ];
}

/**
 * Text typed at the caret leaves the caret after it. Under load, Chromium sometimes lets CodeMirror
 * read the DOM selection from before the character it has just inserted; CodeMirror then keeps the
 * caret in front of that character and the next keys land before it ("CONCLUSION" becomes
 * "CONCLSIONU"; TypedTextCaretBrowserTest replays such a transaction). Only a plain insertion at an
 * empty caret whose caret stayed put is moved.
 */
export const keepCaretAfterTypedText = EditorState.transactionFilter.of((tr) => {
  if (!tr.docChanged || !tr.isUserEvent('input.type') || tr.isUserEvent('input.type.compose')) return tr;
  const before = tr.startState.selection;
  if (before.ranges.length !== 1 || !before.main.empty) return tr;
  const inserted = [];
  tr.changes.iterChanges((fromA, toA, fromB, toB) => inserted.push({ fromA, toA, fromB, toB }));
  if (inserted.length !== 1) return tr;
  const [c] = inserted;
  const at = before.main.head;
  const after = tr.newSelection;
  if (c.fromA !== at || c.toA !== at || c.toB === c.fromB) return tr;
  if (after.ranges.length !== 1 || !after.main.empty || after.main.head !== c.fromB) return tr;
  return [tr, { selection: { anchor: c.toB }, sequential: true }];
});

/**
 * Applies a server operation to the editor, with `annotations` (e.g. its author) on the transaction
 * and `effects` (e.g. new author runs) in the same step.
 */
export function applyRemoteOperation(view, op, annotations = [], effects = []) {
  view.dispatch({ changes: operationToChanges(op), effects, annotations: remoteAnnotations(annotations) });
}

/** Replaces the whole text (first join, a restore, a snapshot) with `effects` (its authors) in the same step. */
export function replaceDocument(view, text, effects = []) {
  const old = view.state.doc;
  const same = old.length === text.length && old.toString() === text;
  view.dispatch({
    changes: same ? [] : { from: 0, to: old.length, insert: text },
    effects,
    annotations: remoteAnnotations([]),
  });
}

/** The editor's text in the units the server counts (see EDITOR_LINE_SEPARATOR). */
export function editorText(view) {
  return view.state.doc.toString();
}
