// Entry point of history.html: scrub, play, jump to a time, saved versions, restore, exports.
import { loadI18n, bindLanguageSelect } from '../i18n.js';
import { historyApi, ApiError } from './history-api.js';
import { Timeline } from './timeline.js';
import { EXPORT_FORMATS } from '../export-formats.js';
import { renderText, renderAuthors } from './history-render.js';

const $ = (id) => document.getElementById(id);

function padNameFromPath(location) {
  const match = /^\/p\/([^/]+)\/history\/?$/.exec(location.pathname);
  if (match) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('pad');
}

const i18n = await loadI18n();
bindLanguageSelect($('language'), i18n);
const padName = padNameFromPath(window.location);
const api = historyApi(padName);
const slider = $('scrub');
const message = $('history-message');
let head = 0;
let versions = [];
let playing = null;

$('back-to-pad').textContent = padName;
$('back-to-pad').href = `/p/${encodeURIComponent(padName)}`;
document.title = `${padName} — ${i18n.t('history.title')} — Ardoise`;

function say(key, params) {
  message.textContent = key ? i18n.t(key, params) : '';
}

function show(timeline) {
  slider.value = String(timeline.rev);
  const when = timeline.time ? i18n.formatDate(new Date(timeline.time)) : '—';
  const saved = versions.find((v) => v.rev === timeline.rev);
  $('rev-label').textContent = i18n.t('history.revision', { rev: timeline.rev, head, when })
    + (saved ? ` · « ${saved.label} »` : '');
  renderText($('history-text'), timeline.doc, timeline.authors);
  renderAuthors($('history-authors'), timeline.doc, timeline.authors, i18n);
  updateExports();
  document.body.dataset.rev = String(timeline.rev);
}

const timeline = new Timeline(api, show);

/** The export links, one per format the server serves, after the "Export :" label. */
function addExportLinks(paragraph) {
  EXPORT_FORMATS.forEach(({ format, label }, i) => {
    paragraph.append(i > 0 ? ' · ' : ' ');
    const link = document.createElement('a');
    link.dataset.format = format;
    link.textContent = label;
    paragraph.append(link);
  });
}
addExportLinks(document.querySelector('.history-exports'));

function updateExports() {
  for (const link of document.querySelectorAll('.history-exports a[data-format]')) {
    link.href = api.exportUrl(link.dataset.format, Math.max(0, timeline.rev), $('export-authors').checked, i18n.lang);
  }
}

async function move(rev) {
  const target = Math.max(0, Math.min(head, rev));
  try {
    await timeline.goTo(target);
    say(null);
  } catch (e) {
    say('history.loadFailed', { message: e.message });
  }
}

async function refreshHead() {
  const summary = await api.summary();
  head = summary.head;
  slider.max = String(head);
}

function renderVersions() {
  const list = $('version-list');
  list.replaceChildren();
  if (!versions.length) {
    const empty = document.createElement('li');
    empty.className = 'hint';
    empty.textContent = i18n.t('history.noVersions');
    list.append(empty);
  }
  for (const version of versions) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `${version.label} (${i18n.t('history.revShort', { rev: version.rev })})`;
    button.addEventListener('click', () => move(version.rev));
    item.append(button);
    list.append(item);
  }
}

async function loadVersions() {
  versions = (await api.versions()).versions;
  renderVersions();
}

function stopPlaying() {
  if (playing) clearTimeout(playing);
  playing = null;
  $('play').setAttribute('aria-pressed', 'false');
  $('play').textContent = i18n.t('history.play');
}

function playStep() {
  if (timeline.rev >= head) return stopPlaying();
  const step = Math.max(1, Math.round(head / 600)); // a whole history plays in about a minute
  move(timeline.rev + step).then(() => { if (playing) playing = setTimeout(playStep, 100); });
}

function togglePlay() {
  if (playing) return stopPlaying();
  if (timeline.rev >= head) move(0);
  $('play').setAttribute('aria-pressed', 'true');
  $('play').textContent = i18n.t('history.pause');
  playing = setTimeout(playStep, 0);
}

function wireControls() {
  slider.addEventListener('input', () => { stopPlaying(); move(Number(slider.value)); });
  $('first').addEventListener('click', () => move(0));
  $('previous').addEventListener('click', () => move(timeline.rev - 1));
  $('next').addEventListener('click', () => move(timeline.rev + 1));
  $('last').addEventListener('click', () => refreshHead().then(() => move(head)));
  $('play').addEventListener('click', togglePlay);
  $('export-authors').addEventListener('change', updateExports);
  $('time-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const time = new Date($('time-input').value).getTime();
    if (Number.isFinite(time)) move((await api.revAtTime(time)).rev);
  });
  $('version-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.saveVersion(timeline.rev, $('version-label').value);
      $('version-label').value = '';
      await loadVersions();
      say('history.versionSaved', { rev: timeline.rev });
    } catch (e) {
      say('history.actionFailed', { message: e.message });
    }
  });
  $('restore').addEventListener('click', restore);
  i18n.onChange(() => { renderVersions(); if (timeline.rev >= 0) show(timeline); });
}

async function restore() {
  const rev = timeline.rev;
  if (!window.confirm(i18n.t('history.restoreConfirm', { rev }))) return;
  try {
    const answer = await api.restore(rev);
    await refreshHead();
    await move(answer.rev);
    say('history.restored', { rev, newRev: answer.rev });
  } catch (e) {
    say('history.actionFailed', { message: e instanceof ApiError ? e.message : String(e) });
  }
}

try {
  await refreshHead();
  wireControls();
  await loadVersions();
  const param = new URLSearchParams(window.location.search).get('rev');
  const asked = param === null || param === '' ? NaN : Number(param);
  await move(Number.isInteger(asked) && asked >= 0 && asked <= head ? asked : head);
  slider.focus();
  document.body.dataset.ready = 'true';
} catch (e) {
  say(e instanceof ApiError && e.status === 404 ? 'history.noSuchPad' : 'history.loadFailed', { message: e.message });
  document.body.dataset.ready = 'true';
}
