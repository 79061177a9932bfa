// The read-only page (/r/{readOnlyId}): the pad's text live, nobody can edit it. It never learns
// the pad's name (the name is the edit link), only its read-only id.

import { EditorView } from '@codemirror/view';
import { loadI18n, bindLanguageSelect } from './i18n.js';
import { createReadOnlyView, relabel, viewAdapter } from './viewer/read-only-view.js';
import { ViewerSession, readOnlySocketUrl } from './viewer/viewer-session.js';
import { mountViewerPassword } from './viewer/viewer-password.js';

document.documentElement.dataset.modules = 'ran'; // js/browser-check.js looks for it

const readTheme = EditorView.theme({
  '&': { fontSize: 'var(--editor-font-size)', backgroundColor: 'var(--paper)', color: 'var(--ink)' },
  '.cm-scroller': { fontFamily: 'var(--editor-font)', lineHeight: '1.6', overflow: 'auto' },
  '.cm-content': { padding: '1rem 0' },
  '.cm-line': { padding: '0 clamp(0.75rem, 4vw, 2.5rem)' },
});

/** Connection state and how many people have the pad open for writing (readers are not listed). */
function statusUi(doc, i18n) {
  const connection = doc.getElementById('connection');
  const count = doc.getElementById('participant-count');
  const bar = doc.getElementById('status-bar');
  let last = { state: 'connecting', writers: 0 };
  const render = () => {
    const shown = last.state === 'online' ? 'connected' : last.state === 'open' ? 'connecting' : last.state;
    bar.dataset.connection = shown;
    connection.textContent = i18n.t(`status.${shown}`);
    // Offline, the last count is stale: no number rather than a wrong one.
    count.hidden = shown !== 'connected';
    count.textContent = i18n.t('read.connected', { count: last.writers });
  };
  i18n.onChange(render);
  render();
  return {
    status(state) { last = { ...last, state }; render(); },
    // Everyone connected: those writing and those reading (this page included) or projecting.
    presence(members, viewers) { last = { ...last, writers: members.length + viewers }; render(); },
    error(code, message) { console.warn(`read-only page: server error ${code}: ${message}`); },
  };
}

async function start(doc = document) {
  const i18n = await loadI18n();
  bindLanguageSelect(doc.getElementById('language'), i18n);
  const match = /^\/r\/([A-Za-z0-9_-]+)\/?$/.exec(doc.defaultView.location.pathname);
  if (!match) return;
  doc.title = i18n.t('read.pageTitle');
  const view = createReadOnlyView({ parent: doc.getElementById('editor'), label: i18n.t('read.textLabel'), theme: readTheme });
  i18n.onChange(() => {
    doc.title = i18n.t('read.pageTitle');
    relabel(view, i18n.t('read.textLabel'));
  });
  const password = mountViewerPassword(doc, i18n, doc.getElementById('pad-main'), (typed) => session.unlock(typed));
  const session = new ViewerSession({ url: readOnlySocketUrl(match[1]), view: viewAdapter(view), ui: { ...statusUi(doc, i18n), password } });
  session.start();
  doc.defaultView.ardoiseViewer = Object.freeze({
    text: () => view.state.doc.toString(),
    rev: () => session.rev,
    online: () => session.joined,
  });
}

await start();
