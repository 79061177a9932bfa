// Registers the service worker (/sw.js) and hands it the files this page loaded, so the next load
// works without network. When it confirms, <html data-offline-ready="true"> (tests wait for it).

/** Best effort: a browser without service workers (or a non-secure origin) simply needs network. */
export async function prepareOfflineShell(win = globalThis) {
  const container = win.navigator?.serviceWorker;
  if (!container) return false;
  try {
    await container.register('/sw.js', { scope: '/' });
    const registration = await container.ready;
    const urls = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    const worker = registration.active;
    if (!worker) return false;
    return await new Promise((resolve) => {
      container.addEventListener('message', function onMessage(event) {
        if (event.data?.type !== 'cached' && event.data?.type !== 'cache-failed') return;
        container.removeEventListener('message', onMessage);
        const ok = event.data.type === 'cached';
        if (ok) win.document.documentElement.dataset.offlineReady = 'true';
        resolve(ok);
      });
      container.startMessages();
      worker.postMessage({ type: 'cache', urls, page: win.location.pathname + win.location.search });
    });
  } catch (e) {
    console.warn('offline shell unavailable', e);
    return false;
  }
}
