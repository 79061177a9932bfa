// Who this tab is. secret: random, one per tab (sessionStorage survives a reload of the same tab,
// so a resent op keeps its (clientId, seq) and is deduplicated); the server derives the tab's public
// clientId from it. authorSecret: random, one per browser (localStorage), from which the server
// derives the authorId, so a person's text keeps its colour across tabs and days. Both are shown
// only to the server: whoever holds them speaks as this tab, or writes as this person.

const CLIENT_KEY = 'ardoise.clientSecret';
const AUTHOR_KEY = 'ardoise.authorSecret';

/** 22 URL-safe random characters (132 bits), within the protocol's [A-Za-z0-9_-]{16,64}. */
export function randomId() {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const VALID = /^[A-Za-z0-9_-]{16,64}$/;

function get(storage, key) {
  try {
    const value = storage.getItem(key);
    return value && VALID.test(value) ? value : null;
  } catch (e) {
    return null;
  }
}

function put(storage, key, value) {
  try {
    storage.setItem(key, value);
  } catch (e) {
    // storage disabled: the ids live as long as the page
  }
}

/** This tab's secret, or null when the tab has none yet. */
export function tabSecret(tabStorage) {
  return get(tabStorage, CLIENT_KEY);
}

export function rememberTabSecret(tabStorage, secret) {
  put(tabStorage, CLIENT_KEY, secret);
}

/** This browser's author secret, created on first use. */
export function browserAuthorSecret(storage) {
  let id = get(storage, AUTHOR_KEY);
  if (!id) {
    id = randomId();
    put(storage, AUTHOR_KEY, id);
  }
  return id;
}

// A duplicated tab (Chrome's "Duplicate", some "reopen" paths) inherits sessionStorage, hence the
// secret, while the original still runs: two tabs on one (secret, seq) space would see each
// other's seqs as already committed and lose text. So a page holds a claim on its secret in
// localStorage (refreshed while it runs, released on pagehide, so a reload keeps its id) and a page
// finding its id claimed by a live other page takes a fresh one.
const CLAIM_REFRESH_MS = 3000;
const CLAIM_TTL_MS = 10000;
const claimKey = (secret) => `ardoise.claim.${secret}`;

/** This tab's secret unless another live page holds it (then null: take a fresh one). */
export function unclaimedTabSecret(storage, tabStorage, now = Date.now()) {
  const id = tabSecret(tabStorage);
  if (!id) return null;
  try {
    const claim = JSON.parse(storage.getItem(claimKey(id)) || 'null');
    if (claim && !claim.released && now - claim.at < CLAIM_TTL_MS) return null;
  } catch (e) {
    // unreadable claim: treat as free
  }
  return id;
}

/** Holds the claim on `secret` for as long as this page lives. */
export function holdClaim(storage, secret, win = globalThis) {
  const write = (released) => put(storage, claimKey(secret), JSON.stringify({ at: Date.now(), released }));
  write(false);
  let timer = setInterval(() => write(false), CLAIM_REFRESH_MS);
  win.addEventListener?.('pagehide', () => {
    clearInterval(timer);
    write(true);
  });
  win.addEventListener?.('pageshow', (event) => {
    if (!event.persisted) return; // back from the back-forward cache: the page runs again
    write(false);
    timer = setInterval(() => write(false), CLAIM_REFRESH_MS);
  });
}
