// The owner's HTTP API (docs/protocol.md, "Owners"): a pad's settings (anyone may read them), and
// with this browser's owner token (owner-tokens.js, sent only in an Authorization header, never in
// an address) the changes only the owner may make. Each call resolves {ok, status, body}; a failed
// request (offline) resolves {ok: false, status: 0}, so the panel says it and keeps its state.

const padPath = (padId) => `/api/pads/${encodeURIComponent(padId)}`;

async function call(fetchImpl, url, { method = 'GET', token = null, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetchImpl(url, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = response.status === 204 ? {} : await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body: parsed };
  } catch (e) {
    return { ok: false, status: 0, body: {} };
  }
}

export class OwnerApi {
  constructor(padId, fetchImpl = globalThis.fetch?.bind(globalThis)) {
    Object.assign(this, { padId, fetchImpl });
  }

  /** {owned, owner}: whether the pad has an owner, and whether `token` is that owner's. */
  ownerStatus(token) {
    return call(this.fetchImpl, `${padPath(this.padId)}/owner`, { token });
  }

  settings() {
    return call(this.fetchImpl, `${padPath(this.padId)}/settings`);
  }

  /** Any subset of {lifetimeDays, locked, password (null removes it), protectReadOnly}. */
  changeSettings(token, changes) {
    return call(this.fetchImpl, `${padPath(this.padId)}/settings`, { method: 'PATCH', token, body: changes });
  }

  /** 201 {padId, ownerToken} for the first one to ask; 409 already-owned afterwards. */
  claim() {
    return call(this.fetchImpl, `${padPath(this.padId)}/claim`, { method: 'POST', body: {} });
  }

  rotateReadOnlyLink(token) {
    return call(this.fetchImpl, `${padPath(this.padId)}/read-only-link`, { method: 'POST', token, body: {} });
  }

  deletePad(token) {
    return call(this.fetchImpl, padPath(this.padId), { method: 'DELETE', token });
  }
}
