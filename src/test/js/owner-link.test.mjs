// The owner link (#owner=TOKEN) and the lifetime words: the token is kept for the pad and taken out of
// the address bar; a lifetime reads as the choice an owner picks and as the deletion date members see.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { adoptOwnerLink, ownerLink, ownerToken } from '../../../webroot/js/pad/owner-tokens.js';
import { deletionLine, lifetimeLabel, readChoices, readerLocale } from '../../../webroot/js/pad/lifetimes.js';
import { MemoryStorage } from './support/fake-page.mjs';

function fakeWindow(href) {
  const url = new URL(href);
  const win = { replaced: [], location: { pathname: url.pathname, search: url.search, hash: url.hash } };
  win.history = { state: { kept: true }, replaceState: (state, title, address) => win.replaced.push([state, address]) };
  return win;
}

const TOKEN = 'AbCdEfGhIjKlMnOpQrSt_-';

describe('owner link', () => {
  test('opening it keeps the token and replaces the address without the fragment', () => {
    const storage = new MemoryStorage();
    const win = fakeWindow(`http://h/p/atelier?lang=fr#owner=${TOKEN}`);
    assert.equal(adoptOwnerLink(win, storage, 'atelier'), true);
    assert.equal(ownerToken(storage, 'atelier'), TOKEN);
    assert.deepEqual(win.replaced, [[{ kept: true }, '/p/atelier?lang=fr']]);
  });

  test('a malformed token is not kept, but still leaves the address bar; other fragments stay', () => {
    const storage = new MemoryStorage();
    const bad = fakeWindow('http://h/p/atelier#owner=<script>');
    assert.equal(adoptOwnerLink(bad, storage, 'atelier'), false);
    assert.equal(ownerToken(storage, 'atelier'), null);
    assert.equal(bad.replaced.length, 1);
    const other = fakeWindow('http://h/p/atelier#section');
    assert.equal(adoptOwnerLink(other, storage, 'atelier'), false);
    assert.equal(other.replaced.length, 0);
  });

  test('the link puts the token in the fragment only', () => {
    assert.equal(ownerLink('http://h:9000', '/p/atelier', TOKEN), `http://h:9000/p/atelier#owner=${TOKEN}`);
  });
});

const i18n = (lang) => ({
  lang,
  t(key, params = {}) {
    const fr = { 'lifetime.week': '1 semaine', 'lifetime.forever': 'sans limite de temps', 'lifetime.days.other': '{count} jours',
      'policy.deletesOn': 'Ce pad sera supprimé le {date}', 'policy.keptForever': 'Ce pad est conservé sans limite de temps' };
    const value = fr[key] ?? fr[`${key}.other`] ?? key;
    return value.replace(/\{(\w+)\}/g, (w, n) => (n in params ? String(params[n]) : w));
  },
});

describe('lifetimes', () => {
  test('named choices, other counts in days, 0 as forever', () => {
    assert.equal(lifetimeLabel(i18n('fr'), 7), '1 semaine');
    assert.equal(lifetimeLabel(i18n('fr'), 14), '14 jours');
    assert.equal(lifetimeLabel(i18n('fr'), 0), 'sans limite de temps');
  });

  test('the deletion date at day precision in the reader\'s locale', () => {
    const view = { known: true, lifetimeDays: 7, deletesAt: Date.UTC(2027, 11, 5, 12) };
    assert.equal(deletionLine(i18n('fr'), view, ['fr-FR']), 'Ce pad sera supprimé le 5 décembre 2027');
    assert.equal(readerLocale('en', ['fr-FR', 'en-GB']), 'en-GB');
    assert.equal(readerLocale('en', ['de-DE']), 'en');
    assert.equal(deletionLine(i18n('fr'), { ...view, lifetimeDays: 0, deletesAt: null }), 'Ce pad est conservé sans limite de temps');
    assert.equal(deletionLine(i18n('fr'), { known: false }), null, 'nothing said before the server said it');
    assert.equal(deletionLine(i18n('fr'), { ...view, deletesAt: null }, ['fr-FR'], Date.UTC(2027, 10, 28, 12)),
      'Ce pad sera supprimé le 5 décembre 2027', 'no date given: a lifetime from now');
  });

  test('choices from the server: only whole days, the default kept when offered', () => {
    assert.deepEqual(readChoices({ lifetimeChoices: [1, 7, 'x', -1, 30], defaultLifetimeDays: 30 }), { choices: [1, 7, 30], defaultDays: 30 });
    assert.deepEqual(readChoices({ lifetimeChoices: [1, 7], defaultLifetimeDays: 365 }), { choices: [1, 7], defaultDays: 1 });
    assert.equal(readChoices({}), null);
  });
});
