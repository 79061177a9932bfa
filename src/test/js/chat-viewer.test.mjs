import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ViewerSession } from '../../../webroot/js/viewer/viewer-session.js';

class FakeSocket {
  static last = null;
  constructor(url) { this.url = url; this.readyState = 1; this.sent = []; FakeSocket.last = this; }
  send(t) { this.sent.push(JSON.parse(t)); }
  close() { this.readyState = 3; }
}

const chatFrame = { type: 'chat', messages: [{ id: 1, clientId: 'a', authorId: 'a', name: 'Zoë', color: '#123456', text: '<b>x</b>', time: 1 }] };

function viewer(ui) {
  const session = new ViewerSession({
    url: 'ws://h/ws/r/x', WebSocketImpl: FakeSocket, view: { reset() {}, apply() {} },
    ui: { status() {}, presence() {}, error() {}, ...ui },
  });
  session.start();
  FakeSocket.last.onopen();
  FakeSocket.last.onmessage({ data: JSON.stringify({ type: 'joined', rev: 0, clientId: 'v', lastSeq: 0, text: '', authors: [] }) });
  return session;
}

test('a viewer hands chat frames to a page that shows them, and never sends chat', () => {
  const frames = [];
  const session = viewer({ chat: (f) => frames.push(f) });
  FakeSocket.last.onmessage({ data: JSON.stringify(chatFrame) });
  assert.deepEqual(frames, [chatFrame]);
  assert.deepEqual(FakeSocket.last.sent.map((m) => m.type), ['join']);
  session.close();
});

test('a page without a chat (the read-only page, the projector by default) ignores chat frames', () => {
  const session = viewer({});
  FakeSocket.last.onmessage({ data: JSON.stringify(chatFrame) });
  assert.equal(session.joined, true, 'still joined: the frame changed nothing');
  session.close();
});
