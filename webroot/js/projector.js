// The projector view (/p/{pad}/projector): the pad's minutes, rendered from their Markdown (or
// the raw text, on request) very large and read-only, following the latest edit, with the
// participant count, the title and who writes, and the join QR code. A read-only client of the
// protocol: it fetches the pad's links, then listens on the read-only socket (it counts as a
// viewer, never as a writer). Text size, theme and raw/rendered are remembered in localStorage.

import { EditorView } from '@codemirror/view';
import { loadI18n, bindLanguageSelect } from './i18n.js';
import { createReadOnlyView, relabel, viewAdapter } from './viewer/read-only-view.js';
import { Follower } from './viewer/follow.js';
import { lastChangeEnd } from './viewer/last-change.js';
import { ViewerSession, projectorSocketUrl } from './viewer/viewer-session.js';
import { mountViewerPassword } from './viewer/viewer-password.js';
import { projectorSettings } from './viewer/projector-settings.js';
import { writersPanel } from './viewer/writers-panel.js';
import { MarkdownView } from './markdown/markdown-view.js';
import { readableLink } from './pads.js';
import { withChatOverlay } from './viewer/chat-overlay.js';

document.documentElement.dataset.modules = 'ran'; // js/browser-check.js looks for it

const LINKS_RETRY_MS = 3000;

const projectorTheme = EditorView.theme({
  '&': { fontSize: 'var(--projector-font-size)', backgroundColor: 'var(--proj-paper)', color: 'var(--proj-ink)' },
  '.cm-scroller': { fontFamily: 'var(--editor-font)', lineHeight: '1.35', overflow: 'auto' },
  '.cm-content': { padding: '0.5em 0 40vh' }, // room below the last line, so it can sit mid-screen
  '.cm-line': { padding: '0 clamp(0.5rem, 3vw, 3rem)' },
});

function padFromPath(pathname) {
  const match = /^\/p\/([^/]+)\/projector\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

async function fetchLinks(padName) {
  for (;;) {
    try {
      const response = await fetch(`/api/pads/${encodeURIComponent(padName)}/links`, { cache: 'no-store' });
      if (response.ok) return await response.json();
    } catch (e) {
      // offline or server down: retry below
    }
    await new Promise((resolve) => setTimeout(resolve, LINKS_RETRY_MS));
  }
}

function showJoinCorner(doc, i18n, padName, links) {
  const shortUrl = readableLink(links.edit); // "host/p/réunion", not "%C3%A9"; the QR code holds the valid URL
  const qr = doc.getElementById('join-qr');
  qr.src = `/p/${encodeURIComponent(padName)}/qr.svg`; // same origin (the CSP allows 'self' images)
  const label = () => { qr.alt = i18n.t('projector.qrAlt', { url: shortUrl }); };
  label();
  i18n.onChange(label);
  qr.hidden = false;
  // Host and path on their own lines when they do not fit on one: no break inside "/p/".
  const slash = shortUrl.indexOf('/');
  const host = doc.createElement('span');
  host.className = 'join-url-host';
  host.textContent = slash < 0 ? shortUrl : shortUrl.slice(0, slash);
  const rest = doc.createElement('span');
  rest.className = 'join-url-path';
  rest.textContent = slash < 0 ? '' : shortUrl.slice(slash);
  doc.getElementById('join-url').replaceChildren(host, rest);
}

function presenceUi(doc, i18n, panel) {
  const count = doc.getElementById('participant-count');
  const connection = doc.getElementById('connection');
  let last = { writers: 0, state: 'connecting' };
  const render = () => {
    // Viewers (this projector among them) are not participants: never "0 people" on the wall.
    count.textContent = last.writers === 0
      ? i18n.t('projector.waiting')
      : i18n.t('participants.count', { count: last.writers });
    const key = { online: null, open: 'status.connecting', connecting: 'status.connecting' }[last.state];
    connection.textContent = key === null ? '' : i18n.t(key ?? `status.${last.state}`);
  };
  i18n.onChange(render);
  render();
  return {
    status(state) { last = { ...last, state }; render(); },
    presence(members) {
      last = { ...last, writers: members.length };
      render();
      panel.presence(members);
    },
    error(code, message) { console.warn(`projector: server error ${code}: ${message}`); },
  };
}

/** The rendered Markdown, in a scrolling region the keyboard can reach. */
function renderedText(doc, parent, label) {
  const scroller = doc.createElement('div');
  scroller.className = 'md-scroller';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', label);
  const content = doc.createElement('article');
  content.className = 'md-view';
  scroller.append(content);
  parent.append(scroller);
  return { scroller, content };
}

async function start(doc = document) {
  const i18n = await loadI18n();
  bindLanguageSelect(doc.getElementById('language'), i18n);
  const padName = padFromPath(doc.defaultView.location.pathname);
  if (!padName) return;
  doc.getElementById('pad-title').textContent = padName;
  doc.title = i18n.t('projector.pageTitle', { name: padName });
  const label = () => i18n.t('editor.label', { name: padName });

  const textArea = doc.getElementById('projector-text');
  const rendered = renderedText(doc, textArea, label());
  const rawBox = doc.createElement('div');
  rawBox.className = 'raw-text';
  textArea.append(rawBox);
  const view = createReadOnlyView({ parent: rawBox, label: label(), theme: projectorTheme });
  const panel = writersPanel(doc, i18n, padName);
  panel.title(null);
  const markdown = new MarkdownView(rendered.scroller, rendered.content, {
    readText: () => view.state.doc.toString(),
    onTitle: (heading) => panel.title(heading),
  });
  i18n.onChange(() => {
    relabel(view, label());
    rendered.scroller.setAttribute('aria-label', label());
    doc.title = i18n.t('projector.pageTitle', { name: padName });
  });

  let raw = false;
  let lastEdit = null;
  const reveal = (pos) => {
    const at = Math.min(pos ?? view.state.doc.length, view.state.doc.length);
    if (raw) view.dispatch({ effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    else markdown.revealLine(view.state.doc.lineAt(at).number);
  };
  const resume = doc.getElementById('resume-follow');
  const follower = new Follower([rendered.scroller, view.scrollDOM], reveal, (following) => { resume.hidden = following; });
  resume.addEventListener('click', () => follower.resume(lastEdit));
  projectorSettings(doc, i18n, (on) => {
    raw = on;
    rendered.scroller.hidden = raw;
    rawBox.hidden = !raw;
    if (follower.following && lastEdit !== null) reveal(lastEdit);
  });

  const links = await fetchLinks(padName);
  showJoinCorner(doc, i18n, padName, links);
  const showText = () => markdown.changed();
  const password = mountViewerPassword(doc, i18n, doc.querySelector('.projector-main'), (typed) => session.unlock(typed));
  const session = new ViewerSession({
    url: projectorSocketUrl(padName),
    view: viewAdapter(view, (op, authorId) => {
      showText();
      panel.edited(authorId);
      lastEdit = lastChangeEnd(op) ?? lastEdit;
      follower.edited(lastEdit);
    }, showText),
    // The chat shows on the wall only when the facilitator switches it on (off by default).
    ui: { ...withChatOverlay(doc, i18n, presenceUi(doc, i18n, panel)), password },
  });
  session.start();
  doc.defaultView.ardoiseViewer = Object.freeze({
    text: () => view.state.doc.toString(),
    shownText: () => (raw ? view.state.doc.toString() : markdown.shownText),
    rev: () => session.rev,
    online: () => session.joined,
    following: () => follower.following,
  });
}

await start();
