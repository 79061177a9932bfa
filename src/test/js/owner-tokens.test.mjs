import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createOwnedPad, ownerToken } from '../../../webroot/js/pad/owner-tokens.js';
import { MemoryStorage } from './support/fake-page.mjs';

const answer = (status, body) => async () => ({ status, json: async () => body });

describe('createOwnedPad', () => {
  test('keeps the owner token of a created pad under its id', async () => {
    const storage = new MemoryStorage();
    const created = await createOwnedPad(storage, 'Atelier', answer(201, { padId: 'atelier', ownerToken: 't'.repeat(22) }));
    assert.deepEqual(created, { padId: 'atelier' });
    assert.equal(ownerToken(storage, 'atelier'), 't'.repeat(22));
  });

  test('sends the lifetime chosen, and none when the form offered none', async () => {
    const bodies = [];
    const recording = async (url, init) => {
      bodies.push(JSON.parse(init.body));
      return { status: 201, json: async () => ({ padId: 'a', ownerToken: 't'.repeat(22) }) };
    };
    await createOwnedPad(new MemoryStorage(), 'a', recording, 7);
    await createOwnedPad(new MemoryStorage(), 'a', recording);
    assert.deepEqual(bodies, [{ name: 'a', lifetimeDays: 7 }, { name: 'a' }]);
  });

  test('a taken name is said, and nothing is kept', async () => {
    const storage = new MemoryStorage();
    assert.deepEqual(await createOwnedPad(storage, 'pris', answer(409, { error: 'pad-exists' })), { exists: true });
    assert.equal(ownerToken(storage, 'pris'), null);
  });

  test('offline or an unexpected answer: null, so the page opens the pad by its address', async () => {
    const storage = new MemoryStorage();
    assert.equal(await createOwnedPad(storage, 'x', async () => { throw new TypeError('offline'); }), null);
    assert.equal(await createOwnedPad(storage, 'x', answer(503, { error: 'store-unavailable' })), null);
  });
});
