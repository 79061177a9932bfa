// The pad page's Export menu: downloads of the current text in every format (with or without
// authorship), the history view, and importing a .txt/.md file as a normal edit.
// Its labels carry data-i18n and are translated by the page's own i18n; this module only builds
// addresses and, on import, reads the few strings it shows. It does no work at load beyond wiring
// listeners, so the editor starts exactly as without it.
import { EXPORT_FORMATS } from './export-formats.js';
import { browserTimeZone, padNameFromLocation } from './pads.js';
import { person } from './history/history-api.js';

const menu = document.getElementById('export-menu');
const padName = padNameFromLocation(window.location);
const language = () => (document.documentElement.lang === 'en' ? 'en' : 'fr');

async function strings() {
  const response = await fetch(new URL(`../i18n/${language()}.json`, import.meta.url), { credentials: 'same-origin' });
  return response.ok ? response.json() : {};
}

function fill(text, params) {
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

async function importFile(file, status) {
  const t = await strings();
  if (!window.confirm(fill(t['export.importConfirm'] ?? '{name}?', { name: file.name }))) return;
  const who = person(globalThis.localStorage, t['history.anonymous'] ?? 'Anonyme');
  const query = new URLSearchParams({ name: who.name, color: who.color });
  let response;
  let body = {};
  try {
    response = await fetch(`/api/pads/${encodeURIComponent(padName)}/import?${query}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'text/plain', 'Ardoise-Author-Secret': who.authorSecret }, body: file,
    });
    body = await response.json().catch(() => ({}));
  } catch (e) {
    body = { message: e.message };
  }
  if (response?.ok) status.textContent = fill(t['export.imported'], { name: file.name });
  else if (body.error && t[`export.error.${body.error}`]) status.textContent = t[`export.error.${body.error}`];
  else status.textContent = fill(t['export.error.generic'], { message: body.message ?? response?.status });
}

/**
 * Labels the links the page's translation pass did not reach: it runs once its strings arrive,
 * which can be before this module has added the links (a slow network loads modules late).
 */
async function labelUnlabelled(list) {
  const unlabelled = [...list.querySelectorAll('a[data-i18n]')].filter((link) => !link.textContent);
  if (unlabelled.length === 0) return;
  const t = await strings();
  for (const link of unlabelled) if (!link.textContent) link.textContent = t[link.dataset.i18n] ?? link.dataset.format;
}

/** One download link per format, labelled by the page's i18n (data-i18n="export.{format}"). */
function addFormatLinks(list) {
  for (const { format } of EXPORT_FORMATS) {
    const link = document.createElement('a');
    link.dataset.format = format;
    link.dataset.i18n = `export.${format}`;
    link.setAttribute('download', '');
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
}

if (menu && padName) {
  addFormatLinks(menu.querySelector('.export-formats'));
  const status = menu.querySelector('.export-status');
  const authors = document.getElementById('export-authors');
  const base = `/p/${encodeURIComponent(padName)}`;
  const update = () => {
    for (const link of menu.querySelectorAll('a[data-format]')) {
      link.href = `${base}/export/${link.dataset.format}?authors=${authors.checked ? 1 : 0}&lang=${language()}`
        + `&tz=${encodeURIComponent(browserTimeZone())}`;
    }
  };
  authors.addEventListener('change', update);
  menu.addEventListener('toggle', update);
  menu.addEventListener('toggle', () => labelUnlabelled(menu.querySelector('.export-formats')));
  menu.addEventListener('pointerdown', update);
  menu.addEventListener('focusin', update);
  update();
  document.getElementById('open-history').href = `${base}/history`;
  document.getElementById('import-file').addEventListener('change', (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) importFile(file, status);
  });
}
