// The owner's policy seen from one tab (js/pad/pad-access.js, write-gate.js, pad-password.js): an op
// refused by a lock or a missing password is kept with everything typed after it and resent under its
// seq once a policy allows writing; the password is sent in join, kept per tab only once accepted;
// the deletion date moves with each new revision. Fake socket, editor and UI; node:test's clock.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { PadSession } from '../../../webroot/js/pad/pad-session.js';
import { WriteGate, readPolicy } from '../../../webroot/js/pad/write-gate.js';
import { FakeEditor, MemoryStorage, fakeSockets } from './support/fake-page.mjs';

const CLIENT = 'tab-0123456789abcdef';
const ME = 'author-0123456789abcdef';
const DAY = 86_400_000;
const NOW = 1_000_000;
const insertAt = (length, at, text) => new TextOperation().retain(at).insert(text).retain(length - at);
const WRITABLE = { lifetimeDays: 30, deletesAt: NOW + 30 * DAY, locked: false, passwordRequired: false, protectReadOnly: false, canWrite: true };
const LOCKED = { ...WRITABLE, locked: true, canWrite: false };

function openSession(tabStorage = new MemoryStorage()) {
  const storage = new MemoryStorage();
  storage.setItem('ardoise.authorSecret', 'author-secret-0123456789');
  const { sockets, FakeSocket } = fakeSockets();
  const editor = new FakeEditor();
  const ui = { policies: [], refusals: [], errors: [], status: () => {}, presence: () => {} };
  ui.error = (code) => ui.errors.push(code);
  ui.policy = (view) => ui.policies.push(view);
  ui.passwordRefused = (m) => ui.refusals.push(m.code);
  const session = new PadSession({
    padId: 'pad', chosen: { secret: 'tab-secret-0123456789', saved: null }, storage, tabStorage, editor, ui,
    profile: { name: 'Zoé', color: '#112233' },
    transport: { url: 'ws://h/ws/pad', WebSocketImpl: FakeSocket, random: () => 0, fetchAuthors: null },
  });
  session.start();
  const page = { session, editor, ui, sockets, tabStorage };
  page.socket = () => sockets.at(-1);
  page.sent = () => page.socket().sent;
  page.ops = () => page.sent().filter((m) => m.type === 'op');
  page.receive = (m) => page.socket().receive(m);
  page.type = (op) => editor.type(op, ME, (typed) => session.localOperation(typed));
  page.join = (text, policy) => {
    page.socket().open();
    page.receive({ type: 'joined', rev: 1, clientId: CLIENT, authorId: ME, lastSeq: 0, text, authors: text ? [[text.length, 'srv']] : [], policy });
  };
  return page;
}

let pages;
beforeEach(() => {
  mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'], now: NOW });
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

describe('a lock', () => {
  test('the joined policy decides whether the editor takes typing, and the page is told why', () => {
    const p = open();
    p.join('abc', LOCKED);
    assert.equal(p.editor.editable, false);
    assert.equal(p.ui.policies.at(-1).locked, true);
    assert.equal(p.ui.policies.at(-1).canWrite, false);
  });

  test('an op refused by the lock stays pending with what was typed after, and is resent under its seq on unlock', () => {
    const p = open();
    p.join('abc', WRITABLE);
    assert.equal(p.editor.editable, true);
    p.type(insertAt(3, 3, 'd'));
    const [first] = p.ops();
    p.type(insertAt(4, 4, 'e')); // typed before the refusal arrived: buffered
    p.receive({ type: 'policy', ...LOCKED });
    p.receive({ type: 'error', code: 'pad-locked', seq: first.seq, message: 'locked' });
    assert.equal(p.editor.editable, false, 'read-only while locked');
    assert.equal(p.editor.doc.text, 'abcde', 'nothing typed is lost');
    assert.equal(p.session.client.hasPending(), true);
    assert.deepEqual(p.ui.errors, [], 'the reason is the lock banner, not an error line');
    assert.equal(p.ui.policies.at(-1).held, true, 'the page says the edits are kept');
    mock.timers.tick(60_000);
    assert.equal(p.ops().length, 1, 'not resent while locked');

    p.receive({ type: 'policy', ...WRITABLE });
    assert.equal(p.editor.editable, true);
    const resent = p.ops().at(-1);
    assert.equal(p.ops().length, 2);
    assert.equal(resent.seq, first.seq, 'the seq the server never used');
    assert.deepEqual(resent.op, first.op);
    p.receive({ type: 'ack', seq: first.seq, rev: 2 });
    const buffered = p.ops().at(-1);
    assert.equal(buffered.seq, first.seq + 1);
    assert.deepEqual(TextOperation.fromJSON(buffered.op).apply('abcd'), 'abcde');
    p.receive({ type: 'ack', seq: buffered.seq, rev: 3 });
    assert.equal(p.session.client.hasPending(), false);
  });

  test('a refusal before the lock frame still holds the op and says the pad is locked', () => {
    const p = open();
    p.join('', WRITABLE);
    p.type(insertAt(0, 0, 'x'));
    p.receive({ type: 'error', code: 'pad-locked', seq: p.ops()[0].seq });
    assert.equal(p.ui.policies.at(-1).locked, true);
    assert.equal(p.editor.editable, false);
  });

  test('a reconnect while locked: the core resends, the refusal holds it again, the unlock sends it once', () => {
    const p = open();
    p.join('', WRITABLE);
    p.type(insertAt(0, 0, 'x'));
    const seq = p.ops()[0].seq;
    p.receive({ type: 'error', code: 'pad-locked', seq });
    p.socket().lose();
    mock.timers.tick(10_000);
    p.socket().open();
    p.receive({ type: 'joined', rev: 1, clientId: CLIENT, authorId: ME, lastSeq: 0, policy: LOCKED });
    assert.equal(p.ops().length, 1, 'the join resends the op the server never committed');
    p.receive({ type: 'error', code: 'pad-locked', seq });
    p.receive({ type: 'policy', ...WRITABLE });
    assert.equal(p.ops().length, 2);
    assert.equal(p.ops()[1].seq, seq);
  });
});

describe('an edit password', () => {
  test('typed in the prompt: unlock, then kept for this tab and sent in the next join', () => {
    const tab = new MemoryStorage();
    const p = open(tab);
    p.join('abc', { ...WRITABLE, passwordRequired: true, canWrite: false });
    assert.equal(p.editor.editable, false);
    assert.equal(p.ui.policies.at(-1).passwordRequired, true);
    p.session.unlock('faux');
    assert.deepEqual(p.sent().at(-1), { type: 'unlock', password: 'faux' });
    p.receive({ type: 'error', code: 'wrong-password', message: 'wrong' });
    assert.deepEqual(p.ui.refusals, ['wrong-password']);
    assert.equal(tab.getItem('ardoise.password.pad'), null, 'a wrong password is not kept');
    p.session.unlock('sésame');
    p.receive({ type: 'policy', ...WRITABLE, passwordRequired: true, canWrite: true });
    assert.equal(p.editor.editable, true);
    assert.equal(tab.getItem('ardoise.password.pad'), 'sésame');
    p.socket().lose();
    mock.timers.tick(10_000);
    p.socket().open();
    assert.equal(p.sent()[0].type, 'join');
    assert.equal(p.sent()[0].password, 'sésame');
  });

  test('an op refused for want of the password is kept and resent once the password is accepted', () => {
    const p = open();
    p.join('', WRITABLE);
    p.type(insertAt(0, 0, 'Bonjour'));
    p.receive({ type: 'error', code: 'password-required', seq: p.ops()[0].seq });
    assert.equal(p.ui.policies.at(-1).passwordRequired, true);
    assert.equal(p.editor.editable, false);
    p.session.unlock('sésame');
    p.receive({ type: 'policy', ...WRITABLE, passwordRequired: true, canWrite: true });
    assert.equal(p.ops().length, 2);
    assert.equal(p.ops()[1].seq, p.ops()[0].seq);
  });

  test('a join refused with wrong-password (the owner changed it) goes again without it', () => {
    const tab = new MemoryStorage();
    tab.setItem('ardoise.password.pad', 'ancien');
    const p = open(tab);
    p.socket().open();
    assert.equal(p.sent()[0].password, 'ancien');
    p.receive({ type: 'error', code: 'wrong-password' });
    assert.equal(p.sent().length, 2);
    assert.equal(p.sent()[1].type, 'join');
    assert.equal(p.sent()[1].password, undefined);
    assert.equal(tab.getItem('ardoise.password.pad'), null);
  });

  test('a join refused with password-required (read-only links protected too): the prompt joins with it', () => {
    const p = open();
    p.socket().open();
    p.receive({ type: 'error', code: 'password-required' });
    assert.equal(p.ui.policies.at(-1).passwordRequired, true);
    p.session.unlock('sésame');
    assert.equal(p.sent().at(-1).type, 'join');
    assert.equal(p.sent().at(-1).password, 'sésame');
  });
});

describe('the deletion date', () => {
  test('moves to now + lifetime with each new revision', () => {
    const p = open();
    p.join('', { ...WRITABLE, deletesAt: NOW + DAY });
    assert.equal(p.ui.policies.at(-1).deletesAt, NOW + DAY);
    mock.timers.tick(3 * DAY);
    p.receive({ type: 'op', rev: 2, op: ['x'], clientId: 'other', authorId: 'a2' });
    assert.equal(p.ui.policies.at(-1).deletesAt, NOW + 3 * DAY + 30 * DAY);
  });

  test('forever (0 days) has no date, and an older server (no policy) is writable', () => {
    const gate = new WriteGate();
    gate.update({ lifetimeDays: 0, deletesAt: null, canWrite: true });
    gate.revised();
    assert.equal(gate.view().deletesAt, null);
    assert.equal(gate.view().lifetimeDays, 0);
    assert.equal(readPolicy(undefined).canWrite, true);
    assert.equal(readPolicy({ canWrite: false }).canWrite, false);
  });
});

describe('a read-only view protected by the password', () => {
  test('asks for it, joins with it, keeps it for the tab, and forgets a wrong one', async () => {
    const { ViewerSession } = await import('../../../webroot/js/viewer/viewer-session.js');
    const { sockets, FakeSocket } = fakeSockets();
    const tab = new MemoryStorage();
    const asked = [];
    const view = { reset: () => {}, apply: () => {} };
    const ui = { status: () => {}, presence: () => {}, error: (code) => asked.push(`error ${code}`), password: (m) => asked.push(m && m.code) };
    const viewer = new ViewerSession({ url: 'ws://h/ws/r/abc', view, ui, WebSocketImpl: FakeSocket, random: () => 0, tabStorage: tab });
    viewer.start();
    const socket = sockets.at(-1);
    socket.open();
    assert.equal(socket.sent[0].password, undefined);
    socket.receive({ type: 'error', code: 'password-required' });
    viewer.unlock('faux');
    assert.equal(socket.sent.at(-1).password, 'faux');
    socket.receive({ type: 'error', code: 'wrong-password' });
    viewer.unlock('sésame');
    socket.receive({ type: 'joined', rev: 1, clientId: CLIENT, authorId: ME, lastSeq: 0, text: 'abc', authors: [[3, 'a']] });
    assert.deepEqual(asked, ['password-required', 'wrong-password', null]);
    assert.equal(tab.getItem('ardoise.password.ws://h/ws/r/abc'), 'sésame');
    viewer.close();
  });
});

describe('reading protected while joined', () => {
  test('the server closes a tab without the password (no seq): the prompt, not an error line', () => {
    const p = open();
    p.join('abc', WRITABLE);
    p.receive({ type: 'error', code: 'password-required', message: 'closed' });
    assert.deepEqual(p.ui.errors, []);
    assert.equal(p.ui.policies.at(-1).passwordRequired, true);
    assert.equal(p.editor.editable, false);
  });
});
