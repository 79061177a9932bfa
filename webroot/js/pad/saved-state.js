// The pad as this tab last saw it, kept in localStorage so a reload (even offline) restores the text
// at once and nothing typed is lost.
//
// Per (pad, secret) two keys: `base` = the client core's full serialisation (Client.toStorage():
// server text and author runs at rev, seq counter, outstanding and buffer ops) plus a gen number,
// written now and then; and `log` = {gen, events, client, live} rewritten on every change. An event
// is an operation committed on the server document since the base, in order: [op, authorId] (a
// remote op, or our own op when acknowledged). `client` is the same serialisation without text and
// runs. Every change thus writes a small value, not the whole document; the base is rewritten when
// the log grows or the page goes quiet. Crash safety: a log only counts when its gen equals the
// base's, and a compaction writes the new base (gen + 1) before the empty log, so no event is
// applied twice.

import { AttributedText } from '../ot/attributed-text.js';

const PREFIX = 'ardoise.pad.';
const COMPACT_EVERY = 100;
const COMPACT_IDLE_MS = 2000;
const LIVE_EVERY_MS = 5000;
const ORPHAN_AFTER_MS = 20000;

const keyOf = (padId, secret, part) => `${PREFIX}${padId}.${secret}.${part}`;

function read(storage, key) {
  try {
    const raw = storage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch (e) {
    return null;
  }
}

/** Rebuilds {secret, stored: a Client.toStorage() value, live} from storage, or null. */
export function loadSaved(storage, padId, secret) {
  const base = read(storage, keyOf(padId, secret, 'base'));
  if (!base || !base.client || typeof base.client.text !== 'string') return null;
  const log = read(storage, keyOf(padId, secret, 'log'));
  try {
    if (!log || log.gen !== base.gen) return { secret, stored: base.client, live: base.savedAt ?? 0 };
    let doc = AttributedText.fromRuns(base.client.text, base.client.runs);
    for (const [op, author] of log.events) doc = doc.apply(op, author);
    const { text, runs } = doc.toJSON();
    return { secret, stored: { ...log.client, text, runs }, live: log.live ?? 0 };
  } catch (e) {
    // A state we cannot replay is worse than none: the server has the acknowledged text.
    return null;
  }
}

/** secrets with a saved state for this pad. */
function savedSecrets(storage, padId) {
  const ids = [];
  const prefix = `${PREFIX}${padId}.`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith(prefix) && key.endsWith('.base')) {
      ids.push(key.slice(prefix.length, -'.base'.length));
    }
  }
  return ids;
}

/**
 * The state a fresh tab (no secret of its own yet) should start from: an abandoned state with
 * unsent ops is adopted whole (its secret too, so the server deduplicates its seqs); otherwise
 * null. `hasPending(client)` tells whether a client serialisation holds unsent ops.
 */
export function adoptOrphan(storage, padId, hasPending, now = Date.now()) {
  return statesWithUnsentOps(storage, padId, hasPending).find((saved) => isAbandoned(saved, now)) ?? null;
}

/** Saved states of this pad holding unsent ops, whoever owns them. */
export function statesWithUnsentOps(storage, padId, hasPending) {
  return savedSecrets(storage, padId).map((id) => loadSaved(storage, padId, id))
    .filter((saved) => saved && hasPending(saved.stored));
}

/** No heartbeat for a while (a heuristic: background tabs' timers may be throttled). */
export function isAbandoned(saved, now = Date.now()) {
  return now - saved.live > ORPHAN_AFTER_MS;
}

/** Removes abandoned states without unsent ops (the server has all of their text). */
export function sweepAbandoned(storage, padId, keepSecret, hasPending, now = Date.now()) {
  for (const id of savedSecrets(storage, padId)) {
    if (id === keepSecret) continue;
    const saved = loadSaved(storage, padId, id);
    if (!saved || (now - saved.live > ORPHAN_AFTER_MS && !hasPending(saved.stored))) {
      storage.removeItem(keyOf(padId, id, 'base'));
      storage.removeItem(keyOf(padId, id, 'log'));
    }
  }
}

/**
 * Client.toStorage() without text and runs, built from the client's fields: toStorage() itself
 * copies every author run, which would make each keystroke cost O(runs).
 */
function smallState(client) {
  const s = client.state;
  return {
    version: 1,
    secret: client.secret,
    clientId: client.clientId,
    authorId: client.authorId,
    rev: client.rev,
    nextSeq: client.nextSeq,
    outstanding: s.outstanding ? { seq: s.seq, op: s.outstanding.toJSON() } : null,
    buffer: s.buffer ? s.buffer.toJSON() : null,
    rebasedSeq: client.rebasedSeq,
  };
}

/** Writes one tab's state as it changes. `client` is the client core (toStorage, and its fields). */
export class StateWriter {
  constructor(storage, padId, client) {
    this.storage = storage;
    this.padId = padId;
    this.client = client;
    this.gen = read(storage, keyOf(padId, client.secret, 'base'))?.gen ?? 0;
    this.events = [];
    this.idleTimer = null;
    this.failed = false;
    // A client restored from base + log holds the log's events, which `events` does not: the next
    // log write would drop them and leave a base older than the rev it claims. So a new base first.
    this.compact();
    this.liveTimer = setInterval(() => this.writeLog(), LIVE_EVERY_MS);
  }

  /** The server document moved by `op` written by `authorId` (a remote op, or our acknowledged op). */
  recordServerOp(op, authorId) {
    this.events.push([Array.isArray(op) ? op : op.toJSON(), authorId]);
    if (this.events.length >= COMPACT_EVERY) this.compact();
    else this.changed();
  }

  /** Seq counter, outstanding or buffer changed (a local edit, a resend). */
  changed() {
    this.writeLog();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.compact(), COMPACT_IDLE_MS);
  }

  /** Writes the full state now (first join, a snapshot, page hidden). O(document). */
  compact() {
    clearTimeout(this.idleTimer);
    const full = this.client.toStorage();
    if (full.text === null) return; // no document yet: nothing worth keeping
    const base = { gen: this.gen + 1, client: full, savedAt: Date.now() };
    if (!this.put('base', base)) return;
    this.gen = base.gen;
    this.events = [];
    this.writeLog();
  }

  writeLog() {
    if (this.gen === 0) return; // no base yet
    this.put('log', { gen: this.gen, events: this.events, client: smallState(this.client), live: Date.now() });
  }

  put(part, value) {
    try {
      this.storage.setItem(keyOf(this.padId, this.client.secret, part), JSON.stringify(value));
      this.failed = false;
      return true;
    } catch (e) {
      this.failed = true; // quota full or storage disabled: the status bar says so
      return false;
    }
  }

  /** No more writes (the page is gone): what was written stays for the next page. */
  stop() {
    clearInterval(this.liveTimer);
    clearTimeout(this.idleTimer);
  }

  /**
   * The pad was deleted: no more writes, and this tab's saved state is removed, so that a pad
   * opened later under the same name starts empty instead of receiving the old text's edits.
   */
  forget() {
    this.stop();
    this.put = () => false;
    for (const part of ['base', 'log']) {
      try {
        this.storage.removeItem(keyOf(this.padId, this.client.secret, part));
      } catch (e) {
        // storage disabled: nothing was kept either
      }
    }
  }
}
