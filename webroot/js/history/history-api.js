// The history API (docs/history.md) as promises, plus who this browser is for restores and saved versions.

import { browserTimeZone } from '../pads.js';
import { browserAuthorSecret } from '../pad/identity.js';

const PROFILE_KEY = 'ardoise.profile';

/** An API refusal: `code` is stable (e.g. "not-utf8"), `message` is the server's English sentence. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function json(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error || 'server-error', body.message || response.statusText);
  return body;
}

export function historyApi(padName) {
  const base = `/api/pads/${encodeURIComponent(padName)}`;
  const get = (path) => fetch(base + path, { credentials: 'same-origin' }).then(json);
  const post = (path, body) => fetch(base + path, {
    method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }).then(json);
  return {
    summary: () => get('/history'),
    state: (rev) => get(`/history/${rev}`),
    ops: (from, to) => get(`/history?from=${from}&to=${to}`),
    revAtTime: (time) => get(`/history?time=${time}`),
    versions: () => get('/versions'),
    saveVersion: (rev, label) => post('/versions', { ...person(), rev, label }),
    restore: (rev) => post('/restore', { ...person(), rev }),
    exportUrl: (format, rev, authors, lang) =>
      `/p/${encodeURIComponent(padName)}/export/${format}?rev=${rev}&authors=${authors ? 1 : 0}&lang=${lang}`
      + `&tz=${encodeURIComponent(browserTimeZone())}`,
  };
}

/**
 * {authorSecret, name, color} as the editor joins with: the server attributes the edit to the
 * authorId it derives from the secret (created if this browser has none).
 */
export function person(storage = globalThis.localStorage, fallbackName = 'Anonyme') {
  let profile = null;
  try {
    profile = JSON.parse(storage.getItem(PROFILE_KEY) || 'null');
  } catch {
    // storage disabled: the default name and colour
  }
  const authorSecret = browserAuthorSecret(storage);
  const name = typeof profile?.name === 'string' && profile.name.trim() ? profile.name.trim() : fallbackName;
  const color = typeof profile?.color === 'string' && /^#[0-9a-f]{6}$/i.test(profile.color) ? profile.color : '#7f7f7f';
  return { authorSecret, name, color };
}
