// The chat's message list: author (colour dot and name), local time, text. User text is set with
// textContent only: `<img src=x onerror=…>` shows as those characters.

import { isColor, UNKNOWN_COLOR } from '../editor/colors.js';

function messageItem(doc, m, timeFormat, i18n, selfClientId) {
  const item = doc.createElement('li');
  item.className = 'chat-message';
  item.dataset.id = String(m.id);
  const meta = doc.createElement('div');
  meta.className = 'chat-meta';
  const dot = doc.createElement('span');
  dot.className = 'chat-dot';
  dot.setAttribute('aria-hidden', 'true');
  dot.style.backgroundColor = isColor(m.color) ? m.color : UNKNOWN_COLOR; // the server always sends a colour; never guess one from the id
  const name = doc.createElement('span');
  name.className = 'chat-name';
  name.textContent = String(m.name ?? '');
  meta.append(dot, name);
  if (m.clientId === selfClientId) {
    const you = doc.createElement('span');
    you.className = 'chat-you';
    you.textContent = i18n.t('participants.you');
    meta.append(you);
  }
  const time = doc.createElement('time');
  time.className = 'chat-time';
  const date = new Date(Number(m.time));
  if (!Number.isNaN(date.getTime())) {
    time.dateTime = date.toISOString();
    time.textContent = timeFormat.format(date);
  }
  meta.append(time);
  const text = doc.createElement('p');
  text.className = 'chat-text';
  text.textContent = m.text;
  item.append(meta, text);
  return item;
}

/** Shows `messages` (in order) in `list`, or a line saying there are none yet. */
export function renderMessages(doc, list, messages, { i18n, selfClientId }) {
  if (messages.length === 0) {
    const empty = doc.createElement('li');
    empty.className = 'chat-empty';
    empty.textContent = i18n.t('chat.empty');
    list.replaceChildren(empty);
    return;
  }
  const timeFormat = new Intl.DateTimeFormat(i18n.lang, { hour: '2-digit', minute: '2-digit' });
  list.replaceChildren(...messages.map((m) => messageItem(doc, m, timeFormat, i18n, selfClientId)));
}
