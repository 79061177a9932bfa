// A client's saved state (Client.toStorage), e.g. kept in localStorage and read back after a reload.
//
// Form (version 1): {version, secret, clientId, authorId, rev, nextSeq, text, runs,
//   outstanding: {seq, op} | null, buffer: op | null, rebasedSeq?: seq | null}
// where text/runs are the server document at rev (null before the first joined), outstanding is the
// op sent with seq and not acknowledged, buffer the local edits not sent yet, rebasedSeq the seq
// whose ack must be checked against the committed op (Client.rebase). The editor text after
// restore is text composed with outstanding then buffer (Client.document()).

import { AttributedText } from '../ot/attributed-text.js';
import { TextOperation } from '../ot/text-operation.js';
import { AwaitingConfirm, AwaitingWithBuffer, Synchronized } from './states.js';

/** The saved form of `client`; text and runs are shared, not copied, until the caller serialises them. */
export function writeStorage(client) {
  const { state, serverDoc } = client;
  return {
    version: 1,
    secret: client.secret,
    clientId: client.clientId,
    authorId: client.authorId,
    rev: client.rev,
    nextSeq: client.nextSeq,
    text: serverDoc ? serverDoc.text : null,
    runs: serverDoc ? serverDoc.runs : null,
    outstanding: state.outstanding ? { seq: state.seq, op: state.outstanding.toJSON() } : null,
    buffer: state.buffer ? state.buffer.toJSON() : null,
    rebasedSeq: client.rebasedSeq,
  };
}

/** Checks a saved state and returns {rev, serverDoc, nextSeq, state, rebasedSeq}; throws Error when it is unusable. */
export function readStorage(stored) {
  if (stored === null || typeof stored !== 'object' || stored.version !== 1) {
    throw new Error('saved client state is missing or has an unknown version');
  }
  if (!Number.isInteger(stored.nextSeq) || stored.nextSeq < 1) throw new Error('saved client state has a bad nextSeq');
  if (stored.rev === null) {
    if (stored.outstanding || stored.buffer) throw new Error('saved client state has edits but no document');
    return { rev: null, serverDoc: null, nextSeq: stored.nextSeq, state: new Synchronized() };
  }
  if (!Number.isInteger(stored.rev) || stored.rev < 0) throw new Error('saved client state has a bad rev');
  const serverDoc = AttributedText.fromRuns(stored.text, stored.runs);
  const state = readState(stored, serverDoc.length);
  const rebasedSeq = Number.isInteger(stored.rebasedSeq) && stored.rebasedSeq === state.seq ? stored.rebasedSeq : null;
  return { rev: stored.rev, serverDoc, nextSeq: stored.nextSeq, state, rebasedSeq };
}

function readState(stored, length) {
  if (!stored.outstanding) {
    if (stored.buffer) throw new Error('saved client state has a buffer but no outstanding op');
    return new Synchronized();
  }
  const { seq } = stored.outstanding;
  if (!Number.isInteger(seq) || seq < 1 || seq >= stored.nextSeq) throw new Error('saved outstanding op has a bad seq');
  const outstanding = TextOperation.fromJSON(stored.outstanding.op);
  if (outstanding.baseLength !== length) throw new Error('saved outstanding op does not fit the saved document');
  if (!stored.buffer) return new AwaitingConfirm(outstanding, seq);
  const buffer = TextOperation.fromJSON(stored.buffer);
  if (buffer.baseLength !== outstanding.targetLength) throw new Error('saved buffer does not fit the outstanding op');
  return new AwaitingWithBuffer(outstanding, seq, buffer);
}
