// Where an edit happened, for the projector's "follow the writing" (pure: tested under Node).

/** The document position just after what `op` changed (in the new text), or null for no change. */
export function lastChangeEnd(op) {
  let newPos = 0;
  let end = null;
  for (const c of op.ops) {
    if (typeof c === 'string') {
      newPos += c.length;
      end = newPos;
    } else if (c > 0) {
      newPos += c;
    } else {
      end = newPos; // a delete ends where the kept text resumes
    }
  }
  return end;
}
