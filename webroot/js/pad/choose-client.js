// Which secret (and saved state) this page takes. Two live pages must never share a secret:
// the server would take one page's seqs for the other's and drop text as "already committed".
//
// Where the Web Locks API exists (secure contexts: https, localhost), a page holds a lock named
// after its secret until it goes away, which is exact even for frozen background tabs. Elsewhere
// (plain http on a LAN) heartbeats in localStorage stand in (identity.js, saved-state.js).

import { holdClaim, randomId, rememberTabSecret, tabSecret, unclaimedTabSecret } from './identity.js';
import { isAbandoned, loadSaved, statesWithUnsentOps } from './saved-state.js';

const RELOAD_WAIT_MS = 1500; // a reloaded page may start before the old one released its lock

/**
 * Resolves true if this page now holds the secret's lock (kept until the page goes away), false if
 * another page holds it, null when the browser has no Web Locks.
 */
export function lockSecret(secret, waitMs, locks = globalThis.navigator?.locks) {
  if (!locks) return Promise.resolve(null);
  return new Promise((resolve) => {
    const options = waitMs > 0 ? { signal: AbortSignal.timeout(waitMs) } : { ifAvailable: true };
    locks.request(`ardoise.client.${secret}`, options, (lock) => {
      resolve(Boolean(lock));
      return lock ? new Promise(() => {}) : undefined;
    }).catch(() => resolve(false)); // waited in vain: a live page holds it
  });
}

/**
 * {secret, saved}: this tab's own id after a reload; for a fresh (or duplicated) tab, a closed
 * tab's state holding unsent ops (adopted with its secret so its seqs stay deduplicated), else a
 * new id. The choice is remembered in sessionStorage and claimed for this page's lifetime.
 */
export async function chooseClient({ storage, tabStorage, padId, hasPending, locks = globalThis.navigator?.locks, win = globalThis }) {
  const chosen = await pick(storage, tabStorage, padId, hasPending, locks);
  rememberTabSecret(tabStorage, chosen.secret);
  holdClaim(storage, chosen.secret, win);
  return chosen;
}

async function pick(storage, tabStorage, padId, hasPending, locks) {
  const own = tabSecret(tabStorage);
  if (own) {
    const locked = await lockSecret(own, RELOAD_WAIT_MS, locks);
    const free = locked ?? unclaimedTabSecret(storage, tabStorage) === own;
    if (free) return { secret: own, saved: loadSaved(storage, padId, own) };
  }
  for (const saved of statesWithUnsentOps(storage, padId, hasPending)) {
    if (saved.secret === own) continue;
    const locked = await lockSecret(saved.secret, 0, locks);
    if (locked ?? isAbandoned(saved)) return { secret: saved.secret, saved };
  }
  const secret = randomId();
  await lockSecret(secret, 0, locks);
  return { secret, saved: null };
}
