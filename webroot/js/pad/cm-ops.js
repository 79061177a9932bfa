// Conversions between CodeMirror 6 changes and Ardoise text operations.
//
// Both count positions in UTF-16 code units, so the conversion is a plain walk. It holds only if the
// editor keeps "\r" as an ordinary character: the editor must be created with
// EditorState.lineSeparator.of('\n') (see EDITOR_LINE_SEPARATOR), otherwise CodeMirror would turn
// "\r\n" into one line break and every later position would drift from the server's.

import { TextOperation } from '../ot/text-operation.js';

export const EDITOR_LINE_SEPARATOR = '\n';

/**
 * The operation doing what `changes` (a ChangeSet over a document of `changes.length` units) does.
 * Work is proportional to the number of changed ranges, not to the document length.
 */
export function changeSetToOperation(changes) {
  const op = new TextOperation();
  let pos = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    op.retain(fromA - pos);
    const text = inserted.toString();
    // insert before delete is the canonical order; TextOperation reorders anyway.
    op.insert(text);
    op.delete(toA - fromA);
    pos = toA;
  });
  op.retain(changes.length - pos);
  return op;
}

/**
 * A CodeMirror change spec (array of {from, to, insert}, positions in the document before the
 * change) doing what `op` does.
 */
export function operationToChanges(op) {
  const changes = [];
  let pos = 0;
  for (const c of op.ops) {
    if (typeof c === 'string') {
      changes.push({ from: pos, insert: c });
    } else if (c > 0) {
      pos += c;
    } else {
      changes.push({ from: pos, to: pos - c });
      pos -= c;
    }
  }
  return changes;
}
