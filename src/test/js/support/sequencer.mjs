// A tiny in-memory stand-in for the server's pad sequencer, following docs/protocol.md: ops made on
// rev R are transformed past the ops committed after R (the incoming op's insert first), each
// (clientId, seq) is applied once and acknowledged again on a resend, a join with a replayable rev
// gets the missed ops (its own as acks), an older or absent rev gets the text and author runs.

import { AttributedText } from '../../../../webroot/js/ot/attributed-text.js';
import { TextOperation } from '../../../../webroot/js/ot/text-operation.js';

export class Sequencer {
  /** replayWindow: how many revisions back a join may resume by replay (the rest gets text). */
  constructor({ replayWindow = Infinity } = {}) {
    this.replayWindow = replayWindow;
    this.doc = AttributedText.EMPTY;
    this.history = []; // history[r - 1] is revision r: {rev, op, clientId, authorId, seq}
    this.seqs = new Map(); // clientId -> Map(seq -> rev)
    this.connections = new Set(); // joined connections: {clientId, authorId, deliver(message)}
    this.errors = [];
    this.reAcks = 0; // resends of an op already committed, acknowledged again
  }

  get rev() {
    return this.history.length;
  }

  lastSeq(clientId) {
    return this.seqs.get(clientId)?.size ?? 0;
  }

  /** A message from `connection` ({deliver(message)}). */
  receive(connection, message) {
    if (message.type === 'join') this.join(connection, message);
    else if (message.type === 'op') this.submit(connection, message);
    else this.fail(connection, 'unknown-type', `unknown message type ${message.type}`);
  }

  disconnect(connection) {
    this.connections.delete(connection);
  }

  join(connection, message) {
    connection.clientId = message.clientId;
    connection.authorId = message.authorId ?? message.clientId;
    this.connections.add(connection);
    const base = { type: 'joined', rev: this.rev, lastSeq: this.lastSeq(message.clientId), clientId: message.clientId };
    const from = message.rev;
    if (Number.isInteger(from) && from <= this.rev && this.rev - from <= this.replayWindow) {
      connection.deliver(base);
      for (const entry of this.history.slice(from)) {
        if (entry.clientId === message.clientId) connection.deliver({ type: 'ack', seq: entry.seq, rev: entry.rev });
        else connection.deliver(opMessage(entry));
      }
    } else {
      connection.deliver({ ...base, text: this.doc.text, authors: this.doc.toJSON().runs });
    }
  }

  submit(connection, message) {
    const { clientId } = connection;
    if (!this.seqs.has(clientId)) this.seqs.set(clientId, new Map());
    const seqs = this.seqs.get(clientId);
    if (seqs.has(message.seq)) {
      this.reAcks++;
      connection.deliver({ type: 'ack', seq: message.seq, rev: seqs.get(message.seq) });
      return;
    }
    if (message.seq !== seqs.size + 1) return this.fail(connection, 'seq-gap', `seq ${message.seq} after ${seqs.size}`);
    if (!(message.rev >= 0 && message.rev <= this.rev)) return this.fail(connection, 'bad-rev', `rev ${message.rev}`);
    let op = TextOperation.fromJSON(message.op);
    for (const entry of this.history.slice(message.rev)) op = TextOperation.transform(op, entry.op)[0];
    this.doc = this.doc.apply(op, connection.authorId);
    const entry = { rev: this.rev + 1, op, clientId, authorId: connection.authorId, seq: message.seq };
    this.history.push(entry);
    seqs.set(message.seq, entry.rev);
    connection.deliver({ type: 'ack', seq: message.seq, rev: entry.rev });
    for (const other of this.connections) if (other !== connection) other.deliver(opMessage(entry));
  }

  fail(connection, code, text) {
    this.errors.push(`${code}: ${text}`);
    connection.deliver({ type: 'error', code, message: text });
  }
}

function opMessage(entry) {
  return { type: 'op', rev: entry.rev, op: entry.op.toJSON(), clientId: entry.clientId, authorId: entry.authorId };
}
