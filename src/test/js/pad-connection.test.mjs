import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { Connection, backoffDelay, padSocketUrl } from '../../../webroot/js/pad/connection.js';
import { fakeSockets } from './support/fake-page.mjs';

describe('padSocketUrl', () => {
  test('follows the page protocol and host', () => {
    assert.equal(padSocketUrl('atelier', { protocol: 'http:', host: 'h:9000' }), 'ws://h:9000/ws/atelier');
    assert.equal(padSocketUrl('réunion', { protocol: 'https:', host: 'h' }), 'wss://h/ws/r%C3%A9union');
  });
});

describe('backoffDelay', () => {
  test('grows exponentially, keeps half as jitter, caps at 10 s', () => {
    assert.equal(backoffDelay(0, () => 0), 250);
    assert.equal(backoffDelay(0, () => 1), 500);
    assert.equal(backoffDelay(3, () => 0), 2000);
    assert.equal(backoffDelay(3, () => 1), 4000);
    for (const attempt of [5, 10, 50, 1000]) {
      assert.equal(backoffDelay(attempt, () => 1), 10000);
      assert.equal(backoffDelay(attempt, () => 0), 5000);
    }
  });
});

describe('Connection', () => {
  let fake;
  let states;
  let messages;
  let connection;
  let clock; // what the connection reads as the time; moved by hand to act out a frozen page

  beforeEach(() => {
    clock = 0;
    mock.timers.enable({ apis: ['setTimeout'] });
    fake = fakeSockets();
    states = [];
    messages = [];
    connection = new Connection({
      url: 'ws://h/ws/p',
      onOpen: (c) => c.send({ type: 'join' }),
      onMessage: (m) => messages.push(m),
      onState: (s) => states.push(s),
      WebSocketImpl: fake.FakeSocket,
      now: () => clock,
    });
    connection.start();
  });

  afterEach(() => {
    connection.stop();
    mock.timers.reset();
  });

  test('opens, joins, hands messages over and hides pongs', () => {
    fake.sockets[0].open();
    assert.deepEqual(fake.sockets[0].sent, [{ type: 'join' }]);
    fake.sockets[0].receive({ type: 'pong' });
    fake.sockets[0].receive({ type: 'ack', seq: 1, rev: 1 });
    assert.deepEqual(messages, [{ type: 'ack', seq: 1, rev: 1 }]);
    assert.deepEqual(states, ['connecting', 'open']);
  });

  test('a lost socket is reported and replaced after a backoff', () => {
    fake.sockets[0].open();
    fake.sockets[0].lose();
    assert.equal(connection.state, 'reconnecting');
    assert.equal(fake.sockets.length, 1);
    mock.timers.tick(500);
    assert.equal(fake.sockets.length, 2);
    fake.sockets[1].open();
    assert.equal(connection.state, 'open');
    assert.equal(connection.send({ type: 'x' }), true);
  });

  test('silence gets a ping; no answer means a dead socket', () => {
    fake.sockets[0].open();
    mock.timers.tick(15000);
    assert.deepEqual(fake.sockets[0].sent.at(-1), { type: 'ping' });
    assert.equal(connection.state, 'open');
    mock.timers.tick(9999);
    assert.equal(connection.state, 'open');
    mock.timers.tick(1);
    assert.equal(connection.state, 'reconnecting', 'no pong within 10 s');
  });

  test('an op without answer kills the socket even when pings would not be due', () => {
    fake.sockets[0].open();
    connection.expectReply();
    mock.timers.tick(9999);
    assert.equal(connection.state, 'open');
    fake.sockets[0].receive({ type: 'ack', seq: 1, rev: 1 });
    mock.timers.tick(10000);
    assert.equal(connection.state, 'open', 'the ack arrived in time');
    connection.expectReply();
    mock.timers.tick(10000);
    assert.equal(connection.state, 'reconnecting');
  });

  test('a page frozen past the deadline lets the answer queued behind it arrive', () => {
    fake.sockets[0].open();
    connection.expectReply();
    clock += 25000; // the page did not run for 25 s; the ack came in meanwhile and waits in the queue
    mock.timers.tick(10000);
    assert.equal(connection.state, 'open', 'a late watchdog is not proof of a dead socket');
    fake.sockets[0].receive({ type: 'ack', seq: 1, rev: 1 });
    mock.timers.tick(1000);
    assert.equal(connection.state, 'open');
    assert.equal(fake.sockets.length, 1);
  });

  test('after a freeze, a socket still silent after the grace period is dead', () => {
    fake.sockets[0].open();
    connection.expectReply();
    clock += 25000;
    mock.timers.tick(10000);
    assert.equal(connection.state, 'open');
    mock.timers.tick(999);
    assert.equal(connection.state, 'open');
    mock.timers.tick(1);
    assert.equal(connection.state, 'reconnecting', 'one grace period, not a second');
  });

  test('a socket that never opens is given up', () => {
    mock.timers.tick(13999);
    assert.equal(connection.state, 'connecting');
    mock.timers.tick(1);
    assert.equal(connection.state, 'reconnecting');
    assert.equal(fake.sockets[0].readyState, 3);
  });

  test('nothing is sent on a closed socket', () => {
    assert.equal(connection.send({ type: 'op' }), false);
  });
});

/** A pagehide or pageshow event; `persisted`: the page goes into (or comes back from) the back/forward cache. */
function pageEvent(type, persisted) {
  return Object.assign(new Event(type), { persisted });
}

describe('Connection of a page in the back/forward cache', () => {
  test('closes its socket when the page goes in, tries nothing while there, opens one when shown again', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { sockets, FakeSocket } = fakeSockets();
    const page = new EventTarget();
    const states = [];
    const connection = new Connection({
      url: 'ws://h/ws/p',
      onOpen: (c) => c.send({ type: 'join' }),
      onMessage: () => {},
      onState: (s) => states.push(s),
      WebSocketImpl: FakeSocket,
      window: page,
    });
    try {
      connection.start();
      sockets[0].open();
      page.dispatchEvent(pageEvent('pagehide', false)); // unloaded for good: the browser closes the socket
      assert.equal(sockets[0].readyState, 1);
      page.dispatchEvent(pageEvent('pagehide', true));
      assert.equal(sockets[0].readyState, 3, 'closed: the server sees the author leave');
      assert.equal(connection.state, 'reconnecting');
      mock.timers.tick(60000);
      assert.equal(sockets.length, 1, 'no attempt while the page is in the cache');
      page.dispatchEvent(pageEvent('pageshow', true));
      assert.equal(sockets.length, 2);
      sockets[1].open();
      assert.deepEqual(sockets[1].sent, [{ type: 'join' }]);
      assert.deepEqual(states, ['connecting', 'open', 'reconnecting', 'open']);
    } finally {
      connection.stop();
      mock.timers.reset();
    }
  });
});

describe('Connection of a browser without network', () => {
  test('a page opened offline says offline, not connecting; the online event brings a new attempt', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    const { sockets, FakeSocket } = fakeSockets();
    const page = Object.assign(new EventTarget(), { navigator: { onLine: false } });
    const states = [];
    const connection = new Connection({
      url: 'ws://h/ws/p',
      onOpen: (c) => c.send({ type: 'join' }),
      onMessage: () => {},
      onState: (s) => states.push(s),
      WebSocketImpl: FakeSocket,
      window: page,
    });
    try {
      connection.start();
      sockets[0].lose();
      mock.timers.tick(60000); // retries fail while the browser has no network
      assert.ok(sockets.length > 1);
      for (const socket of sockets.slice(1)) socket.lose();
      assert.deepEqual(states, ['offline'], 'never "connecting" or "reconnecting" without network');
      page.navigator.onLine = true;
      page.dispatchEvent(new Event('online'));
      assert.equal(connection.state, 'reconnecting', 'the network is back: trying, not offline');
      sockets.at(-1).open();
      assert.deepEqual(states, ['offline', 'reconnecting', 'open']);
    } finally {
      connection.stop();
      mock.timers.reset();
    }
  });
});
