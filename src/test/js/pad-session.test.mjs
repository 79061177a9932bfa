// PadSession, message by message: what it sends, what the editor and the status bar show. The
// socket is a fake the test opens and feeds; the clock is node:test's mock.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { PadSession } from '../../../webroot/js/pad/pad-session.js';
import { FakeEditor, MemoryStorage, fakeSockets } from './support/fake-page.mjs';

const CLIENT = 'tab-0123456789abcdef'; // the public ids the server derives from the secrets below
const ME = 'author-0123456789abcdef';
const SECRET = 'tab-secret-0123456789';
const AUTHOR_SECRET = 'author-secret-0123456789';
const insertAt = (length, at, text) => new TextOperation().retain(at).insert(text).retain(length - at);

/** A session on pad "pad" with a fake socket, editor and UI; `saved` is a chooseClient saved state. */
function openSession(saved = null, storage = new MemoryStorage(), { profile = { name: 'Zoé', color: '#112233' }, fetchAuthors } = {}) {
  storage.setItem('ardoise.authorSecret', AUTHOR_SECRET);
  const { sockets, FakeSocket } = fakeSockets();
  const editor = new FakeEditor();
  const ui = { shown: [], members: null, errors: [], ownColors: [] };
  ui.ownColor = (color) => ui.ownColors.push(color);
  ui.status = (s) => ui.shown.push(s);
  ui.presence = (members) => { ui.members = members.map((m) => m.clientId); };
  ui.error = (code) => ui.errors.push(code);
  const session = new PadSession({
    padId: 'pad', chosen: { secret: SECRET, saved }, storage, editor, ui, profile,
    transport: { url: 'ws://h/ws/pad', WebSocketImpl: FakeSocket, random: () => 0, fetchAuthors },
  });
  editor.onSelection = (range) => session.localSelection(range);
  session.start();
  const page = { session, editor, ui, sockets, storage };
  page.socket = () => sockets.at(-1);
  page.sent = () => page.socket().sent;
  page.receive = (message) => page.socket().receive(message);
  page.type = (op) => editor.type(op, ME, (typed) => session.localOperation(typed));
  /** Opens the current socket and answers its join with `joined` (text and authors unless `replay`). */
  page.join = (rev, { text, lastSeq = 0, replay = false } = {}) => {
    page.socket().open();
    const joined = { type: 'joined', rev, clientId: CLIENT, authorId: ME, lastSeq };
    if (!replay) Object.assign(joined, { text, authors: text ? [[text.length, 'srv']] : [] });
    page.receive(joined);
  };
  /** The socket dies; the backoff (jitter 0) opens the next one. */
  page.lose = () => {
    page.socket().lose();
    mock.timers.tick(10000);
  };
  return page;
}

let pages;
beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: 1_000_000 });
  pages = [];
});
afterEach(() => {
  for (const page of pages) page.session.close();
  mock.timers.reset();
});
const open = (...args) => {
  const page = openSession(...args);
  pages.push(page);
  return page;
};

describe('PadSession colours', () => {
  test('a picked colour is sent as color, one not picked as preferredColor', () => {
    const p = open(null, new MemoryStorage(), { profile: { name: 'Zoé', color: '#b3261e', colorChosen: true } });
    p.socket().open();
    assert.equal(p.sent()[0].color, '#b3261e');
    assert.equal(p.sent()[0].preferredColor, undefined);
  });

  test('the colour the pad gives (the preferred one was taken) is shown and asked for on the next join', () => {
    const p = open();
    p.join(0, { text: '' });
    p.receive({ type: 'presence', members: [{ clientId: CLIENT, authorId: ME, name: 'Zoé', color: '#2e7d32' }] });
    assert.deepEqual(p.ui.ownColors, ['#2e7d32']);
    assert.equal(p.editor.colors.get(ME), '#2e7d32', 'our own text in the colour the others see');
    p.lose();
    p.socket().open();
    assert.equal(p.sent()[0].preferredColor, '#2e7d32');
  });

  test('a picked colour is never replaced by what presence says', () => {
    const p = open(null, new MemoryStorage(), { profile: { name: 'Zoé', color: '#b3261e', colorChosen: true } });
    p.join(0, { text: '' });
    p.receive({ type: 'presence', members: [{ clientId: CLIENT, authorId: ME, name: 'Zoé', color: '#2e7d32' }] });
    assert.deepEqual(p.ui.ownColors, []);
  });

  test('authors who left get the colour the server keeps for them, not a guess', async () => {
    const asked = [];
    const fetchAuthors = async (padId) => {
      asked.push(padId);
      return new Map([['gone-0123456789abcdef', '#ad1457'], [ME, '#000000'], ['here-0123456789abcdef', '#000001']]);
    };
    const p = open(null, new MemoryStorage(), { fetchAuthors });
    p.join(1, { text: 'x' });
    p.receive({ type: 'presence', members: [
      { clientId: CLIENT, authorId: ME, name: 'Zoé', color: '#112233' },
      { clientId: 'here-tab-0123456789ab', authorId: 'here-0123456789abcdef', name: 'Ici', color: '#5e35b1' }] });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(asked, ['pad']);
    assert.equal(p.editor.colors.get('gone-0123456789abcdef'), '#ad1457');
    assert.equal(p.editor.colors.get(ME), '#112233', 'our own colour is ours, whatever the server remembered');
    assert.equal(p.editor.colors.get('here-0123456789abcdef'), '#5e35b1', 'members present: their live colour');
    // An op by an author this tab has no colour for (a restore from the history page) asks again.
    p.receive({ type: 'op', rev: 2, clientId: 'srv-edit-0123456789ab', authorId: 'restorer-0123456789ab', op: [1, 'y'] });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(asked.length, 2);
  });
});

describe('PadSession joins', () => {
  test('asks for batches without rev, shows the text, becomes editable and online', () => {
    const p = open();
    assert.equal(p.editor.editable, false, 'nothing to edit before the first joined');
    p.socket().open();
    assert.deepEqual(p.sent(), [{ type: 'join', secret: SECRET, batch: true, presenceChanges: true, name: 'Zoé', preferredColor: '#112233', authorSecret: AUTHOR_SECRET }]);
    p.receive({ type: 'joined', rev: 4, clientId: CLIENT, authorId: ME, lastSeq: 0, text: 'Bonjour', authors: [[7, 'ana']] });
    p.receive({ type: 'presence', members: [{ clientId: 'ana-0123456789abcdef' }, { clientId: CLIENT }] });
    assert.deepEqual(p.editor.doc.toJSON(), { text: 'Bonjour', runs: [[7, 'ana']] });
    assert.equal(p.editor.editable, true);
    assert.equal(p.session.joined, true);
    assert.deepEqual(p.ui.shown.at(-1), { connection: 'online', pending: 0, storageFailed: false });
    assert.deepEqual(p.ui.members, ['ana-0123456789abcdef', CLIENT]);
  });

  test('rejoins with its rev after a lost socket, and takes the replay', () => {
    const p = open();
    p.join(2, { text: 'ab' });
    p.lose();
    assert.equal(p.session.joined, false);
    assert.deepEqual(p.ui.members, [CLIENT], 'offline, only oneself is known to be here');
    p.socket().open();
    assert.equal(p.sent()[0].rev, 2);
    p.receive({ type: 'joined', rev: 2, clientId: CLIENT, authorId: ME, lastSeq: 0 });
    p.receive({ type: 'batch', messages: [{ type: 'op', rev: 3, clientId: 'x-0123456789abcdef', authorId: 'ana', seq: 1, op: [2, 'c'] }] });
    assert.equal(p.editor.doc.text, 'abc');
    assert.equal(p.session.client.rev, 3);
  });
});

describe('PadSession acks', () => {
  test('an edit is sent with rev and seq; edits typed meanwhile wait; a single ack sends them', () => {
    const p = open();
    p.join(3, { text: 'abc' });
    p.type(insertAt(3, 3, 'd'));
    p.type(insertAt(4, 4, 'e'));
    assert.deepEqual(p.sent().filter((m) => m.type === 'op'), [{ type: 'op', rev: 3, seq: 1, op: [3, 'd'] }]);
    assert.equal(p.ui.shown.at(-1).pending, 2);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 4, seq: 2, op: [4, 'e'] });
    p.receive({ type: 'ack', seq: 2, rev: 5 });
    assert.equal(p.ui.shown.at(-1).pending, 0);
    assert.deepEqual(p.session.client.serverDoc.toJSON(), { text: 'abcde', runs: [[3, 'srv'], [2, ME]] });
  });

  test('a batch holding our own revision is read as our ack; our own cursor in it is skipped', () => {
    const p = open();
    p.join(3, { text: 'abc' });
    p.receive({ type: 'presence', members: [{ clientId: CLIENT }, { clientId: 'ana-0123456789abcdef', name: 'Ana' }] });
    p.type(insertAt(3, 3, '!'));
    p.receive({
      type: 'batch',
      messages: [
        { type: 'op', rev: 4, clientId: 'ana-0123456789abcdef', authorId: 'ana', seq: 9, op: ['R', 3] },
        { type: 'op', rev: 5, clientId: CLIENT, authorId: ME, seq: 1, op: [4, '!'] },
        { type: 'cursor', clientId: CLIENT, rev: 5, anchor: 0, head: 0 },
        { type: 'cursor', clientId: 'ana-0123456789abcdef', rev: 5, anchor: 1, head: 3 },
      ],
    });
    assert.equal(p.session.client.hasPending(), false);
    assert.equal(p.session.client.rev, 5);
    assert.deepEqual(p.editor.doc.toJSON(), { text: 'Rabc!', runs: [[1, 'ana'], [3, 'srv'], [1, ME]] });
    assert.deepEqual([...p.editor.carets], [['ana-0123456789abcdef', { anchor: 1, head: 3 }]]);
    assert.equal(p.ui.shown.at(-1).pending, 0);
  });
});

describe('PadSession unsaved text', () => {
  test('counts characters typed or deleted, not keystrokes; nothing before the text is known', () => {
    const p = open();
    assert.equal(p.ui.shown.at(-1).pending, null, 'no text yet: neither saved nor unsaved');
    p.join(3, { text: 'abc' });
    assert.equal(p.ui.shown.at(-1).pending, 0);
    let length = 3;
    for (const ch of 'Bonjour à tous 🙂') {
      p.type(insertAt(length, length, ch));
      length += ch.length;
    }
    assert.equal(p.ui.shown.at(-1).pending, 16, 'one per character typed (the emoji is one)');
    p.type(insertAt(length, length, 'x'));
    p.type(new TextOperation().retain(length).delete(1));
    assert.equal(p.ui.shown.at(-1).pending, 16, 'typed and erased again: nothing more to save');
    p.type(new TextOperation().retain(length - 2).delete(2)); // the emoji erased again
    length -= 2;
    p.type(new TextOperation().delete(3).retain(length - 3)); // and the text that was there
    assert.equal(p.ui.shown.at(-1).pending, 15 + 3, '"Bonjour à tous " typed, "abc" deleted; the emoji is gone');
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.equal(p.ui.shown.at(-1).pending, 14 + 3);
    p.receive({ type: 'ack', seq: 2, rev: 5 });
    assert.equal(p.ui.shown.at(-1).pending, 0);
  });
});

describe('PadSession after a reconnect', () => {
  test('the unacknowledged op is resent with its seq once joined, and only then', () => {
    const p = open();
    p.join(3, { text: 'abc' });
    p.type(insertAt(3, 3, '1'));
    p.lose();
    p.type(insertAt(4, 4, '2'));
    p.socket().open();
    assert.deepEqual(p.sent().map((m) => m.type), ['join'], 'nothing but the join before joined');
    p.receive({ type: 'joined', rev: 3, clientId: CLIENT, authorId: ME, lastSeq: 0 });
    assert.deepEqual(p.sent().filter((m) => m.type === 'op'), [{ type: 'op', rev: 3, seq: 1, op: [3, '1'] }]);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 4, seq: 2, op: [4, '2'] });
  });

  test('an op the server committed before the loss is not resent: its ack comes with the replay', () => {
    const p = open();
    p.join(3, { text: 'abc' });
    p.type(insertAt(3, 3, '1'));
    p.lose();
    p.join(3, { lastSeq: 1, replay: true });
    assert.deepEqual(p.sent().filter((m) => m.type === 'op'), []);
    p.receive({ type: 'batch', messages: [{ type: 'op', rev: 4, clientId: CLIENT, authorId: ME, seq: 1, op: [3, '1'] }] });
    assert.equal(p.session.client.hasPending(), false);
    assert.equal(p.editor.doc.text, 'abc1');
  });

  test('a rejoin too old to replay moves the editor onto the text with its authors and resends our edit', () => {
    const p = open();
    p.join(7, { text: 'Bonjour' });
    p.lose();
    p.type(insertAt(7, 7, ' à tous'));
    p.socket().open();
    p.receive({ type: 'joined', rev: 20, clientId: CLIENT, authorId: ME, lastSeq: 0, text: 'Salut, Bonjour', authors: [[7, 'ana'], [7, 'srv']] });
    assert.deepEqual(p.editor.doc.toJSON(), { text: 'Salut, Bonjour à tous', runs: [[7, 'ana'], [7, 'srv'], [7, ME]] });
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 20, seq: 1, op: [14, ' à tous'] });
  });

  test('a saved state with an unsent edit shows it at once, offline, and sends it after joined', () => {
    const storage = new MemoryStorage();
    const first = open(null, storage);
    first.join(3, { text: 'abc' });
    first.lose();
    first.type(insertAt(3, 3, '!'));
    first.session.close();
    const stored = JSON.parse(JSON.stringify(first.session.client.toStorage()));
    const p = open({ secret: SECRET, stored }, storage);
    assert.equal(p.editor.doc.text, 'abc!');
    assert.equal(p.editor.editable, true);
    assert.equal(p.ui.shown.at(-1).pending, 1);
    p.socket().open();
    assert.equal(p.sent()[0].rev, 3);
    p.receive({ type: 'joined', rev: 3, clientId: CLIENT, authorId: ME, lastSeq: 0 });
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 3, seq: 1, op: [3, '!'] });
  });
});

describe('PadSession errors', () => {
  test('rate-limited and store-unavailable: the same op is resent after a pause', () => {
    const p = open();
    p.join(0, { text: '' });
    p.type(insertAt(0, 0, 'a'));
    const ops = () => p.sent().filter((m) => m.type === 'op');
    p.receive({ type: 'error', code: 'rate-limited', message: 'slow down' });
    mock.timers.tick(999);
    assert.equal(ops().length, 1);
    mock.timers.tick(1);
    assert.deepEqual(ops()[1], ops()[0]);
    p.receive({ type: 'error', code: 'store-unavailable', message: 'later', seq: 1 });
    mock.timers.tick(3000);
    assert.equal(ops().length, 3);
    assert.deepEqual(p.ui.errors, ['store-unavailable'], 'a store outage is shown, a rate limit is not');
    p.receive({ type: 'ack', seq: 1, rev: 1 });
    assert.deepEqual(p.ui.errors, ['store-unavailable', null], 'the ack clears it');
  });

  test('quota-exceeded: the refused op is kept, sent again unchanged after retryAfter, and what was typed meanwhile follows', () => {
    const p = open();
    p.join(0, { text: '' });
    p.type(insertAt(0, 0, 'a'));
    const ops = () => p.sent().filter((m) => m.type === 'op');
    p.receive({ type: 'error', code: 'quota-exceeded', message: 'too much', seq: 1, retryAfter: 7 });
    assert.deepEqual(p.ui.errors, ['quota-exceeded'], 'the person is told');
    p.type(insertAt(1, 1, 'b'));
    mock.timers.tick(6999);
    assert.equal(ops().length, 1, 'not before the time the server gave');
    mock.timers.tick(501);
    assert.equal(ops().length, 2);
    assert.deepEqual(ops()[1], ops()[0], 'the same op, same seq: nothing lost, nothing doubled');
    p.receive({ type: 'ack', seq: 1, rev: 1 });
    assert.deepEqual(ops()[2], { type: 'op', rev: 1, seq: 2, op: [1, 'b'] }, 'the edit typed meanwhile goes next');
    assert.deepEqual(p.ui.errors, ['quota-exceeded', null], 'the ack clears the message');
    assert.equal(p.editor.doc.text, 'ab');
  });

  test('profile-rate-limited: the current profile is sent again a second later, without an error shown', () => {
    const p = open();
    p.join(0, { text: '' });
    const profiles = () => p.sent().filter((m) => m.type === 'profile');
    p.session.setProfile({ name: 'Zoé B.', color: '#112233' });
    p.receive({ type: 'error', code: 'profile-rate-limited', message: 'slow down' });
    p.session.setProfile({ name: 'Zoé Bernard', color: '#112233' });
    p.receive({ type: 'error', code: 'profile-rate-limited', message: 'slow down' });
    mock.timers.tick(999);
    assert.equal(profiles().length, 2);
    mock.timers.tick(1);
    assert.deepEqual(profiles().map((m) => m.name), ['Zoé B.', 'Zoé Bernard', 'Zoé Bernard'], 'the latest name, once');
    assert.deepEqual(p.ui.errors, []);
  });

  test('bad-op for our op drops the socket; the next join resumes at our rev and resends', () => {
    const p = open();
    p.join(1, { text: 'a' });
    p.type(insertAt(1, 1, 'b'));
    p.receive({ type: 'error', code: 'bad-op', message: 'no', seq: 1 });
    assert.equal(p.session.joined, false);
    mock.timers.tick(10000);
    p.join(1, { replay: true });
    assert.equal(p.sent()[0].rev, 1);
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 1, seq: 1, op: [1, 'b'] });
  });

  test('rev-too-old for our op rejoins for the text; the op is rebased on it and resent on the head, nothing is lost', () => {
    const p = open();
    p.join(1, { text: 'a' });
    p.type(insertAt(1, 1, 'b'));
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 1, seq: 1, op: [1, 'b'] });
    mock.method(console, 'warn', () => {});
    p.receive({ type: 'error', code: 'rev-too-old', message: 'rev 1 is too far behind the head 6000', seq: 1 });
    console.warn.mock.restore();
    assert.equal(p.session.joined, false, 'the socket is dropped');
    assert.deepEqual(p.ui.errors, [], 'nothing to tell the person');
    mock.timers.tick(10000);
    p.join(6000, { text: 'Xa' });
    assert.equal(p.sent()[0].rev, undefined, 'joins for the text: a replay would come after the resend at the old rev');
    assert.equal(p.editor.doc.text, 'Xab', 'the typed b is kept, rebased on the text');
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 6000, seq: 1, op: [2, 'b'] }, 'the same seq, resent on the head');
    // Its ack, as the batch frame that carries the committed op (checked against the rebased copy).
    p.receive({ type: 'batch', messages: [{ type: 'op', rev: 6001, clientId: CLIENT, authorId: ME, seq: 1, op: [2, 'b'] }] });
    assert.equal(p.session.client.hasPending(), false);
    assert.equal(p.session.joined, true);
    assert.equal(p.session.client.document().text, 'Xab');
  });

  test('bad-rev before joined (the pad is behind us) asks for the text instead of a replay', () => {
    const p = open();
    p.join(5, { text: 'abcde' });
    p.lose();
    p.socket().open();
    p.receive({ type: 'error', code: 'bad-rev', message: 'rev 5 above head 2' });
    assert.deepEqual(p.sent().map((m) => m.rev), [5, undefined]);
  });

  test('a message that contradicts our state (a missing revision) starts over from the server’s text', () => {
    const p = open();
    p.join(1, { text: 'a' });
    mock.method(console, 'error', () => {});
    p.receive({ type: 'op', rev: 3, clientId: 'x-0123456789abcdef', authorId: 'ana', op: [1, 'b'] });
    console.error.mock.restore();
    assert.equal(p.session.joined, false);
    assert.equal(p.editor.doc.text, 'a', 'nothing applied');
    mock.timers.tick(10000);
    p.socket().open();
    assert.equal(p.sent()[0].rev, undefined, 'a replay from rev 1 would bring the same gap');
  });

  test('the server committed the copy of our op sent before a snapshot: the page takes the text again', () => {
    const p = open();
    p.join(2, { text: 'ab' });
    p.type(insertAt(2, 1, 'c')); // seq 1 leaves on the first socket…
    p.lose();
    p.socket().open(); // …and reaches the server only after this join was answered with the text
    p.receive({ type: 'joined', rev: 5, clientId: CLIENT, authorId: ME, lastSeq: 0, text: 'ab', authors: [[2, 'ana']] });
    assert.deepEqual(p.sent().at(-1), { type: 'op', rev: 5, seq: 1, op: [1, 'c', 1] }, 'our rebase, resent');
    mock.method(console, 'warn', () => {});
    p.receive({ type: 'batch', messages: [{ type: 'op', rev: 6, clientId: CLIENT, authorId: ME, seq: 1, op: ['c', 2] }] });
    assert.match(String(console.warn.mock.calls[0].arguments.at(-1)), /ResyncError/);
    console.warn.mock.restore();
    mock.timers.tick(10000);
    p.socket().open();
    assert.equal(p.sent()[0].rev, undefined);
    p.receive({ type: 'joined', rev: 7, clientId: CLIENT, authorId: ME, lastSeq: 1, text: 'cab', authors: [[1, ME], [2, 'ana']] });
    assert.deepEqual(p.editor.doc.toJSON(), { text: 'cab', runs: [[1, ME], [2, 'ana']] });
    assert.equal(p.session.client.hasPending(), false);
    assert.equal(p.sent().filter((m) => m.type === 'op').length, 0, 'seq 1 is in the text: not sent again');
  });
});

describe('PadSession cursors', () => {
  test('sent after joined and after the ack, never while an op waits, at most one per 100 ms', () => {
    const p = open();
    p.join(2, { text: 'ab' });
    const cursors = () => p.sent().filter((m) => m.type === 'cursor');
    assert.deepEqual(cursors(), [{ type: 'cursor', rev: 2, anchor: 0, head: 0 }], 'joined: the others learn where we are');
    mock.timers.tick(100);
    p.editor.select({ anchor: 1, head: 2 });
    assert.deepEqual(cursors().at(-1), { type: 'cursor', rev: 2, anchor: 1, head: 2 });
    p.type(insertAt(2, 0, 'x'));
    p.editor.select({ anchor: 0, head: 0 });
    mock.timers.tick(200);
    assert.equal(cursors().length, 2, 'no cursor while our op is unacknowledged');
    p.receive({ type: 'ack', seq: 1, rev: 3 });
    assert.deepEqual(cursors().at(-1), { type: 'cursor', rev: 3, anchor: 0, head: 0 });
    p.editor.select({ anchor: 1, head: 1 });
    p.editor.select({ anchor: 2, head: 2 });
    assert.equal(cursors().length, 3, 'the next one waits for the interval');
    mock.timers.tick(100);
    assert.deepEqual(cursors().at(-1), { type: 'cursor', rev: 3, anchor: 2, head: 2 }, 'and takes the latest selection');
  });
});
