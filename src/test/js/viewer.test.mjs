import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { ViewerSession, readOnlySocketUrl } from '../../../webroot/js/viewer/viewer-session.js';
import { lastChangeEnd } from '../../../webroot/js/viewer/last-change.js';

const op = (...components) => TextOperation.fromJSON(components);

describe('lastChangeEnd', () => {
  test('is where the last insert or delete ends in the new text', () => {
    assert.equal(lastChangeEnd(op(3, 'ab', 4)), 5);
    assert.equal(lastChangeEnd(op('x', 3, -2, 4)), 4);
    assert.equal(lastChangeEnd(op(2, -1, 3, 'fin')), 8);
    assert.equal(lastChangeEnd(op(7)), null);
  });
});

describe('readOnlySocketUrl', () => {
  test('follows the page protocol and host', () => {
    assert.equal(readOnlySocketUrl('AbC_-12345678901234567', { protocol: 'https:', host: 'h' }), 'wss://h/ws/r/AbC_-12345678901234567');
  });
});

describe('ViewerSession', () => {
  let sockets;
  let text;
  let shown;
  let session;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    sockets = [];
    class FakeSocket {
      constructor(url) { this.url = url; this.readyState = 0; this.sent = []; sockets.push(this); }
      send(t) { this.sent.push(JSON.parse(t)); }
      close() { this.readyState = 3; }
    }
    text = '';
    shown = [];
    session = new ViewerSession({
      url: 'ws://h/ws/r/x',
      WebSocketImpl: FakeSocket,
      view: {
        reset: (t) => { text = t; },
        apply: (o) => { text = o.apply(text); },
      },
      ui: {
        status: (s) => shown.push(s),
        presence: (members, viewers) => shown.push(`${members.length} writers, ${viewers} viewers`),
        error: (code) => shown.push(code),
      },
    });
    session.start();
  });

  afterEach(() => {
    session.connection.stop();
    mock.timers.reset();
  });

  const receive = (socket, m) => socket.onmessage({ data: JSON.stringify(m) });

  test('joins without writing, shows the text, applies ops in order, rejoins with its rev', () => {
    const first = sockets[0];
    first.readyState = 1;
    first.onopen();
    assert.equal(first.sent.length, 1);
    assert.equal(first.sent[0].type, 'join');
    assert.equal(first.sent[0].rev, undefined);
    receive(first, { type: 'joined', rev: 4, clientId: first.sent[0].clientId, lastSeq: 0, text: 'Bonjour', authors: [[7, 'a']] });
    receive(first, { type: 'presence', members: [{ clientId: 'a' }], viewers: 2 });
    receive(first, { type: 'op', rev: 5, clientId: 'a', authorId: 'a', op: [7, ' à tous'] });
    receive(first, { type: 'op', rev: 5, clientId: 'a', authorId: 'a', op: [7, ' à tous'] }); // replay overlap
    assert.equal(text, 'Bonjour à tous');
    assert.equal(session.rev, 5);
    assert.deepEqual(shown.slice(-2), ['online', '1 writers, 2 viewers']);
    assert.deepEqual(first.sent.map((m) => m.type), ['join'], 'never an op, cursor or profile');

    first.readyState = 3;
    first.onclose();
    mock.timers.tick(10000);
    const second = sockets[1];
    second.readyState = 1;
    second.onopen();
    assert.equal(second.sent[0].rev, 5, 'asks for a replay');
  });

  test('an op that skips a revision starts over with the full text', () => {
    const first = sockets[0];
    first.readyState = 1;
    first.onopen();
    receive(first, { type: 'joined', rev: 1, clientId: 'x', lastSeq: 0, text: 'a', authors: [[1, 'a']] });
    receive(first, { type: 'op', rev: 3, clientId: 'a', authorId: 'a', op: [1, 'b'] });
    mock.timers.tick(10000);
    const second = sockets[1];
    second.readyState = 1;
    second.onopen();
    assert.equal(second.sent[0].rev, undefined);
  });
});

describe('ViewerSession with batch frames', () => {
  test('asks for batches and shows every op of one', () => {
    const sockets = [];
    class FakeSocket {
      constructor(url) { this.url = url; this.readyState = 0; this.sent = []; sockets.push(this); }
      send(t) { this.sent.push(JSON.parse(t)); }
      close() { this.readyState = 3; }
    }
    let text = '';
    const session = new ViewerSession({
      url: 'ws://h/ws/r/x',
      WebSocketImpl: FakeSocket,
      view: { reset: (t) => { text = t; }, apply: (o) => { text = o.apply(text); } },
      ui: { status: () => {}, presence: () => {}, error: () => {} },
    });
    session.start();
    const socket = sockets[0];
    socket.readyState = 1;
    socket.onopen();
    assert.equal(socket.sent[0].batch, true);
    const receive = (m) => socket.onmessage({ data: JSON.stringify(m) });
    receive({ type: 'joined', rev: 1, clientId: socket.sent[0].clientId, lastSeq: 0, text: 'a', authors: [[1, 'a']] });
    receive({ type: 'batch', messages: [
      { type: 'op', rev: 2, clientId: 'w1', authorId: 'w1', seq: 1, op: [1, 'b'] },
      { type: 'op', rev: 3, clientId: 'w2', authorId: 'w2', seq: 4, op: ['c', 2] },
      { type: 'cursor', clientId: 'w1', rev: 3, anchor: 3, head: 3 },
    ] });
    assert.equal(text, 'cab');
    assert.equal(session.rev, 3);
    session.connection.stop();
  });
});
