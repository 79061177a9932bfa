// 3–8 clients (client.js) and an in-test sequencer over fake sockets: per-socket FIFO queues
// delivered in random order (random delays), sockets dropped with their in-flight messages lost,
// reconnects that resend, page reloads through toStorage/fromStorage, joins too old to replay.
// Every client must end with the server's text and authors, every seq committed exactly once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { Client } from '../../../webroot/js/client/client.js';
import { randomOperation, randomText } from './support/generators.mjs';
import { Random, casesFromEnv, forEachCase, seedFromEnv } from './support/random.mjs';
import { Sequencer } from './support/sequencer.mjs';

const SEED = seedFromEnv();
const RUNS = Math.max(20, Math.floor(casesFromEnv(10000) / 50));
const STEPS = 400;

/** One browser tab: its editor content, its Client and its current socket (or null). */
class Tab {
  constructor(index, run) {
    this.index = index;
    this.run = run;
    this.clientId = `client-${index}-0123456789abcdef`;
    this.authorId = `author-${index}`;
    this.editor = null;
    this.socket = null;
    this.tokens = 0;
    this.maxSeqSent = 0;
    this.client = new Client(this.options());
  }

  options() {
    return {
      clientId: this.clientId,
      authorId: this.authorId,
      send: (message) => {
        if (message.type === 'op' && message.seq <= this.maxSeqSent) this.run.stats.resends++;
        this.maxSeqSent = Math.max(this.maxSeqSent, message.seq ?? 0);
        this.socket.up.push(message);
      },
      applyOperation: (op, authorId) => { this.editor = this.editor.apply(op, authorId); },
      resetDocument: (doc) => { this.editor = doc; },
      onError: (error) => { throw error; },
    };
  }

  connect() {
    const socket = { up: [], down: [], tab: this };
    socket.deliver = (message) => socket.down.push(message);
    this.socket = socket;
    socket.up.push(this.client.joinMessage({ name: `Tab ${this.index}` }));
  }

  drop() {
    this.run.stats.drops++;
    this.run.server.disconnect(this.socket);
    this.socket = null; // what was in flight either way is lost
    this.client.disconnected();
  }

  reload() {
    if (this.socket) this.drop();
    this.run.stats.reloads++;
    if (this.client.hasPending()) this.run.stats.reloadsWithPending++;
    const saved = JSON.parse(JSON.stringify(this.client.toStorage()));
    this.client = Client.fromStorage(saved, this.options());
    const doc = this.client.document();
    this.editor = doc; // the page shows the restored document before any socket is open
  }

  edit(random, tokensOnly) {
    if (this.editor === null) return;
    let op;
    if (tokensOnly) {
      const token = `⟨${this.index}.${++this.tokens}⟩`;
      const at = pickBoundary(random, this.editor.text);
      op = [at, token, this.editor.length - at].filter((c) => c !== 0);
    } else {
      op = randomOperation(random, this.editor.text).op.toJSON();
    }
    this.editor = this.editor.apply(op, this.authorId);
    this.client.applyClient(op);
  }
}

function pickBoundary(random, text) {
  // Tokens go only between tokens (after a ⟩) or at the start, so no token is ever cut.
  const places = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '⟩') places.push(i + 1);
  return random.pick(places);
}

function deliverOne(run, random) {
  const sockets = run.tabs.map((t) => t.socket).filter((s) => s && (s.up.length || s.down.length));
  if (sockets.length === 0) return false;
  const socket = random.pick(sockets);
  const upward = socket.up.length && (!socket.down.length || random.chance(0.5));
  if (upward) {
    run.server.receive(socket, socket.up.shift());
  } else {
    const message = socket.down.shift();
    if (message.type === 'joined' && typeof message.text === 'string' && socket.tab.client.hasPending()) run.stats.rebases++;
    assert.notEqual(message.type, 'error', `server error: ${JSON.stringify(message)}`);
    socket.tab.client.receive(message);
  }
  return true;
}

function step(run, random) {
  const tab = random.pick(run.tabs);
  const roll = random.next();
  if (roll < 0.3) tab.edit(random, run.tokensOnly);
  else if (roll < 0.9) deliverOne(run, random);
  else if (roll < 0.94) { if (tab.socket) tab.drop(); else tab.connect(); }
  else if (roll < 0.96) tab.reload();
  else if (!tab.socket) tab.connect();
  for (const t of run.tabs) {
    if (t.editor !== null) assert.deepEqual(t.editor.toJSON(), t.client.document().toJSON(), `tab ${t.index} editor`);
  }
}

const stats = { drops: 0, reloads: 0, reloadsWithPending: 0, resends: 0, rebases: 0, reAcks: 0 };

function simulate(random) {
  const tokensOnly = random.chance(0.3);
  const server = new Sequencer({ replayWindow: tokensOnly || random.chance(0.5) ? Infinity : random.int(6) });
  const run = { server, tokensOnly, tabs: [], stats };
  const count = 3 + random.int(6);
  for (let i = 0; i < count; i++) run.tabs.push(new Tab(i, run));
  for (const tab of run.tabs) tab.connect();
  if (!tokensOnly) {
    // Start from a shared non-empty text so the first edits do not all pile up at position 0.
    server.doc = AttributedText.of(randomText(random, 10), 'seed');
  }
  for (let i = 0; i < STEPS; i++) step(run, random);
  for (const tab of run.tabs) if (!tab.socket) tab.connect();
  let guard = 0;
  while (deliverOne(run, random)) assert.ok(++guard < 1e6, 'messages never stop');
  return run;
}

function checkConverged(run) {
  const { server } = run;
  const expected = server.doc.toJSON();
  let sent = 0;
  for (const tab of run.tabs) {
    assert.equal(tab.client.hasPending(), false, `tab ${tab.index} still has pending ops`);
    assert.equal(tab.client.rev, server.rev, `tab ${tab.index} rev`);
    assert.deepEqual(tab.editor.toJSON(), expected, `tab ${tab.index} text and authors`);
    const committed = server.lastSeq(tab.clientId);
    assert.equal(committed, tab.client.nextSeq - 1, `tab ${tab.index}: every seq committed once`);
    sent += committed;
    if (run.tokensOnly) {
      for (let n = 1; n <= tab.tokens; n++) {
        const hits = expected.text.split(`⟨${tab.index}.${n}⟩`).length - 1;
        assert.equal(hits, 1, `token ⟨${tab.index}.${n}⟩ appears ${hits} times`);
      }
    }
  }
  assert.equal(server.history.length, sent, 'the server holds exactly the ops the clients sent');
  assert.deepEqual(server.errors, []);
}

test(`network simulation: ${RUNS} runs of ${STEPS} steps with 3–8 clients (seed ${SEED})`, (t) => {
  t.diagnostic(`ARDOISE_SEED=${SEED} runs=${RUNS}`);
  let revisions = 0;
  forEachCase('network simulation', SEED, RUNS, (random) => {
    const run = simulate(new Random(random.int(4294967296)));
    checkConverged(run);
    revisions += run.server.rev;
    stats.reAcks += run.server.reAcks;
  });
  t.diagnostic(`${revisions} revisions committed; ${JSON.stringify(stats)}`);
  // The runs must really exercise the hard paths, or a passing test proves little.
  // (reAcks stays 0: a client resends only ops the server did not report as committed.)
  for (const key of ['drops', 'reloads', 'reloadsWithPending', 'resends', 'rebases']) assert.ok(stats[key] > 0, `no ${key} happened`);
});
