// Service worker: lets a pad page open again without network, so a reload while offline shows the
// text saved in localStorage (and keeps it editable) instead of the browser's error page.
//
// Network first (fresh code and pages whenever the server answers), the cache only when the network
// fails or stays silent. The page tells us which files it loaded ({type: 'cache', urls}); we keep
// them, and the pad page itself as the shell for every pad address. WebSockets and the API are
// never touched.

const CACHE = 'ardoise-shell-v1';
const SHELL = '/__ardoise-pad-shell';
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Only the pad page itself is the shell: /p/NAME/history, /p/NAME/export/FORMAT,
// /p/NAME/projector and /p/NAME/qr.svg are other documents that must never be answered by it.
const isPadPage = (url) => /^\/p\/[^/]+\/?$/.test(url.pathname) || url.pathname === '/pad.html';
const cacheable = (url) => url.origin === self.location.origin && !url.pathname.startsWith('/ws/')
  && !url.pathname.startsWith('/api/') && url.pathname !== '/health'
  && !/^\/p\/[^/]+\/(export|history)(\/|$)/.test(url.pathname);

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache' || !Array.isArray(data.urls)) return;
  event.waitUntil(cacheAll(data.urls, data.page).then(
    () => event.source?.postMessage({ type: 'cached' }),
    () => event.source?.postMessage({ type: 'cache-failed' }),
  ));
});

async function cacheAll(urls, page) {
  const cache = await caches.open(CACHE);
  const wanted = urls.map((u) => new URL(u, self.location.origin)).filter(cacheable);
  await Promise.all(wanted.map(async (url) => {
    if (await cache.match(url.href)) return;
    const response = await fetch(url.href, { credentials: 'same-origin' });
    if (response.ok) await cache.put(url.href, response);
  }));
  if (page) {
    const response = await fetch(page, { credentials: 'same-origin' });
    if (response.ok) await cache.put(SHELL, response);
  }
  await forgetOtherReleases(cache, wanted);
}

// A release's files live under /v/{tag}/: once a page of the current release is kept, the files of
// earlier releases are never asked for again.
async function forgetOtherReleases(cache, kept) {
  const release = (url) => /^\/v\/([^/]+)\//.exec(url.pathname)?.[1];
  const current = new Set(kept.map(release).filter(Boolean));
  if (current.size === 0) return;
  for (const request of await cache.keys()) {
    const tag = release(new URL(request.url));
    if (tag && !current.has(tag)) await cache.delete(request);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !cacheable(url)) return;
  event.respondWith(networkFirst(request, url));
});

async function networkFirst(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok && response.type === 'basic') {
      cache.put(isPadPage(url) && request.mode === 'navigate' ? SHELL : request, response.clone());
    }
    return response;
  } catch (e) {
    const cached = request.mode === 'navigate' && isPadPage(url)
      ? await cache.match(SHELL)
      : await cache.match(request);
    if (cached) return cached;
    throw e;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then((v) => {
      clearTimeout(timer);
      resolve(v);
    }, (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
