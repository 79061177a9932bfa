// The history API (docs/history.md) as promises, plus who this browser is for restores and saved versions.

import { browserTimeZone } from '../pads.js';

const AUTHOR_KEY = 'ardoise.authorId';
const PROFILE_KEY = 'ardoise.profile';
const VALID_ID = /^[A-Za-z0-9_-]{16,64}$/;

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

/** {authorId, name, color} as the editor joins with; an authorId is created if this browser has none. */
export function person(storage = globalThis.localStorage, fallbackName = 'Anonyme') {
  let authorId = null;
  let profile = null;
  try {
    authorId = storage.getItem(AUTHOR_KEY);
    profile = JSON.parse(storage.getItem(PROFILE_KEY) || 'null');
  } catch {
    // storage disabled: a fresh id for this page
  }
  if (!authorId || !VALID_ID.test(authorId)) {
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
    authorId = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    try { storage.setItem(AUTHOR_KEY, authorId); } catch { /* not remembered */ }
  }
  const name = typeof profile?.name === 'string' && profile.name.trim() ? profile.name.trim() : fallbackName;
  const color = typeof profile?.color === 'string' && /^#[0-9a-f]{6}$/i.test(profile.color) ? profile.color : '#7f7f7f';
  return { authorId, name, color };
}
