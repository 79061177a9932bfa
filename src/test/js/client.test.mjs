import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { AwaitingConfirm, AwaitingWithBuffer, Client, ResyncError, Synchronized } from '../../../webroot/js/client/client.js';
import { receiveServerMessage } from '../../../webroot/js/client/server-messages.js';

/**
 * A page around `client`: an editor kept by the listener of receiveServerMessage, the cursors it
 * shows and the other messages it heard. `receive(message)` is what the socket would deliver.
 */
function pageOf(client, sent = []) {
  const page = { client, sent, editor: null, cursors: [], heard: [] };
  const listener = {
    onJoined(m, forEditor) {
      if (typeof m.text !== 'string') return;
      if (forEditor) assert.equal(forEditor.apply(page.editor.text), client.document().text, 'the editor is moved onto the snapshot');
      page.editor = client.document();
    },
    onRemoteOp: (op, m) => { page.editor = page.editor.apply(op, m.authorId); },
    onRemoteCursor: (clientId, selection) => page.cursors.push({ clientId, selection }),
    onPresence: (m) => page.heard.push(m.type),
    onServerError: (m) => page.heard.push(m.code),
  };
  page.receive = (m) => receiveServerMessage(client, m, listener);
  page.edit = (op) => { page.editor = page.editor.apply(op, 'me'); client.applyClient(op); };
  return page;
}

/** A client with a recording transport and editor, joined at `rev` on `text` (by "srv"). */
function joinedClient(text = 'abc', rev = 3, lastSeq = 0) {
  const sent = [];
  const page = pageOf(new Client({ secret: 'tab-secret-0123456789', clientId: 'tab-0123456789abcdef', authorId: 'me', send: (m) => sent.push(m) }), sent);
  page.receive({ type: 'joined', rev, lastSeq, text, authors: text ? [[text.length, 'srv']] : [] });
  return page;
}

describe('states', () => {
  test('a local edit is sent at once with rev and seq, the ack synchronises', () => {
    const p = joinedClient();
    assert.deepEqual(p.client.joinMessage({ name: 'Zoé' }), { type: 'join', secret: 'tab-secret-0123456789', batch: true, presenceChanges: true, name: 'Zoé', rev: 3 });
    p.edit([3, '!']);
    assert.deepEqual(p.sent, [{ type: 'op', rev: 3, seq: 1, op: [3, '!'] }]);
    assert.ok(p.client.state instanceof AwaitingConfirm);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.ok(p.client.state instanceof Synchronized);
    assert.equal(p.client.rev, 4);
    assert.deepEqual(p.client.serverDoc.toJSON(), { text: 'abc!', runs: [[3, 'srv'], [1, 'me']] });
  });

  test('edits while waiting are buffered, composed and sent with the next seq after the ack', () => {
    const p = joinedClient();
    p.edit(['x', 3]);
    p.edit([1, 'y', 3]);
    p.edit([2, 'z', 3]);
    assert.equal(p.sent.length, 1);
    assert.ok(p.client.state instanceof AwaitingWithBuffer);
    assert.deepEqual(p.client.state.buffer.toJSON(), [1, 'yz', 3]);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.deepEqual(p.sent[1], { type: 'op', rev: 4, seq: 2, op: [1, 'yz', 3] });
  });

  test('a remote op is transformed past pending ops; our insert stays first at equal positions', () => {
    const p = joinedClient();
    p.edit([1, 'X', 2]); // outstanding
    p.edit([2, 'Y', 2]); // buffer
    p.receive({ type: 'op', rev: 4, op: [1, 'R', 2], clientId: 'other', authorId: 'ana' });
    assert.equal(p.editor.text, 'aXYRbc');
    assert.equal(p.client.document().text, 'aXYRbc');
    assert.deepEqual(p.editor.toJSON(), p.client.document().toJSON());
    assert.deepEqual(p.client.state.outstanding.toJSON(), [1, 'X', 3]);
    assert.equal(p.client.rev, 4);
    p.receive({ type: 'ack', seq: 1, rev: 5 });
    assert.deepEqual(p.sent.at(-1), { type: 'op', rev: 5, seq: 2, op: [2, 'Y', 3] });
  });

  test('a buffer that undid itself is not sent', () => {
    const p = joinedClient();
    p.edit(['x', 3]);
    p.edit([1, 'y', 3]);
    p.edit([1, -1, 3]);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.ok(p.client.state instanceof Synchronized);
    assert.equal(p.sent.length, 1);
  });

  test('protocol violations throw clear errors; a repeated ack is ignored', () => {
    const p = joinedClient();
    assert.throws(() => p.client.serverAck(1, 4), /never sent/);
    assert.throws(() => p.client.applyServer(5, [3]), /rev 5 while at rev 3: a revision is missing/);
    assert.throws(() => p.client.applyClient([4]), /base length 4 does not match document length 3/);
    assert.throws(() => p.client.applyServer(4, [4]), /base length/);
    assert.equal(p.client.rev, 3, 'a refused op changes nothing');
    p.edit([3, 'a']);
    assert.throws(() => p.client.serverAck(1, 7), /ack at rev 7 while at rev 3/);
    assert.deepEqual(p.client.serverAck(1, 4).toJSON(), [3, 'a'], 'an ack returns the op it acknowledged');
    assert.equal(p.client.serverAck(1, 4), null, 'a repeated ack changes nothing');
    assert.equal(p.client.rev, 4);
    assert.equal(p.client.applyServer(4, [4]), null, 'an already seen rev is skipped');
  });

  test('remote cursors move past pending ops; our cursor waits for the ack', () => {
    const p = joinedClient();
    assert.deepEqual(p.client.cursorMessage(1, 2), { type: 'cursor', rev: 3, anchor: 1, head: 2 });
    p.edit(['xy', 3]);
    p.edit(['z', 5]);
    assert.deepEqual(p.client.transformSelection({ anchor: 1, head: 3 }), { anchor: 4, head: 6 });
    p.receive({ type: 'cursor', clientId: 'other', rev: 3, anchor: 0, head: 0 });
    p.receive({ type: 'cursor', clientId: 'late', rev: 2, anchor: 0, head: 0 });
    assert.deepEqual(p.cursors, [{ clientId: 'other', selection: { anchor: 3, head: 3 } }]);
    assert.equal(p.client.cursorMessage(0, 0), null);
  });

  test('presence, error and unknown messages reach the page without touching the core', () => {
    const p = joinedClient();
    p.receive({ type: 'presence', members: [] });
    p.receive({ type: 'error', code: 'rate-limited', message: 'slow down' });
    p.receive({ type: 'pong' });
    p.receive({ type: 'from-a-later-version' });
    assert.deepEqual(p.heard, ['presence', 'rate-limited']);
    assert.equal(p.client.rev, 3);
    assert.ok(p.client.state instanceof Synchronized);
  });
});

describe('reconnect', () => {
  test('nothing is sent while offline; an op the server never got is resent with the same seq', () => {
    const p = joinedClient();
    p.client.disconnected();
    p.edit([3, '!']);
    p.edit([4, '?']);
    assert.equal(p.sent.length, 0);
    assert.deepEqual(p.client.resend(), { type: 'op', rev: 3, seq: 1, op: [3, '!'] });
    p.receive({ type: 'joined', rev: 3, lastSeq: 0 });
    assert.deepEqual(p.sent, [{ type: 'op', rev: 3, seq: 1, op: [3, '!'] }]);
    p.receive({ type: 'ack', seq: 1, rev: 4 });
    assert.deepEqual(p.sent[1], { type: 'op', rev: 4, seq: 2, op: [4, '?'] });
  });

  test('an op the server committed is not resent: its ack comes with the replay', () => {
    const p = joinedClient();
    p.edit([3, '!']);
    p.client.disconnected();
    p.receive({ type: 'joined', rev: 5, lastSeq: 1 });
    assert.equal(p.sent.length, 1);
    p.receive({ type: 'op', rev: 4, op: ['R', 3], clientId: 'other', authorId: 'ana' });
    p.receive({ type: 'ack', seq: 1, rev: 5 });
    assert.equal(p.editor.text, 'Rabc!');
    assert.ok(p.client.state instanceof Synchronized);
    assert.equal(p.client.nextSeq, 2);
  });

  test('joined with text rebases pending edits on it, resending an uncommitted op with its seq', () => {
    const p = joinedClient('Bonjour', 7);
    p.client.disconnected();
    p.edit([7, ' à tous']);
    p.receive({ type: 'joined', rev: 20, lastSeq: 0, text: 'Salut, Bonjour', authors: [[7, 'ana'], [7, 'srv']] });
    assert.equal(p.editor.text, 'Salut, Bonjour à tous');
    assert.deepEqual(p.editor.toJSON(), p.client.document().toJSON());
    assert.deepEqual(p.sent, [{ type: 'op', rev: 20, seq: 1, op: [14, ' à tous'] }]);
  });

  test('joined with text after our op was committed sends only the buffer, with a new seq', () => {
    const p = joinedClient('ab', 2);
    p.edit([2, 'c']);
    p.client.disconnected();
    p.edit([3, 'd']);
    p.receive({ type: 'joined', rev: 9, lastSeq: 1, text: 'xabc', authors: [[1, 'ana'], [2, 'srv'], [1, 'me']] });
    assert.equal(p.editor.text, 'xabcd');
    assert.deepEqual(p.sent.at(-1), { type: 'op', rev: 9, seq: 2, op: [4, 'd'] });
    assert.equal(p.client.rev, 9);
  });

  test('an op rebased on a snapshot is acknowledged only with the very op the server committed', () => {
    // The socket before the snapshot may still deliver seq 1 as it was: the server then commits that
    // copy (transformed its own way), not our rebase of it. Only the batch's op tells which it was.
    const rejoined = () => {
      const p = joinedClient('ab', 2);
      p.edit([1, 'c', 1]);
      p.client.disconnected();
      p.receive({ type: 'joined', rev: 5, lastSeq: 0, text: 'ab', authors: [[2, 'ana']] });
      assert.deepEqual(p.sent.at(-1), { type: 'op', rev: 5, seq: 1, op: [1, 'c', 1] });
      return p;
    };
    const own = (op) => ({ type: 'batch', messages: [{ type: 'op', rev: 6, clientId: 'tab-0123456789abcdef', authorId: 'me', seq: 1, op }] });
    const same = rejoined();
    same.receive(own([1, 'c', 1]));
    assert.ok(same.client.state instanceof Synchronized);
    assert.equal(same.client.rebasedSeq, null);
    const other = rejoined();
    assert.throws(() => other.receive(own(['c', 2])), ResyncError);
    assert.equal(other.client.rev, 5, 'nothing changed');
    assert.throws(() => rejoined().receive({ type: 'ack', seq: 1, rev: 6 }), ResyncError, 'a lone ack cannot be checked');
  });

  test('a server that knows a later seq than this tab is reported, and numbering moves past it', () => {
    const errors = [];
    const client = new Client({ secret: 'tab-secret-0123456789', clientId: 'tab-0123456789abcdef', send: () => {}, onError: (e) => errors.push(e) });
    client.onJoined({ type: 'joined', rev: 0, lastSeq: 4, text: '' });
    assert.equal(client.nextSeq, 5);
    assert.equal(errors.length, 0, 'nothing pending: a fresh tab state is not an error');
  });
});

describe('storage', () => {
  test('a reload while offline restores the editor text and resumes without duplicates', () => {
    const p = joinedClient('abc', 3);
    p.edit([3, '1']);
    p.client.disconnected();
    p.edit([4, '2']);
    const saved = JSON.parse(JSON.stringify(p.client.toStorage()));
    assert.deepEqual(saved, {
      version: 1, secret: 'tab-secret-0123456789', clientId: 'tab-0123456789abcdef', authorId: 'me', rev: 3, nextSeq: 2,
      text: 'abc', runs: [[3, 'srv']], outstanding: { seq: 1, op: [3, '1'] }, buffer: [4, '2'], rebasedSeq: null,
    });
    const sent = [];
    const restored = Client.fromStorage(saved, { send: (m) => sent.push(m) });
    assert.deepEqual(restored.document().toJSON(), { text: 'abc12', runs: [[3, 'srv'], [2, 'me']] });
    assert.deepEqual(restored.joinMessage(), { type: 'join', secret: 'tab-secret-0123456789', batch: true, presenceChanges: true, rev: 3 });
    // The server had committed seq 1 before the socket died: it replays it as an ack.
    receiveServerMessage(restored, { type: 'joined', rev: 4, lastSeq: 1 }, {});
    assert.equal(sent.length, 0);
    receiveServerMessage(restored, { type: 'ack', seq: 1, rev: 4 }, {});
    assert.deepEqual(sent, [{ type: 'op', rev: 4, seq: 2, op: [4, '2'] }]);
  });

  test('a state saved before ids came from secrets resumes: its old id is the secret, its op takes the next seq', () => {
    const old = { version: 1, clientId: 'old-tab-0123456789ab', authorId: 'me', rev: 2, nextSeq: 4, text: 'ab', runs: [[2, 'srv']],
      outstanding: { seq: 3, op: [2, '!'] }, buffer: null };
    const sent = [];
    const restored = Client.fromStorage(old, { send: (m) => sent.push(m) });
    assert.equal(restored.joinMessage().secret, 'old-tab-0123456789ab');
    assert.equal(restored.clientId, null, 'the public id comes from joined');
    receiveServerMessage(restored, { type: 'joined', rev: 2, clientId: 'derived-0123456789abcd', authorId: 'derived-author-0123456', lastSeq: 0 }, {});
    assert.equal(restored.clientId, 'derived-0123456789abcd');
    assert.deepEqual(sent, [{ type: 'op', rev: 2, seq: 1, op: [2, '!'] }], 'seq 3 would be a seq-gap for an id the server never saw');
    receiveServerMessage(restored, { type: 'ack', seq: 1, rev: 3 }, {});
    assert.equal(restored.hasPending(), false);
    assert.equal(restored.nextSeq, 2);
  });

  test('a fresh client stores no document and restores to one that joins without rev', () => {
    const client = new Client({ secret: 'tab-secret-0123456789', clientId: 'tab-0123456789abcdef', send: () => {} });
    const restored = Client.fromStorage(client.toStorage(), { send: () => {} });
    assert.equal(restored.document(), null);
    assert.equal(restored.joinMessage().rev, undefined);
    assert.throws(() => restored.applyClient(['x']), /before the first joined/);
  });

  test('a damaged saved state is refused with a clear error', () => {
    const good = { version: 1, clientId: 'c', authorId: 'me', rev: 1, nextSeq: 2, text: 'a', runs: [[1, 'x']], outstanding: { seq: 1, op: [1, 'b'] }, buffer: null };
    const refuse = (patch, pattern) => assert.throws(() => Client.fromStorage({ ...good, ...patch }, { send: () => {} }), pattern);
    refuse({ version: 2 }, /unknown version/);
    refuse({ nextSeq: 0 }, /bad nextSeq/);
    refuse({ rev: -1 }, /bad rev/);
    refuse({ runs: [[2, 'x']] }, /cover 2 code units/);
    refuse({ outstanding: { seq: 2, op: [1, 'b'] } }, /bad seq/);
    refuse({ outstanding: { seq: 1, op: [2, 'b'] } }, /does not fit the saved document/);
    refuse({ buffer: [1] }, /buffer does not fit/);
    refuse({ outstanding: null, buffer: [1] }, /buffer but no outstanding/);
    refuse({ rev: null }, /edits but no document/);
    assert.deepEqual(Client.fromStorage(good, { send: () => {} }).document().toJSON(), AttributedText.fromRuns('ab', [[1, 'x'], [1, 'me']]).toJSON());
  });
});

describe('batch frames', () => {
  test('our revision in a batch is our ack, the others are ops, cursors come after at the new rev', () => {
    const p = joinedClient();
    p.edit([3, '!']); // seq 1, outstanding
    p.receive({
      type: 'batch',
      messages: [
        { type: 'op', rev: 4, clientId: 'other', authorId: 'ana', seq: 7, op: ['R', 3] },
        { type: 'op', rev: 5, clientId: 'tab-0123456789abcdef', authorId: 'me', seq: 1, op: [4, '!'] },
        { type: 'cursor', clientId: 'tab-0123456789abcdef', rev: 5, anchor: 0, head: 0 },
        { type: 'cursor', clientId: 'other', rev: 5, anchor: 1, head: 2 },
        { type: 'presence', members: [] }, // not a batch member: ignored
      ],
    });
    assert.ok(p.client.state instanceof Synchronized);
    assert.equal(p.client.rev, 5);
    assert.equal(p.editor.text, 'Rabc!');
    assert.deepEqual(p.client.serverDoc.toJSON(), { text: 'Rabc!', runs: [[1, 'ana'], [3, 'srv'], [1, 'me']] });
    assert.deepEqual(p.cursors, [{ clientId: 'other', selection: { anchor: 1, head: 2 } }], 'our own cursor is skipped');
  });

  test('a batch with a revision gap throws (the page reconnects)', () => {
    const p = joinedClient();
    assert.throws(() => p.receive({ type: 'batch', messages: [{ type: 'op', rev: 5, clientId: 'x', authorId: 'x', seq: 1, op: [3, 'y'] }] }));
  });
});
