// The client side of Ardoise's protocol (docs/protocol.md): one object per browser tab that keeps the
// editor and the server converging, across lost sockets and page reloads.
//
// Invariants: the server document at `rev` (`serverDoc`, with authors) composed with the pending ops
// of `state` is what the editor shows; every op ever sent carries a seq from one counter that only
// grows (kept across reconnects and reloads), and an op keeps its seq when resent, so the server
// applies it at most once. Single-threaded (the page's event loop); no timers, no sockets: the page
// injects `send`, and server messages reach this object through receiveServerMessage
// (server-messages.js), which hands the page the editor ops these methods return.

import { AttributedText } from '../ot/attributed-text.js';
import { diff } from '../ot/diff.js';
import { transformSelection } from '../ot/selection.js';
import { TextOperation } from '../ot/text-operation.js';
import { AwaitingConfirm, AwaitingWithBuffer, Synchronized } from './states.js';
import { readStorage, writeStorage } from './storage.js';

export { AwaitingConfirm, AwaitingWithBuffer, Synchronized };

/** What the server committed is not what this tab holds: only the server's text can tell. */
export class ResyncError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ResyncError';
  }
}

const toOp = (op) => (op instanceof TextOperation ? op : TextOperation.fromJSON(op));
const noop = () => {};

export class Client {
  /**
   * options: secret (this tab's, sent only in join), authorSecret (this browser's, optional),
   * clientId and authorId (the public ids the server derives from them: learnt from `joined`, known
   * before only when restored), send(message), onStateChange(client) (persist toStorage() here),
   * onError(error) (a state this tab cannot explain).
   */
  constructor(options, restored = {}) {
    this.secret = options.secret;
    this.authorSecret = options.authorSecret ?? null;
    this.clientId = options.clientId ?? null;
    this.authorId = options.authorId ?? '';
    this.send = options.send;
    this.callbacks = {
      onStateChange: options.onStateChange ?? noop,
      onError: options.onError ?? noop,
    };
    this.rev = restored.rev ?? null; // null until the first joined: no document yet
    this.serverDoc = restored.serverDoc ?? null;
    this.nextSeq = restored.nextSeq ?? 1;
    this.state = restored.state ?? new Synchronized();
    // The seq of an op rebased on a snapshot and resent (see rebase), until its ack is checked.
    this.rebasedSeq = restored.rebasedSeq ?? null;
    this.online = false;
  }

  /** A client restored from toStorage() (after a reload, possibly offline). */
  static fromStorage(stored, options) {
    // A state saved before ids came from secrets holds no secret: its old id becomes the secret (see onJoined).
    const ids = stored.secret ? { secret: stored.secret, clientId: stored.clientId } : { secret: stored.clientId };
    return new Client({ ...ids, authorId: stored.authorId, ...options }, readStorage(stored));
  }

  /** A plain JSON object holding everything needed to resume (see storage.js); save it on each change. */
  toStorage() {
    return writeStorage(this);
  }

  /** What the editor should show: the server document with our pending ops. O(document). */
  document() {
    if (!this.serverDoc) return null;
    let doc = this.serverDoc;
    if (this.state.outstanding) doc = doc.apply(this.state.outstanding, this.authorId);
    if (this.state.buffer) doc = doc.apply(this.state.buffer, this.authorId);
    return doc;
  }

  /** True while some local op is not acknowledged yet. */
  hasPending() {
    return !(this.state instanceof Synchronized);
  }

  /** The join message for a new socket; `fields` adds name, color… Resumes at our rev when we have one. */
  joinMessage(fields = {}) {
    // batch: one frame per flush of the pad instead of one per revision and cursor (see batch.js);
    // presenceChanges: after the first member list, only what changed in it (see roster.js).
    const message = { type: 'join', secret: this.secret, batch: true, presenceChanges: true, ...fields };
    if (this.authorSecret) message.authorSecret = this.authorSecret;
    if (this.rev !== null) message.rev = this.rev;
    return message;
  }

  /** The socket is gone: keep everything, send nothing until the next joined. */
  disconnected() {
    this.online = false;
  }

  /** A local edit, already applied by the editor to what document() was. */
  applyClient(op) {
    const operation = toOp(op);
    if (this.rev === null) throw new Error('cannot edit before the first joined message');
    const length = pendingTarget(this.state) ?? this.serverDoc.length;
    if (operation.baseLength !== length) {
      throw new Error(`local op base length ${operation.baseLength} does not match document length ${length}`);
    }
    if (operation.isNoop()) return;
    this.state = this.state.applyClient(this, operation);
    this.changed();
  }

  /**
   * The server committed our op `seq` as revision `rev`. Returns that op (as it applied to the
   * server document), or null for a repeated ack of an older seq, which changes nothing.
   * `committed` is the op as the server committed it, when the ack came in a batch frame.
   */
  serverAck(seq, rev, committed) {
    const outstandingSeq = this.state.seq;
    if (outstandingSeq === undefined || seq < outstandingSeq) {
      if (seq < this.nextSeq) return null; // a duplicate: that op is already counted
      throw new Error(`ack for seq ${seq}, which was never sent`);
    }
    if (seq !== outstandingSeq) throw new Error(`ack for seq ${seq} while waiting for seq ${outstandingSeq}`);
    if (rev !== this.rev + 1) throw new Error(`ack at rev ${rev} while at rev ${this.rev}`);
    const acknowledged = this.state.outstanding;
    if (seq === this.rebasedSeq) {
      // The socket before the snapshot may have delivered this seq in its form from before our rebase, and
      // the server then committed that copy: only the committed op tells which copy it was.
      if (!committed || !toOp(committed).equals(acknowledged)) throw new ResyncError(`seq ${seq} was committed as another copy than ours, or cannot be checked`);
      this.rebasedSeq = null;
    }
    this.serverDoc = this.serverDoc.apply(acknowledged, this.authorId);
    this.rev = rev;
    this.state = this.state.serverAck(this);
    this.changed();
    return acknowledged;
  }

  /**
   * Another client's op turning rev-1 into rev. Returns the op to apply to the editor (null when
   * this rev was already seen, as a replay may overlap). Our pending ops are transformed past it.
   */
  applyServer(rev, op, authorId = '') {
    const operation = toOp(op);
    if (this.rev === null) throw new Error('received an op before the first joined message');
    if (rev <= this.rev) return null;
    if (rev !== this.rev + 1) throw new Error(`op for rev ${rev} while at rev ${this.rev}: a revision is missing`);
    this.serverDoc = this.serverDoc.apply(operation, authorId); // throws before any change if it does not fit
    this.rev = rev;
    const [state, forEditor] = this.state.applyServer(this, operation);
    this.state = state;
    this.changed();
    return forEditor;
  }

  /** The op message of the outstanding op with its original seq, or null when nothing is outstanding. */
  resend() {
    return this.state.resendMessage(this);
  }

  /**
   * Handles `joined`. Without text the server replays what we missed after our rev, our own committed
   * op as an ack; an outstanding op the server never committed (seq > lastSeq) is resent now. With
   * text (first join, or our rev is too old to replay) the document is replaced and our pending ops
   * are rebased on it. Returns the op for the editor when text replaced a document we had, else null.
   */
  onJoined(joined) {
    this.online = true;
    if (typeof joined.clientId === 'string') this.clientId = joined.clientId;
    if (typeof joined.authorId === 'string') this.authorId = joined.authorId;
    const lastSeq = joined.lastSeq ?? 0;
    if (this.state.seq !== undefined && this.state.seq > lastSeq + 1) {
      // An op is sent only once the one before is acknowledged, so the server knows seq - 1 unless
      // this clientId is new to it (a state saved before ids came from secrets): the outstanding op
      // was never committed under it, and takes its next seq.
      if (this.rebasedSeq === this.state.seq) this.rebasedSeq = lastSeq + 1;
      this.state = this.state.withSeq(lastSeq + 1);
      this.nextSeq = lastSeq + 2;
    }
    if (lastSeq >= this.nextSeq) {
      // Only a lost or stale saved state gets here; pending ops of ours may then be committed already.
      if (this.hasPending()) this.callbacks.onError(new Error(`server has seq ${lastSeq}, this tab knows only up to ${this.nextSeq - 1}`));
      this.nextSeq = lastSeq + 1;
    }
    const committed = this.state.seq !== undefined && this.state.seq <= lastSeq;
    if (typeof joined.text !== 'string') {
      if (this.rev === null) throw new Error('joined without text but this client has no document');
      if (!committed) this.sendMessage(this.resend());
      this.changed();
      return null;
    }
    const snapshot = AttributedText.fromRuns(joined.text, joined.authors ?? defaultRuns(joined.text));
    let forEditor = null;
    if (this.rev === null) {
      this.serverDoc = snapshot;
      this.rev = joined.rev;
    } else {
      forEditor = this.rebase(snapshot, joined.rev, committed);
    }
    this.changed();
    return forEditor;
  }

  /**
   * Moves pending ops onto a snapshot whose history we cannot replay: the ops in between are replaced
   * by one diff of the texts, so local inserts survive (maybe slightly moved) and nothing is sent twice.
   */
  rebase(snapshot, rev, committed) {
    let base = this.serverDoc;
    let pending = this.state;
    if (committed) {
      // The outstanding op is inside the snapshot; the buffer was never sent (seq 0: not numbered yet).
      base = base.apply(pending.outstanding, this.authorId);
      pending = pending.buffer ? new AwaitingConfirm(pending.buffer, 0) : new Synchronized();
    }
    const [moved, forEditor] = pending.applyServer(this, diff(base.text, snapshot.text));
    this.serverDoc = snapshot;
    this.rev = rev;
    if (committed) {
      this.rebasedSeq = null; // whichever copy the server took is inside the snapshot
      this.state = new Synchronized();
      if (moved.outstanding && !moved.outstanding.isNoop()) this.state = this.state.applyClient(this, moved.outstanding);
    } else {
      this.state = moved;
      if (moved.seq !== undefined) this.rebasedSeq = moved.seq;
      this.sendMessage(this.resend());
    }
    return forEditor;
  }

  /**
   * A remote selection at our rev ({anchor, head}, a list of them, Range or Selection), moved past
   * our pending ops so it lands on the right characters of the editor.
   */
  transformSelection(selection) {
    const s = this.state;
    if (s.outstanding) selection = transformSelection(selection, s.outstanding);
    if (s.buffer) selection = transformSelection(selection, s.buffer);
    return selection;
  }

  /** The cursor message for our selection, or null while an op is unacknowledged (the protocol's rule). */
  cursorMessage(anchor, head) {
    if (!this.online || this.hasPending() || this.rev === null) return null;
    return { type: 'cursor', rev: this.rev, anchor, head };
  }

  // Used by the states.
  takeSeq() {
    return this.nextSeq++;
  }

  opMessage(seq, op) {
    return { type: 'op', rev: this.rev, seq, op: op.toJSON() };
  }

  sendOp(seq, op) {
    this.sendMessage(this.opMessage(seq, op));
  }

  sendMessage(message) {
    if (message && this.online) this.send(message);
  }

  changed() {
    this.callbacks.onStateChange(this);
  }
}

function pendingTarget(state) {
  if (state.buffer) return state.buffer.targetLength;
  if (state.outstanding) return state.outstanding.targetLength;
  return null;
}

function defaultRuns(text) {
  return text === '' ? [] : [[text.length, '']];
}
