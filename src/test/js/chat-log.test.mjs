import test from 'node:test';
import assert from 'node:assert/strict';
import { ChatLog } from '../../../webroot/js/chat/chat-log.js';

const message = (id, clientId = 'bruno', text = `m${id}`) => ({ id, clientId, authorId: clientId, name: clientId, color: '#123456', text, time: 1000 * id });
const live = (...messages) => ({ type: 'chat', messages });
const history = (...messages) => ({ type: 'chat', messages, history: true });

test('messages are kept once each, in id order, whether they came live or in a history', () => {
  const log = new ChatLog();
  log.receive(history(message(1), message(2)), { selfClientId: 'alice', open: false });
  log.receive(live(message(4)), { selfClientId: 'alice', open: false });
  const added = log.receive(history(message(2), message(3), message(4)), { selfClientId: 'alice', open: false });
  assert.deepEqual(added.map((m) => m.id), [3]);
  assert.deepEqual(log.messages.map((m) => m.id), [1, 2, 3, 4]);
});

test('unread counts others\' news while closed, not the first history nor our own', () => {
  const log = new ChatLog();
  log.receive(history(message(1), message(2)), { selfClientId: 'alice', open: false });
  assert.equal(log.unread, 0);
  log.receive(live(message(3)), { selfClientId: 'alice', open: false });
  log.receive(live(message(4, 'alice')), { selfClientId: 'alice', open: false });
  log.receive(history(message(3), message(5)), { selfClientId: 'alice', open: false });
  assert.equal(log.unread, 2);
  log.read();
  log.receive(live(message(6)), { selfClientId: 'alice', open: true });
  assert.equal(log.unread, 0);
});

test('a text on its way ends with its echo or a refusal, and only one leaves at a time', () => {
  const log = new ChatLog();
  assert.equal(log.send('Bonjour'), true);
  assert.equal(log.send('encore'), false);
  assert.equal(log.refused('bad-op'), null, 'not about the chat');
  log.receive(live(message(1, 'bruno', 'Bonjour')), { selfClientId: 'alice', open: true });
  assert.equal(log.sending, 'Bonjour', 'someone else said the same');
  log.receive(live(message(2, 'alice', 'Bonjour')), { selfClientId: 'alice', open: true });
  assert.equal(log.sending, null);
  log.send('trop');
  assert.equal(log.refused('chat-too-long'), 'chat-too-long');
  assert.equal(log.sending, null);
  assert.equal(log.refused('store-unavailable'), null, 'nothing of ours on its way');
  assert.equal(log.refused('chat-rate-limited'), 'chat-rate-limited');
  log.send('pendant une panne');
  assert.equal(log.refused('store-unavailable', 7), null, 'a refused op, not our message');
  assert.equal(log.refused('store-unavailable'), 'store-unavailable');
  log.send('trop écrit');
  assert.equal(log.refused('quota-exceeded', 3), null, 'an op beyond the quota, not our message');
  assert.equal(log.refused('quota-exceeded'), 'quota-exceeded', 'our message beyond the quota: the text stays in the input');
});

test('malformed messages are ignored and memory is bounded', () => {
  const log = new ChatLog({ keep: 3 });
  log.receive(live({ id: 'x', text: 'a' }, { id: 1 }, null, message(1)), { selfClientId: 'alice', open: true });
  assert.deepEqual(log.messages.map((m) => m.id), [1]);
  for (let id = 2; id <= 6; id++) log.receive(live(message(id)), { selfClientId: 'alice', open: true });
  assert.deepEqual(log.messages.map((m) => m.id), [4, 5, 6]);
});
