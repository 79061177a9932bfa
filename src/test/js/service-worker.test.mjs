import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const SOURCE = readFileSync(new URL('../../../webroot/sw.js', import.meta.url), 'utf8');
const ORIGIN = 'https://pad.example.org';

/** webroot/sw.js in a sandbox: a Cache Storage in memory, a network that answers every GET. */
function serviceWorker(stored) {
  const cache = new Map(stored.map((path) => [ORIGIN + path, 'old']));
  const listeners = {};
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type, fn) => { listeners[type] = fn; },
    skipWaiting: () => {},
    clients: { claim: () => {} },
  };
  const caches = {
    open: async () => ({
      match: async (key) => cache.get(typeof key === 'string' ? key : key.url),
      put: async (key, value) => { cache.set(typeof key === 'string' ? (key.startsWith('/') ? ORIGIN + key : key) : key.url, value); },
      keys: async () => [...cache.keys()].map((url) => ({ url })),
      delete: async (request) => cache.delete(request.url),
    }),
  };
  const fetch = async () => ({ ok: true, type: 'basic', clone() { return this; } });
  vm.runInNewContext(SOURCE, { self, caches, fetch, URL, setTimeout, clearTimeout });
  const send = (data) => new Promise((resolve) => {
    listeners.message({ data, waitUntil: (p) => p.then(() => resolve()), source: { postMessage: () => {} } });
  });
  return { cache, send };
}

test('keeping a page of a new release forgets the files of earlier ones, and nothing else', async () => {
  const sw = serviceWorker(['/v/aaaaaaaaaaaa/js/pad-main.js', '/v/aaaaaaaaaaaa/css/ardoise.css', '/favicon.svg',
    '/webjars/crelt/1.0.7/index.js']);
  await sw.send({ type: 'cache', urls: [`${ORIGIN}/v/bbbbbbbbbbbb/js/pad-main.js`, `${ORIGIN}/webjars/crelt/1.0.7/index.js`],
    page: '/p/atelier' });
  assert.deepEqual([...sw.cache.keys()].sort(), [
    `${ORIGIN}/__ardoise-pad-shell`,
    `${ORIGIN}/favicon.svg`,
    `${ORIGIN}/v/bbbbbbbbbbbb/js/pad-main.js`,
    `${ORIGIN}/webjars/crelt/1.0.7/index.js`,
  ]);
});

test('a list without release files forgets nothing', async () => {
  const sw = serviceWorker(['/v/aaaaaaaaaaaa/js/pad-main.js']);
  await sw.send({ type: 'cache', urls: [`${ORIGIN}/favicon.svg`] });
  assert.ok(sw.cache.has(`${ORIGIN}/v/aaaaaaaaaaaa/js/pad-main.js`));
});
