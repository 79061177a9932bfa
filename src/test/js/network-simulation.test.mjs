// The pad page's own code under a hostile network: 2–6 tabs, each a PadSession (client core, its
// Connection with watchdog and backoff, saved state, presence) chosen by chooseClient like the page,
// plus sometimes a read-only ViewerSession, all talking to a Sequencer through SimNetwork: random
// delays, per-socket FIFO, broken and black-holed sockets, network outages, server restarts, page
// reloads and crashes, refused ops, joins too old to replay, batch or single frames. Time is
// node:test's mock clock, so a run of minutes takes milliseconds. After every step each editor shows
// what its client core holds; at the end every tab shows the server's text and authors, every seq
// was committed exactly once (and, in token runs, every typed token is there once), and the viewer
// shows the same text. A failure names the seed that replays it (ARDOISE_SEED).

import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { chooseClient } from '../../../webroot/js/pad/choose-client.js';
import { PadSession, hasPending } from '../../../webroot/js/pad/pad-session.js';
import { ViewerSession } from '../../../webroot/js/viewer/viewer-session.js';
import { FakeEditor, FakeWindow, MemoryStorage } from './support/fake-page.mjs';
import { randomOperation, randomText } from './support/generators.mjs';
import { Random, casesFromEnv, forEachCaseAsync, seedFromEnv } from './support/random.mjs';
import { Sequencer } from './support/sequencer.mjs';
import { SimNetwork } from './support/sim-network.mjs';

const SEED = seedFromEnv();
const RUNS = Math.max(20, Math.floor(casesFromEnv(10000) / 25));
const STEPS = 200;
const PAD = 'simulation';
const quiet = { status() {}, presence() {}, error() {} };
const stats = { reloads: 0, reloadsWithPending: 0, crashes: 0, rebases: 0, resyncs: 0, edits: 0, viewers: 0 };

/** One browser tab showing the pad; a reload replaces its page (session) and keeps its storage. */
class Tab {
  constructor(run, index, browser) {
    Object.assign(this, { run, index, browser, tokens: 0 });
    this.tabStorage = new MemoryStorage();
    this.tabStorage.setItem('ardoise.clientId', `tab-${index}-0123456789abcdef`);
    this.link = { onDeliver: (m) => this.heard(m) };
  }

  async open() {
    const { storage } = this.browser;
    this.win = new FakeWindow();
    const chosen = await chooseClient({ storage, tabStorage: this.tabStorage, padId: PAD, hasPending, locks: null, win: this.win });
    this.editor = new FakeEditor(this.run.problems);
    this.session = new PadSession({
      padId: PAD, chosen, storage, editor: this.editor, ui: quiet, profile: { name: `Tab ${this.index}`, color: '#336699' },
      transport: { url: `ws://sim/ws/${PAD}`, WebSocketImpl: this.run.network.webSocketFor(this.link), random: () => this.run.random.next() },
    });
    this.editor.onSelection = (range) => this.session.localSelection(range);
    this.session.start();
  }

  /**
   * What a reload does: on pagehide the clientId's claim is released, then pad-app writes the full
   * state; then a new page. A `crash` kills the page between the two, so the next page starts from
   * what was written on each change (the saved state's log).
   */
  async reload(crash) {
    stats.reloads++;
    if (this.session.client.hasPending()) stats.reloadsWithPending++;
    if (crash) stats.crashes++;
    this.win.dispatch('pagehide');
    if (!crash) this.session.flush();
    this.session.close();
    await this.open();
  }

  heard(message) {
    if (message.type === 'joined' && typeof message.text === 'string' && this.session.client.hasPending()) stats.rebases++;
  }

  edit(random) {
    const { doc, editable } = this.editor;
    if (!doc || !editable) return;
    const op = this.run.tokensOnly ? this.tokenInsert(random, doc.text) : randomOperation(random, doc.text).op;
    stats.edits++;
    this.editor.type(op, this.session.client.authorId, (typed) => this.session.localOperation(typed));
  }

  /** Inserts ⟨tab.n⟩ between tokens, so no token is ever cut and each can be counted at the end. */
  tokenInsert(random, text) {
    const places = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '⟩') places.push(i + 1);
    const at = random.pick(places);
    return new TextOperation().retain(at).insert(`⟨${this.index}.${++this.tokens}⟩`).retain(text.length - at);
  }

  select(random) {
    const length = this.editor.doc?.length ?? 0;
    this.editor.select({ anchor: random.int(length + 1), head: random.int(length + 1) });
  }
}

/** A read-only page (projector): the text it shows. */
function openViewer(run) {
  const viewer = { text: null, link: {} };
  viewer.session = new ViewerSession({
    url: 'ws://sim/ws/r/readOnlyId0123456789ab',
    WebSocketImpl: run.network.webSocketFor(viewer.link),
    random: () => run.random.next(),
    view: { reset: (text) => { viewer.text = text; }, apply: (op) => { viewer.text = op.apply(viewer.text); } },
    ui: quiet,
  });
  viewer.session.start();
  return viewer;
}

async function act(run, random) {
  const tab = random.pick(run.tabs);
  const roll = random.next();
  const socket = () => random.pick(run.network.socketsOf(tab.link));
  if (roll < 0.45) tab.edit(random);
  else if (roll < 0.55) tab.select(random);
  else if (roll < 0.58) run.network.cut(socket());
  else if (roll < 0.59) run.network.blackHole(socket());
  else if (roll < 0.6) run.network.outage(tab.link, 500 + random.int(15000));
  else if (roll < 0.62) await tab.reload(random.chance(0.5));
  else if (roll < 0.625) tab.session.setProfile({ name: `Tab ${tab.index}.${random.int(9)}`, color: '#993366' });
  else if (roll < 0.627) run.network.restart();
  // otherwise time only passes
}

function checkEditors(run) {
  for (const tab of run.tabs) {
    const shown = tab.editor.doc;
    const core = tab.session.client.document();
    // equals() first: deepEqual on every step would cost more than the simulation itself.
    if (shown !== null && !shown.equals(core)) assert.deepEqual(shown.toJSON(), core.toJSON(), `tab ${tab.index}: editor and client core differ`);
  }
  assert.deepEqual(run.problems, []);
}

function settled(run) {
  const { server, network } = run;
  return network.inFlight === 0 && !server.flushWanted
    && run.tabs.every(({ session }) => session.joined && !session.client.hasPending() && session.client.rev === server.rev)
    && run.viewers.every(({ session }) => session.joined && session.rev === server.rev);
}

async function simulate(random) {
  const tokensOnly = random.chance(0.3);
  const run = { random, tokensOnly, tabs: [], viewers: [], problems: [], refusing: random.chance(0.3) };
  run.server = new Sequencer({
    doc: tokensOnly ? AttributedText.EMPTY : AttributedText.of(randomText(random, 10), 'seed'),
    replayWindow: tokensOnly || random.chance(0.5) ? Infinity : random.int(6),
    scheduleFlush: () => setTimeout(() => run.server.flush(), random.int(30)),
    refuse: () => (run.refusing && random.chance(0.05) ? random.pick(['rate-limited', 'store-unavailable']) : null),
    batches: random.chance(0.8),
  });
  run.network = new SimNetwork({ server: run.server, random });
  const browsers = Array.from({ length: 1 + random.int(3) }, (_, i) => {
    const storage = new MemoryStorage();
    storage.setItem('ardoise.authorId', `author-${i}-0123456789abcdef`);
    return { storage };
  });
  const count = 2 + random.int(5);
  for (let i = 0; i < count; i++) run.tabs.push(new Tab(run, i, random.pick(browsers)));
  for (const tab of run.tabs) await tab.open();
  if (random.chance(0.3)) run.viewers.push(openViewer(run));
  stats.viewers += run.viewers.length;
  try {
    for (let i = 0; i < STEPS; i++) {
      mock.timers.tick(random.int(25));
      await act(run, random);
      checkEditors(run);
    }
    run.refusing = false;
    for (const tab of run.tabs) tab.link.offlineUntil = 0;
    for (let waited = 0; !settled(run); waited += 200) {
      assert.ok(waited < 300000, 'the pad never settled after 5 minutes without faults');
      mock.timers.tick(200);
    }
    checkEditors(run);
    return run;
  } finally {
    for (const { session } of [...run.tabs, ...run.viewers]) session.close();
  }
}

function checkConverged(run, logged) {
  const { server } = run;
  assert.deepEqual(logged, [], 'pages logged errors');
  assert.deepEqual(server.errors, [], 'a page broke the protocol');
  const expected = server.doc.toJSON();
  const clientIds = new Set();
  for (const tab of run.tabs) {
    const { client } = tab.session;
    assert.deepEqual(tab.editor.doc.toJSON(), expected, `tab ${tab.index} text and authors`);
    assert.equal(server.lastSeq(client.clientId), client.nextSeq - 1, `tab ${tab.index}: every seq committed once`);
    clientIds.add(client.clientId);
    for (let n = 1; run.tokensOnly && n <= tab.tokens; n++) {
      const hits = expected.text.split(`⟨${tab.index}.${n}⟩`).length - 1;
      assert.equal(hits, 1, `token ⟨${tab.index}.${n}⟩ appears ${hits} times`);
    }
  }
  const committed = [...server.seqs.values()].reduce((sum, seqs) => sum + seqs.size, 0);
  assert.equal(server.history.length, committed, 'the server holds exactly the ops the pages sent, once each');
  for (const viewer of run.viewers) assert.equal(viewer.text, expected.text, 'the viewer shows the text');
}

test(`network simulation: ${RUNS} runs of ${STEPS} steps, 2–6 PadSessions and sometimes a viewer (seed ${SEED})`, async (t) => {
  t.diagnostic(`ARDOISE_SEED=${SEED} runs=${RUNS}`);
  // Refusals the server sent are expected in the log, and so is a resync (Client.serverAck: the
  // server committed the copy of an op sent before a snapshot); anything else a page logs is a failure.
  const logged = [];
  const log = (...args) => {
    const text = args.map(String).join(' ');
    if (/ResyncError/.test(text)) stats.resyncs++;
    else if (!/server error (rate-limited|store-unavailable)/.test(text)) logged.push(text);
  };
  mock.method(console, 'warn', log);
  mock.method(console, 'error', log);
  const totals = { revisions: 0, network: {}, server: {} };
  const add = (into, from) => { for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v; };
  try {
    await forEachCaseAsync('network simulation', SEED, RUNS, async (random) => {
      mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: 0 });
      try {
        logged.length = 0;
        const run = await simulate(new Random(random.int(4294967296)));
        checkConverged(run, logged);
        totals.revisions += run.server.rev;
        add(totals.network, run.network.stats);
        add(totals.server, run.server.stats);
      } finally {
        mock.timers.reset();
      }
    });
  } finally {
    console.warn.mock.restore();
    console.error.mock.restore();
  }
  t.diagnostic(`${totals.revisions} revisions; ${JSON.stringify(stats)}; ${JSON.stringify(totals.network)}; ${JSON.stringify(totals.server)}`);
  // The runs must really take the hard paths, or a passing test proves little.
  const took = { ...stats, ...totals.network, ...totals.server };
  for (const key of ['reloads', 'reloadsWithPending', 'crashes', 'rebases', 'viewers', 'failedConnects', 'cuts', 'blackHoles',
    'outages', 'restarts', 'resends', 'refused', 'batches']) {
    assert.ok(took[key] > 0, `no ${key} happened`);
  }
});
