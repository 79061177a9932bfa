// The server refused our outstanding op for good (pad-too-large: it would make the pad too big), so
// the protocol says: undo that local edit and tell the person. The refused seq was not used by the
// server (it expects it again), so the edits typed after it (the buffer) go out under that seq.
//
// Editor text E = S·o·b (server doc, outstanding, buffer). With inv = o⁻¹ (on S·o) and
// [inv', b'] = transform(inv, b): E·inv' = S·b', so the editor applies inv' and b' is sent.

import { AwaitingConfirm, Synchronized } from '../client/client.js';
import { TextOperation } from '../ot/text-operation.js';

/** Drops the outstanding op from `client`; returns the op that removes it from the editor's text. */
export function dropOutstanding(client) {
  const { outstanding, seq, buffer } = client.state;
  if (!outstanding) return null;
  const inverse = outstanding.invert(client.serverDoc.text);
  if (!buffer) {
    client.state = new Synchronized();
    client.nextSeq = seq;
    return inverse;
  }
  const [forEditor, rebased] = TextOperation.transform(inverse, buffer);
  if (rebased.isNoop()) {
    client.state = new Synchronized();
    client.nextSeq = seq;
  } else {
    client.state = new AwaitingConfirm(rebased, seq);
    client.sendOp(seq, rebased);
  }
  return forEditor;
}
