// The pad page's Export menu: downloads of the current text in every format (with or without
// authorship), the history view, and importing a .txt/.md file as a normal edit.
import { loadI18n } from './i18n.js';
import { padNameFromLocation } from './pads.js';
import { person } from './history/history-api.js';

const menu = document.getElementById('export-menu');
const padName = padNameFromLocation(window.location);

if (menu && padName) {
  const i18n = await loadI18n();
  document.getElementById('language')?.addEventListener('change', (e) => i18n.setLanguage(e.target.value));
  const status = menu.querySelector('.export-status');
  const authors = document.getElementById('export-authors');
  const base = `/p/${encodeURIComponent(padName)}`;

  const update = () => {
    for (const link of menu.querySelectorAll('a[data-format]')) {
      link.href = `${base}/export/${link.dataset.format}?authors=${authors.checked ? 1 : 0}&lang=${i18n.lang}`;
    }
  };
  authors.addEventListener('change', update);
  menu.addEventListener('toggle', update);
  i18n.onChange(update);
  update();
  document.getElementById('open-history').href = `${base}/history`;

  document.getElementById('import-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file || !window.confirm(i18n.t('export.importConfirm', { name: file.name }))) return;
    const who = person(globalThis.localStorage, i18n.t('history.anonymous'));
    const query = new URLSearchParams({ authorId: who.authorId, name: who.name, color: who.color });
    const response = await fetch(`/api/pads/${encodeURIComponent(padName)}/import?${query}`, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'text/plain' }, body: file,
    }).catch((e) => ({ ok: false, json: async () => ({ message: e.message }) }));
    const body = await response.json().catch(() => ({}));
    if (response.ok) status.textContent = i18n.t('export.imported', { name: file.name });
    else if (body.error && i18n.t(`export.error.${body.error}`) !== `export.error.${body.error}`) status.textContent = i18n.t(`export.error.${body.error}`);
    else status.textContent = i18n.t('export.error.generic', { message: body.message || response.status });
  });
}
