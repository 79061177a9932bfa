import assert from 'node:assert/strict';
import { afterEach, describe, mock, test } from 'node:test';
import { Client } from '../../../webroot/js/client/client.js';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { StateWriter, adoptOrphan, loadSaved, sweepAbandoned } from '../../../webroot/js/pad/saved-state.js';

/** localStorage's API over a Map, counting the characters written. */
class MemoryStorage {
  constructor() { this.map = new Map(); this.written = 0; }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); this.written += String(v).length; }
  removeItem(k) { this.map.delete(k); }
}

const hasPending = (s) => Boolean(s && (s.outstanding || s.buffer));
const CLIENT = 'tab-0123456789abcdef';

function joined(text) {
  const client = new Client({ secret: CLIENT, authorId: 'me', send: () => {} });
  client.onJoined({ type: 'joined', rev: 1, lastSeq: 0, text, authors: text ? [[text.length, 'srv']] : [] });
  return client;
}

const insertAt = (length, pos, text) => new TextOperation().retain(pos).insert(text).retain(length - pos);

describe('saved state', () => {
  const writers = [];
  afterEach(() => writers.splice(0).forEach((w) => clearInterval(w.liveTimer)));

  function writerFor(storage, client) {
    const w = new StateWriter(storage, 'pad', client);
    writers.push(w);
    return w;
  }

  test('local edits, acks and remote ops replay to the same client state', () => {
    const storage = new MemoryStorage();
    const client = joined('abc');
    const writer = writerFor(storage, client);
    writer.compact();
    client.applyClient(insertAt(3, 3, 'd')); // outstanding seq 1
    writer.changed();
    client.applyClient(insertAt(4, 4, 'e')); // buffer
    writer.changed();
    const remote = insertAt(3, 0, 'X');
    client.applyServer(2, remote, 'other');
    writer.recordServerOp(remote.toJSON(), 'other');
    const outstanding = client.state.outstanding;
    client.serverAck(1, 3);
    writer.recordServerOp(outstanding, 'me');

    const saved = loadSaved(storage, 'pad', CLIENT);
    const restored = Client.fromStorage(saved.stored, { send: () => {} });
    assert.equal(restored.document().text, 'Xabcde');
    assert.deepEqual(restored.document().runs, client.document().runs);
    assert.equal(restored.rev, 3);
    assert.equal(restored.nextSeq, client.nextSeq);
    assert.ok(restored.state.outstanding.equals(client.state.outstanding), 'the buffer was sent as seq 2');
  });

  test('each edit writes a small log, not the document', () => {
    const storage = new MemoryStorage();
    const client = joined('x'.repeat(100000));
    const writer = writerFor(storage, client);
    writer.compact();
    const before = storage.written;
    client.applyClient(insertAt(100000, 50, 'é'));
    writer.changed();
    assert.ok(storage.written - before < 1000, `wrote ${storage.written - before} characters`);
  });

  test('a log left over from an older base is ignored (crash between the two writes)', () => {
    const storage = new MemoryStorage();
    const client = joined('abc');
    const writer = writerFor(storage, client);
    writer.compact();
    const op = insertAt(3, 0, 'X');
    client.applyServer(2, op, 'other');
    writer.recordServerOp(op.toJSON(), 'other');
    const staleLog = storage.getItem(`ardoise.pad.pad.${CLIENT}.log`);
    writer.compact(); // base now includes X
    storage.setItem(`ardoise.pad.pad.${CLIENT}.log`, staleLog); // as if the empty log never got written
    const saved = loadSaved(storage, 'pad', CLIENT);
    assert.equal(saved.stored.text, 'Xabc', 'X applied once');
  });

  test('a page restored from base and log keeps its text through a second crash', () => {
    const storage = new MemoryStorage();
    const client = joined('abc');
    const writer = writerFor(storage, client);
    writer.compact();
    const op = insertAt(3, 3, '!');
    client.applyServer(2, op, 'other');
    writer.recordServerOp(op.toJSON(), 'other'); // then the page dies: only the log has rev 2
    const restored = Client.fromStorage(loadSaved(storage, 'pad', CLIENT).stored, { send: () => {} });
    writerFor(storage, restored).writeLog(); // the next page's first log write (heartbeat, edit…)
    const again = loadSaved(storage, 'pad', CLIENT);
    assert.equal(again.stored.rev, 2);
    assert.equal(again.stored.text, 'abc!', 'the text of the rev the state claims');
  });

  test('a fresh tab adopts a closed tab’s unsent text, and old synced states are swept', () => {
    mock.timers.enable({ apis: ['Date'], now: 1_000_000 });
    try {
      const storage = new MemoryStorage();
      const client = joined('abc');
      writerFor(storage, client).compact();
      client.applyClient(insertAt(3, 3, '!'));
      writers[0].changed();
      assert.equal(adoptOrphan(storage, 'pad', hasPending, 1_000_000 + 5000), null, 'still alive');
      const orphan = adoptOrphan(storage, 'pad', hasPending, 1_000_000 + 60000);
      assert.equal(orphan.secret, CLIENT);
      assert.equal(Client.fromStorage(orphan.stored, { send: () => {} }).document().text, 'abc!');
      sweepAbandoned(storage, 'pad', 'someone-else-12345', hasPending, 1_000_000 + 60000);
      assert.notEqual(loadSaved(storage, 'pad', CLIENT), null, 'unsent text is never swept');
    } finally {
      mock.timers.reset();
    }
  });
});
