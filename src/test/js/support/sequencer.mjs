// A small in-memory stand-in for the server's pad, following docs/protocol.md: ops made on rev R are
// transformed past the ops committed after R (the incoming op's insert first); each (clientId, seq)
// is applied once and acknowledged again on a resend; commits and moved cursors are announced in
// flushes (one `batch` frame to a tab that joined with `batch: true`, single `ack`/`op`/`cursor`
// frames otherwise); a join with a replayable rev gets the missed revisions, an older or absent rev
// the text and author runs; `presence` after every join, leave and profile; read-only connections
// may only join and ping. It never loses a revision and answers at once: delays are the network's.
//
// A connection is {deliver(message), readOnly}; the sequencer adds its own fields to it.

import { createHash } from 'node:crypto';
import { AttributedText } from '../../../../webroot/js/ot/attributed-text.js';
import { transformSelection } from '../../../../webroot/js/ot/selection.js';
import { TextOperation } from '../../../../webroot/js/ot/text-operation.js';

const REPLAY_CHUNK = 500; // revisions per replayed batch frame, as on the server

function derivedId(domain, secret) {
  return createHash('sha256').update(`${domain}\0${secret}`, 'utf8').digest('base64url').slice(0, 22);
}

export class Sequencer {
  /**
   * replayWindow: how many revisions back a join may resume by replay (the rest gets text).
   * scheduleFlush(): asks for flush() to be called later (a commit or a cursor is waiting).
   * refuse(connection, message): null, or 'rate-limited' / 'store-unavailable' to refuse an op.
   * batches: false for a server that sends single frames even to tabs asking for batches.
   */
  constructor({ doc = AttributedText.EMPTY, replayWindow = Infinity, scheduleFlush = () => {}, refuse = () => null, batches = true } = {}) {
    Object.assign(this, { doc, replayWindow, scheduleFlush, refuse, batches });
    this.initialLength = doc.length;
    this.history = []; // history[r - 1] is revision r: {rev, op, clientId, authorId, seq}
    this.seqs = new Map(); // clientId -> Map(seq -> rev)
    this.members = new Set(); // joined connections, in joining order
    this.unflushed = []; // committed revisions not announced yet
    this.movedCursors = new Map(); // clientId -> {clientId, rev, anchor, head}
    this.flushWanted = false;
    this.errors = []; // protocol errors: a correct client never causes one
    this.stats = { reAcks: 0, refused: 0, batches: 0, flushes: 0 };
  }

  get rev() {
    return this.history.length;
  }

  lastSeq(clientId) {
    return this.seqs.get(clientId)?.size ?? 0;
  }

  lengthAt(rev) {
    return rev === 0 ? this.initialLength : this.history[rev - 1].op.targetLength;
  }

  receive(connection, message) {
    if (message.type === 'ping') return connection.deliver({ type: 'pong' });
    if (message.type === 'join') return this.join(connection, message);
    if (!connection.joined) return this.fail(connection, 'not-joined', `${message.type} before join`);
    if (connection.readOnly) return this.fail(connection, 'read-only', `${message.type} on a read-only connection`, message.seq);
    if (message.type === 'op') return this.submit(connection, message);
    if (message.type === 'cursor') return this.moveCursor(connection, message);
    if (message.type === 'profile') {
      Object.assign(connection, { name: message.name, color: message.color });
      return this.broadcastPresence();
    }
    return this.fail(connection, 'bad-message', `unknown message type ${message.type}`);
  }

  disconnect(connection) {
    if (!this.members.delete(connection)) return;
    if (this.movedCursors.get(connection.clientId)?.connection === connection) this.movedCursors.delete(connection.clientId);
    this.broadcastPresence();
  }

  join(connection, message) {
    if (connection.joined) return this.fail(connection, 'already-joined', 'second join');
    this.flush(); // every committed revision is announced before anyone joins: no gap, no repeat
    if (typeof message.secret !== 'string') return this.fail(connection, 'bad-client-secret', 'join without its secret');
    // The server's derivation (ClientSecrets): the public ids are hashes of the secrets.
    const clientId = derivedId('ardoise client', message.secret);
    const authorId = message.authorSecret ? derivedId('ardoise author', message.authorSecret) : clientId;
    Object.assign(connection, {
      clientId, authorId, name: message.name, color: message.color ?? '#777777',
      batch: this.batches && message.batch === true, joined: true,
    });
    const base = { type: 'joined', clientId, authorId, lastSeq: this.lastSeq(clientId) };
    const from = message.rev;
    if (Number.isInteger(from) && from >= 0 && from <= this.rev && this.rev - from <= this.replayWindow) {
      connection.deliver({ ...base, rev: from });
      const missed = this.history.slice(from);
      for (let i = 0; i < missed.length; i += REPLAY_CHUNK) this.announce(connection, missed.slice(i, i + REPLAY_CHUNK), []);
    } else {
      connection.deliver({ ...base, rev: this.rev, text: this.doc.text, authors: this.doc.toJSON().runs });
    }
    this.members.add(connection);
    this.broadcastPresence();
  }

  submit(connection, message) {
    const refusal = this.refuse(connection, message);
    if (refusal) {
      this.stats.refused++;
      const seq = refusal === 'rate-limited' ? undefined : message.seq; // rate-limited frames are dropped unread
      return connection.deliver({ type: 'error', code: refusal, message: refusal, seq });
    }
    const { clientId } = connection;
    if (!this.seqs.has(clientId)) this.seqs.set(clientId, new Map());
    const seqs = this.seqs.get(clientId);
    if (seqs.has(message.seq)) {
      this.stats.reAcks++;
      this.flush(); // its revision is announced first, so the re-ack never runs ahead of a revision
      return connection.deliver({ type: 'ack', seq: message.seq, rev: seqs.get(message.seq) });
    }
    if (message.seq !== seqs.size + 1) return this.fail(connection, 'seq-gap', `seq ${message.seq} after ${seqs.size}`, message.seq);
    if (!(message.rev >= 0 && message.rev <= this.rev)) return this.fail(connection, 'bad-rev', `op on rev ${message.rev}`, message.seq);
    let op = TextOperation.fromJSON(message.op);
    if (op.baseLength !== this.lengthAt(message.rev)) return this.fail(connection, 'bad-op', `op for length ${op.baseLength}`, message.seq);
    for (const entry of this.history.slice(message.rev)) op = TextOperation.transform(op, entry.op)[0];
    this.doc = this.doc.apply(op, connection.authorId);
    const entry = { rev: this.rev + 1, op, clientId, authorId: connection.authorId, seq: message.seq };
    this.history.push(entry);
    seqs.set(message.seq, entry.rev);
    this.unflushed.push(entry);
    this.wantFlush();
  }

  moveCursor(connection, message) {
    const { rev, anchor, head } = message;
    if (!(rev >= 0 && rev <= this.rev)) return this.fail(connection, 'bad-rev', `cursor on rev ${rev}`);
    const length = this.lengthAt(rev);
    if (!(anchor >= 0 && anchor <= length && head >= 0 && head <= length)) return this.fail(connection, 'bad-rev', 'cursor outside the document');
    this.movedCursors.set(connection.clientId, { connection, rev, anchor, head });
    this.wantFlush();
  }

  wantFlush() {
    if (this.flushWanted) return;
    this.flushWanted = true;
    this.scheduleFlush();
  }

  /** Announces the revisions committed and the cursors moved since the last flush. */
  flush() {
    this.flushWanted = false;
    if (this.unflushed.length === 0 && this.movedCursors.size === 0) return;
    this.stats.flushes++;
    const cursors = [...this.movedCursors].map(([clientId, c]) => {
      let range = { anchor: c.anchor, head: c.head };
      for (const entry of this.history.slice(c.rev)) range = transformSelection(range, entry.op);
      return { type: 'cursor', clientId, rev: this.rev, anchor: range.anchor, head: range.head };
    });
    for (const connection of this.members) this.announce(connection, this.unflushed, cursors);
    this.unflushed = [];
    this.movedCursors.clear();
  }

  /** Revisions and cursors as one batch frame, or as single frames (the author's revision as `ack`). */
  announce(connection, revisions, cursors) {
    if (connection.batch) {
      this.stats.batches++;
      return connection.deliver({ type: 'batch', messages: [...revisions.map((e) => opMessage(e, true)), ...cursors] });
    }
    for (const entry of revisions) {
      if (entry.clientId === connection.clientId) connection.deliver({ type: 'ack', seq: entry.seq, rev: entry.rev });
      else connection.deliver(opMessage(entry, false));
    }
    for (const cursor of cursors) if (cursor.clientId !== connection.clientId) connection.deliver(cursor);
  }

  broadcastPresence() {
    const writers = [...this.members].filter((c) => !c.readOnly);
    const viewers = this.members.size - writers.length;
    const members = writers.map(({ clientId, authorId, name, color }) => ({ clientId, authorId, name, color }));
    const message = viewers > 0 ? { type: 'presence', members, viewers } : { type: 'presence', members };
    for (const connection of this.members) connection.deliver(message);
  }

  fail(connection, code, text, seq) {
    this.errors.push(`${code}: ${text}`);
    connection.deliver({ type: 'error', code, message: text, seq });
  }
}

function opMessage(entry, withSeq) {
  const message = { type: 'op', rev: entry.rev, op: entry.op.toJSON(), clientId: entry.clientId, authorId: entry.authorId };
  return withSeq ? { ...message, seq: entry.seq } : message;
}
