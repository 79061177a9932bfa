import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserAuthorSecret, holdClaim, randomId, rememberTabSecret, unclaimedTabSecret } from '../../../webroot/js/pad/identity.js';

class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

/** A window whose page events the test fires. */
function fakeWindow() {
  const listeners = {};
  return {
    addEventListener: (type, fn) => { (listeners[type] ??= []).push(fn); },
    fire: (type, event = {}) => (listeners[type] ?? []).forEach((fn) => fn(event)),
  };
}

describe('identity', () => {
  test('ids are random, URL-safe and long enough for the protocol', () => {
    const ids = new Set(Array.from({ length: 100 }, randomId));
    assert.equal(ids.size, 100);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{16,64}$/);
  });

  test('the authorId is kept per browser', () => {
    const storage = new MemoryStorage();
    assert.equal(browserAuthorSecret(storage), browserAuthorSecret(storage));
  });

  test('a reloaded tab keeps its secret, a duplicated tab gets none', () => {
    const storage = new MemoryStorage();
    const tab = new MemoryStorage();
    const original = fakeWindow();
    const id = randomId();
    rememberTabSecret(tab, id);
    holdClaim(storage, id, original);
    try {
      const duplicate = new MemoryStorage();
      rememberTabSecret(duplicate, id); // the duplicate inherits sessionStorage
      assert.equal(unclaimedTabSecret(storage, duplicate), null, 'the original still runs');
      original.fire('pagehide', { persisted: false }); // a reload: the old page goes away
      assert.equal(unclaimedTabSecret(storage, tab), id);
      assert.equal(unclaimedTabSecret(storage, new MemoryStorage()), null, 'a new tab has no id');
      const later = Date.now() + 60000;
      original.fire('pageshow', { persisted: true });
      assert.equal(unclaimedTabSecret(storage, tab), null, 'back from the cache, it holds its id again');
      assert.equal(unclaimedTabSecret(storage, tab, later), id, 'a crashed page\u2019s claim expires');
    } finally {
      original.fire('pagehide', { persisted: false });
    }
  });
});
