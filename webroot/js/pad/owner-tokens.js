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
 * Creates a pad through POST /api/pads and keeps its owner token. Resolves {padId} when created,
 * {exists: true} when a pad of that name exists already, or null when the server could not create
 * it (offline, an older server): the caller may still open the pad by its address.
 */
export async function createOwnedPad(storage, name, fetchImpl = globalThis.fetch) {
  let response;
  try {
    response = await fetchImpl('/api/pads', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  } catch (e) {
    return null;
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 201 && typeof body.padId === 'string' && typeof body.ownerToken === 'string') {
    rememberOwnerToken(storage, body.padId, body.ownerToken);
    return { padId: body.padId };
  }
  if (response.status === 409) return { exists: true };
  return null;
}
