// The owner tokens this browser holds, one per pad it created or claimed (localStorage). A token is
// the pad's owner capability: it is sent only to this server, in an Authorization header.

const PREFIX = 'ardoise.owner.';

/** This browser's owner token for `padId`, or null. */
export function ownerToken(storage, padId) {
  try {
    return storage.getItem(PREFIX + padId);
  } catch (e) {
    return null;
  }
}

/** Keeps `token` as this browser's owner token for `padId`; false when storage is disabled. */
export function rememberOwnerToken(storage, padId, token) {
  try {
    storage.setItem(PREFIX + padId, token);
    return true;
  } catch (e) {
    return false;
  }
}

/**
 * The owner link of a pad: its address with the token in the fragment (`#owner=`), which browsers
 * never send to a server nor in a Referer. Handed over to a co-facilitator, it makes their browser
 * an owner too.
 */
export function ownerLink(origin, padPath, token) {
  return `${origin}${padPath}#owner=${encodeURIComponent(token)}`;
}

const TOKEN_FRAGMENT = /^#owner=([A-Za-z0-9_-]{16,128})$/;

/**
 * Opened through an owner link: keeps its token for `padId` and takes the fragment out of the
 * address bar (history.replaceState, no reload), so the token is not left in the history, a
 * bookmark or a link copied from the address bar. Returns whether a token was taken.
 */
export function adoptOwnerLink(win, storage, padId) {
  const match = TOKEN_FRAGMENT.exec(win.location.hash ?? '');
  if (!win.location.hash?.startsWith('#owner=')) return false;
  const { pathname, search } = win.location;
  win.history.replaceState(win.history.state, '', pathname + search);
  return match !== null && Boolean(padId) && rememberOwnerToken(storage, padId, match[1]);
}

/**
 * Creates a pad through POST /api/pads and keeps its owner token. Resolves {padId} when created,
 * {exists: true} when a pad of that name exists already, or null when the server could not create
 * it (offline, an older server): the caller may still open the pad by its address.
 * `lifetimeDays` (optional): one of the server's choices (GET /api/pads/{pad}/settings).
 */
export async function createOwnedPad(storage, name, fetchImpl = globalThis.fetch, lifetimeDays = null) {
  let response;
  const body = { name };
  if (Number.isInteger(lifetimeDays)) body.lifetimeDays = lifetimeDays;
  try {
    response = await fetchImpl('/api/pads', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    return null;
  }
  const answer = await response.json().catch(() => ({}));
  if (response.status === 201 && typeof answer.padId === 'string' && typeof answer.ownerToken === 'string') {
    rememberOwnerToken(storage, answer.padId, answer.ownerToken);
    return { padId: answer.padId };
  }
  if (response.status === 409) return { exists: true };
  return null;
}
