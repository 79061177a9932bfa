// The owner's panel in the editor: a toolbar button and a dialog, shown only when this browser holds
// the pad's owner token (checked with GET /api/pads/{pad}/owner), or, on a pad nobody owns, offering
// to claim it. Lifetime, lock, edit password (and for the read-only link), a new read-only link, the
// owner link to hand over, and "delete now" behind a confirmation. The token only ever leaves in an
// Authorization header (owner-api.js) or in the owner link's fragment, copied on request.

import { OwnerApi } from './owner-api.js';
import { ownerLink, ownerToken, rememberOwnerToken } from './owner-tokens.js';
import { buildClaimBody, buildOwnerBody } from './owner-panel-body.js';
import { deletionLine, fillLifetimeSelect, readChoices } from './lifetimes.js';

async function copyText(win, input) {
  try {
    await win.navigator.clipboard.writeText(input.value);
    return true;
  } catch (e) {
    // No clipboard API outside secure contexts (http:// on a LAN address): the field, selected.
    input.hidden = false;
    input.focus();
    input.select();
    return win.document.execCommand?.('copy') === true;
  }
}

class OwnerPanel {
  constructor({ doc, i18n, padId, storage, api, onPasswordSet }) {
    Object.assign(this, { doc, i18n, padId, storage, api, onPasswordSet, mode: null, settings: null });
    this.button = doc.createElement('button');
    Object.assign(this.button, { type: 'button', id: 'open-owner', className: 'tool', hidden: true });
    this.button.setAttribute('aria-haspopup', 'dialog');
    const icon = Object.assign(doc.createElement('span'), { className: 'tool-icon', textContent: '⚙' });
    icon.setAttribute('aria-hidden', 'true');
    this.button.append(icon, Object.assign(doc.createElement('span'), { className: 'tool-text' }));
    doc.getElementById('open-share').after(this.button);
    this.dialog = doc.createElement('dialog');
    Object.assign(this.dialog, { id: 'owner-dialog', className: 'profile-dialog owner-dialog' });
    this.dialog.setAttribute('aria-labelledby', 'owner-title');
    doc.body.append(this.dialog);
    this.button.addEventListener('click', () => this.open());
    i18n.onChange(() => this.render());
  }

  get token() {
    return ownerToken(this.storage, this.padId);
  }

  /** Asks the server whether this browser owns the pad (or whether nobody does) and shows the button. */
  async check() {
    const answer = await this.api.ownerStatus(this.token);
    if (!answer.ok) return;
    this.mode = answer.body.owner === true ? 'owner' : answer.body.owned === false ? 'claim' : null;
    this.button.hidden = this.mode === null;
    this.button.dataset.mode = this.mode ?? 'none';
    this.label();
  }

  /** The button's words, also its title: on narrower screens only its icon shows. */
  label() {
    const text = this.i18n.t(this.mode === 'claim' ? 'owner.openClaim' : 'owner.open');
    this.button.querySelector('.tool-text').textContent = text;
    this.button.title = text;
  }

  async open() {
    this.render();
    this.dialog.showModal();
    if (this.mode === 'owner') await this.load();
  }

  async load() {
    this.dialog.dataset.state = 'loading';
    this.say('owner.loading');
    const answer = await this.api.settings();
    if (!answer.ok) return this.say('owner.failed');
    this.settings = answer.body;
    this.message = null;
    this.render();
    this.dialog.dataset.state = 'ready';
    return undefined;
  }

  say(key, params = {}) {
    this.message = key && { key, params };
    const node = this.dialog.querySelector('#owner-message');
    if (node) node.textContent = key ? this.i18n.t(key, params) : '';
  }

  render() {
    const t = (key, params) => this.i18n.t(key, params);
    this.label();
    const body = this.mode === 'claim' ? buildClaimBody(this.doc, t) : buildOwnerBody(this.doc, t, this.settings ?? {});
    this.dialog.replaceChildren(body);
    if (this.mode === 'owner' && this.settings) this.fillSettings();
    this.wire();
    if (this.message) this.say(this.message.key, this.message.params);
  }

  fillSettings() {
    const s = this.settings;
    const offered = readChoices(s);
    const select = this.dialog.querySelector('#owner-lifetime');
    if (offered) fillLifetimeSelect(select, this.i18n, offered.choices, s.lifetimeDays);
    const line = deletionLine(this.i18n, { known: true, lifetimeDays: s.lifetimeDays ?? null, deletesAt: s.deletesAt ?? null });
    this.dialog.querySelector('#owner-deletes-at').textContent = line ?? '';
  }

  wire() {
    const $ = (selector) => this.dialog.querySelector(selector);
    const on = (selector, type, handler) => $(selector)?.addEventListener(type, handler);
    on('.owner-close', 'click', () => this.dialog.close());
    on('#owner-claim', 'click', () => this.claim());
    on('#owner-lifetime', 'change', (e) => this.change({ lifetimeDays: Number(e.target.value) }));
    on('#owner-lock', 'change', (e) => this.change({ locked: e.target.checked }));
    on('#owner-protect', 'change', (e) => this.change({ protectReadOnly: e.target.checked }));
    on('#owner-password-form', 'submit', (e) => {
      e.preventDefault();
      const password = $('#owner-password').value;
      if (password.length < 4 || password.length > 128) return this.say('owner.passwordBad');
      return this.change({ password });
    });
    on('#owner-password-remove', 'click', () => this.change({ password: null }));
    on('#owner-rotate', 'click', () => this.rotate());
    on('#owner-copy-link', 'click', () => this.copyOwnerLink());
    on('#owner-delete', 'click', () => { $('#owner-delete-confirm').hidden = false; $('#owner-delete-no').focus(); });
    on('#owner-delete-no', 'click', () => { $('#owner-delete-confirm').hidden = true; $('#owner-delete').focus(); });
    on('#owner-delete-yes', 'click', () => this.deletePad());
  }

  async change(changes) {
    const answer = await this.api.changeSettings(this.token, changes);
    if (!answer.ok) return this.refused(answer);
    this.settings = answer.body;
    this.message = { key: 'owner.saved', params: {} };
    this.saves = (this.saves ?? 0) + 1;
    this.dialog.dataset.saves = String(this.saves); // tests wait for a change to be answered
    // The owner's own tab gives the new password at once, so setting it does not stop their writing.
    if (typeof changes.password === 'string') this.onPasswordSet?.(changes.password);
    return this.render();
  }

  /** A refusal: a bad value is said; a token the server no longer knows turns the panel off. */
  refused(answer) {
    if (answer.status === 403 || answer.status === 401) {
      this.say('owner.notOwner');
      this.button.hidden = true;
      return;
    }
    this.say(answer.body?.error === 'bad-password' ? 'owner.passwordBad' : 'owner.failed');
  }

  async claim() {
    const answer = await this.api.claim();
    if (answer.status === 409) return this.say('owner.claimTaken');
    if (!answer.ok || typeof answer.body.ownerToken !== 'string') return this.say('owner.failed');
    rememberOwnerToken(this.storage, this.padId, answer.body.ownerToken);
    this.mode = 'owner';
    this.button.dataset.mode = 'owner';
    this.message = null;
    this.render();
    return this.load();
  }

  async rotate() {
    const answer = await this.api.rotateReadOnlyLink(this.token);
    if (answer.status === 409) return this.say('owner.rotateLater'); // a pad never written has none yet
    if (!answer.ok) return this.refused(answer);
    return this.say('owner.rotated', { url: answer.body.readOnlyUrl ?? '' });
  }

  async copyOwnerLink() {
    const field = this.dialog.querySelector('#owner-link');
    const win = this.doc.defaultView;
    field.value = ownerLink(win.location.origin, win.location.pathname, this.token ?? '');
    const copied = await copyText(win, field);
    if (copied) this.say('owner.ownerLinkCopied');
  }

  async deletePad() {
    const answer = await this.api.deletePad(this.token);
    if (!answer.ok) return this.refused(answer);
    this.dialog.close();
    this.button.hidden = true;
    return undefined; // the socket's pad-deleted tells this tab, like every other one
  }
}

/** Mounts the owner's button and dialog for `padId` and checks ownership; resolves with the panel. */
export async function mountOwnerPanel({ doc, i18n, padId, storage = globalThis.localStorage, api = new OwnerApi(padId), onPasswordSet }) {
  const panel = new OwnerPanel({ doc, i18n, padId, storage, api, onPasswordSet });
  await panel.check();
  return panel;
}
