// Who this tab is. clientId: random, one per tab (sessionStorage survives a reload of the same tab,
// so a resent op keeps its (clientId, seq) and is deduplicated). authorId: random, one per browser
// (localStorage), so a person's text keeps its colour across tabs and days.

const CLIENT_KEY = 'ardoise.clientId';
const AUTHOR_KEY = 'ardoise.authorId';

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

/** This tab's clientId, or null when the tab has none yet. */
export function tabClientId(tabStorage) {
  return get(tabStorage, CLIENT_KEY);
}

export function rememberTabClientId(tabStorage, clientId) {
  put(tabStorage, CLIENT_KEY, clientId);
}

/** This browser's authorId, created on first use. */
export function browserAuthorId(storage) {
  let id = get(storage, AUTHOR_KEY);
  if (!id) {
    id = randomId();
    put(storage, AUTHOR_KEY, id);
  }
  return id;
}
