// The chat beside the pad: a panel (messages, a form) and a toggle button with the unread count.
// Everything people wrote is shown with textContent, never as HTML. Times are the reader's local
// time. Closed at first on phones; on wide screens open unless the person closed it (remembered).

import { ChatLog } from './chat-log.js';
import { renderMessages } from './chat-messages.js';

const OPEN_KEY = 'ardoise.chat.open';
const MAX_CHARS = 1000; // the server's default (ARDOISE_CHAT_MAX_CHARS); a lower one is refused with chat-too-long
const ERROR_KEYS = {
  'chat-too-long': 'chat.error.tooLong',
  'chat-rate-limited': 'chat.error.rateLimited',
  'rate-limited': 'chat.error.rateLimited',
  'store-unavailable': 'chat.error.unavailable',
  offline: 'chat.error.offline',
  'quota-exceeded': 'chat.error.quotaExceeded',
};

function element(doc, tag, className, attributes = {}) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  for (const [name, value] of Object.entries(attributes)) e.setAttribute(name, value);
  return e;
}

function buildPanel(doc, root) {
  const header = element(doc, 'div', 'chat-header');
  const title = element(doc, 'h2', 'chat-title', { id: 'chat-title', 'data-i18n': 'chat.title' });
  const close = element(doc, 'button', 'chat-close', { type: 'button', 'data-i18n-aria-label': 'chat.close', 'data-i18n-title': 'chat.close' });
  close.textContent = '×';
  header.append(title, close);
  const note = element(doc, 'p', 'chat-note', { 'data-i18n': 'chat.note' });
  const list = element(doc, 'ol', 'chat-messages', { 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const form = element(doc, 'form', 'chat-form', { novalidate: '' });
  const label = element(doc, 'label', 'visually-hidden', { for: 'chat-input', 'data-i18n': 'chat.inputLabel' });
  const input = element(doc, 'textarea', 'chat-input', {
    id: 'chat-input', rows: '2', maxlength: String(MAX_CHARS), 'data-i18n-placeholder': 'chat.placeholder',
  });
  const send = element(doc, 'button', 'button-primary chat-send', { type: 'submit', 'data-i18n': 'chat.send' });
  form.append(label, input, send);
  const error = element(doc, 'p', 'chat-error', { role: 'alert' });
  root.setAttribute('aria-labelledby', 'chat-title');
  root.replaceChildren(header, note, list, error, form);
  return { close, list, form, input, send, error };
}

function buildToggle(doc, host) {
  const toggle = element(doc, 'button', 'chat-toggle', { type: 'button', 'aria-controls': 'chat' });
  const icon = element(doc, 'span', 'chat-toggle-icon', { 'aria-hidden': 'true' });
  icon.textContent = '💬';
  const text = element(doc, 'span', 'chat-toggle-text');
  const badge = element(doc, 'span', 'chat-unread', { 'aria-hidden': 'true' });
  toggle.append(icon, text, badge);
  host.append(toggle);
  return { toggle, text, badge };
}

/**
 * Mounts the chat into `root` (an empty <aside id="chat">) and its toggle into `toggleHost`.
 * `send(text)` sends a chat message and returns false when it could not leave; `selfClientId()` is
 * this tab's clientId. Returns { receive(frame), refused(errorFrame) → bool, setOnline(bool), log }.
 */
export function mountChat({ doc = document, root, toggleHost, i18n, send, selfClientId, storage = globalThis.localStorage }) {
  const log = new ChatLog();
  const panel = buildPanel(doc, root);
  const { toggle, text, badge } = buildToggle(doc, toggleHost);
  const wide = doc.defaultView.matchMedia('(min-width: 40.01rem)');
  let open = wide.matches && storage?.getItem(OPEN_KEY) !== 'false';
  let online = false;
  let problem = null;

  function render() {
    root.hidden = !open;
    doc.body.classList.toggle('chat-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    text.textContent = i18n.t('chat.toggle');
    toggle.setAttribute('aria-label', log.unread > 0
      ? `${i18n.t('chat.toggle')} (${i18n.t('chat.unread', { count: log.unread })})` : i18n.t('chat.toggle'));
    badge.textContent = log.unread > 0 ? String(log.unread) : '';
    badge.hidden = log.unread === 0;
    panel.error.textContent = problem ? i18n.t(ERROR_KEYS[problem.code] ?? 'chat.error.generic', { message: problem.message }) : '';
    panel.input.readOnly = log.sending !== null;
    panel.send.disabled = log.sending !== null;
  }

  function renderList() {
    const atEnd = panel.list.scrollHeight - panel.list.scrollTop - panel.list.clientHeight < 40;
    renderMessages(doc, panel.list, log.messages, { i18n, selfClientId: selfClientId() });
    if (atEnd || log.sending === null) panel.list.scrollTop = panel.list.scrollHeight;
  }

  function setOpen(next, { remember = true } = {}) {
    open = next;
    if (open) log.read();
    if (remember && wide.matches) storage?.setItem(OPEN_KEY, String(open));
    render();
    if (open) {
      renderList();
      // On a phone, focusing the input would open the keyboard over half the pad at once.
      (wide.matches ? panel.input : panel.close).focus({ preventScroll: true });
    } else {
      toggle.focus({ preventScroll: true });
    }
  }

  function submit() {
    const value = panel.input.value;
    if (value.trim() === '' || !log.send(value)) return;
    problem = null;
    if (!online || !send(value)) {
      log.unsent();
      problem = { code: 'offline', message: '' };
    }
    render();
  }

  toggle.addEventListener('click', () => setOpen(!open));
  panel.close.addEventListener('click', () => setOpen(false));
  panel.form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  panel.input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; not while an input method composes a word.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  panel.input.addEventListener('input', () => {
    if (problem) {
      problem = null;
      render();
    }
  });
  i18n.onChange(() => {
    render();
    renderList();
  });
  i18n.apply?.(root);
  render();

  return {
    log,
    receive(frame) {
      const wasSending = log.sending;
      if (log.receive(frame, { selfClientId: selfClientId(), open }).length === 0) return;
      if (wasSending !== null && log.sending === null) panel.input.value = '';
      render();
      renderList();
    },
    /** An error frame: true when it was about our chat message (shown in the panel). */
    refused(frame) {
      const code = log.refused(frame.code, frame.seq);
      if (!code) return false;
      problem = { code, message: String(frame.message ?? code) };
      if (!open) setOpen(true, { remember: false });
      render();
      panel.list.scrollTop = panel.list.scrollHeight; // the error line took room: keep the last message in view
      return true;
    },
    setOnline(next) {
      online = next;
      if (!online && log.sending !== null) {
        log.unsent();
        problem = { code: 'offline', message: '' };
        render();
      }
    },
  };
}
