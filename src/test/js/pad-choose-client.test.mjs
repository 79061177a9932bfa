import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseClient } from '../../../webroot/js/pad/choose-client.js';
import { MemoryStorage } from './support/fake-page.mjs';
import { Client } from '../../../webroot/js/client/client.js';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { StateWriter } from '../../../webroot/js/pad/saved-state.js';

/** Web Locks where `held` names the locks other pages hold; waiting for one of them times out. */
function fakeLocks(held = new Set()) {
  return {
    held,
    request(name, options, callback) {
      if (held.has(name)) {
        if (options.ifAvailable) return Promise.resolve(callback(null));
        return Promise.reject(new Error('AbortError: timed out'));
      }
      held.add(name);
      callback({ name });
      return new Promise(() => {});
    },
  };
}

const fakeWindow = () => {
  const handlers = [];
  return { addEventListener: (type, fn) => type === 'pagehide' && handlers.push(fn), close: () => handlers.forEach((fn) => fn({})) };
};
const hasPending = (s) => Boolean(s && (s.outstanding || s.buffer));
const OTHER = 'other-tab-0123456789';

/** A closed (or live) tab's saved state for pad "p" with one unsent op. */
function savedWithUnsentOp(storage, secret) {
  const client = new Client({ secret, authorId: 'me', send: () => {} });
  client.onJoined({ type: 'joined', rev: 1, lastSeq: 0, text: 'abc', authors: [[3, 'me']] });
  const writer = new StateWriter(storage, 'p', client);
  writer.compact();
  client.applyClient(new TextOperation().retain(3).insert('!'));
  writer.changed();
  clearInterval(writer.liveTimer);
  clearTimeout(writer.idleTimer);
}

async function choose(storage, tabStorage, locks) {
  const win = fakeWindow();
  try {
    return await chooseClient({ storage, tabStorage, padId: 'p', hasPending, locks, win });
  } finally {
    win.close();
  }
}

describe('chooseClient', () => {
  test('a reloaded tab keeps its id and its saved state', async () => {
    const storage = new MemoryStorage();
    const tab = new MemoryStorage();
    savedWithUnsentOp(storage, OTHER);
    tab.setItem('ardoise.clientSecret', OTHER);
    const chosen = await choose(storage, tab, fakeLocks());
    assert.equal(chosen.secret, OTHER);
    assert.equal(Client.fromStorage(chosen.saved.stored, { send: () => {} }).document().text, 'abc!');
  });

  test('a duplicated tab whose original still runs takes a fresh id and leaves its text alone', async () => {
    const storage = new MemoryStorage();
    const tab = new MemoryStorage();
    savedWithUnsentOp(storage, OTHER);
    tab.setItem('ardoise.clientSecret', OTHER);
    const chosen = await choose(storage, tab, fakeLocks(new Set([`ardoise.client.${OTHER}`])));
    assert.notEqual(chosen.secret, OTHER);
    assert.equal(chosen.saved, null);
    assert.equal(tab.getItem('ardoise.clientSecret'), chosen.secret);
  });

  test('a fresh tab adopts a closed tab\u2019s unsent text, never a live (even frozen) tab\u2019s', async () => {
    const storage = new MemoryStorage();
    savedWithUnsentOp(storage, OTHER);
    const live = await choose(storage, new MemoryStorage(), fakeLocks(new Set([`ardoise.client.${OTHER}`])));
    assert.notEqual(live.secret, OTHER);
    const closed = await choose(storage, new MemoryStorage(), fakeLocks());
    assert.equal(closed.secret, OTHER);
    assert.ok(hasPending(closed.saved.stored));
  });

  test('without Web Locks, heartbeats decide: a tab alive a moment ago is not adopted', async () => {
    const storage = new MemoryStorage();
    savedWithUnsentOp(storage, OTHER);
    const chosen = await choose(storage, new MemoryStorage(), null);
    assert.notEqual(chosen.secret, OTHER);
  });
});
