// Home page: start a pad from a template (conf/templates/, e.g. the minutes), in the UI language.
// The pad takes the name in the "create" field (or a suggested one); its first revision is the template.
import { loadI18n } from './i18n.js';
import { normalizePadName, padNameProblem, padUrl } from './pads.js';
import { person } from './history/history-api.js';

const buttons = document.getElementById('template-buttons');
const message = document.getElementById('template-message');
const i18n = await loadI18n();
document.getElementById('language')?.addEventListener('change', (e) => i18n.setLanguage(e.target.value));

async function padName() {
  const typed = normalizePadName(document.getElementById('create-name')?.value);
  if (typed && padNameProblem(typed) === null) return typed;
  const response = await fetch('/api/pads/suggest-name', { headers: { Accept: 'application/json' } });
  return (await response.json()).name;
}

async function create(template) {
  message.textContent = '';
  try {
    const name = await padName();
    const who = person(globalThis.localStorage, i18n.t('history.anonymous'));
    const response = await fetch(`/api/pads/${encodeURIComponent(name)}/from-template`, {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...who, template: template.id, lang: i18n.lang }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.message || String(response.status));
    window.location.assign(padUrl(name));
  } catch (e) {
    message.textContent = i18n.t('home.template.failed', { message: e.message });
  }
}

async function render() {
  const response = await fetch(`/api/templates?lang=${i18n.lang}`, { headers: { Accept: 'application/json' } });
  const { templates } = await response.json();
  buttons.replaceChildren(...templates.map((template) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-primary';
    button.dataset.template = template.id;
    button.textContent = template.id === 'minutes' ? i18n.t('home.template.submit') : template.title;
    button.addEventListener('click', () => create(template));
    return button;
  }));
}

i18n.onChange(() => render().catch(() => {}));
render().catch((e) => { message.textContent = i18n.t('home.template.failed', { message: e.message }); });
