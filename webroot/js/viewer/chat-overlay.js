// The chat on the projector, only when the facilitator asks: a "Chat" switch in the projector's
// toolbar (off by default, remembered on this machine) and, when on, the last few messages in a
// box over the text's corner. Side remarks stay off the wall unless someone decides otherwise.
// Text is set with textContent only. Self-contained: it adds its own switch and stylesheet.
//
// Wiring (js/projector.js): `ui: withChatOverlay(doc, i18n, presenceUi(doc, i18n)),` — the viewer
// session hands `chat` frames to `ui.chat` (js/viewer/viewer-session.js).

import { ChatLog } from '../chat/chat-log.js';
import { isColor, UNKNOWN_COLOR } from '../editor/colors.js';

const SHOW_KEY = 'ardoise.projector.chat';
const SHOWN = 4;

function stored(storage) {
  try {
    return storage?.getItem(SHOW_KEY) === 'on';
  } catch (e) {
    return false;
  }
}

function remember(storage, on) {
  try {
    storage?.setItem(SHOW_KEY, on ? 'on' : 'off');
  } catch (e) {
    // not remembered, still applied
  }
}

function messageLine(doc, m) {
  const line = doc.createElement('li');
  line.className = 'chat-overlay-message';
  const name = doc.createElement('span');
  name.className = 'chat-overlay-name';
  name.style.color = isColor(m.color) ? m.color : UNKNOWN_COLOR; // the server always sends a colour; never guess one from the id
  name.textContent = `${m.name ?? ''} : `;
  const text = doc.createElement('span');
  text.textContent = m.text;
  line.append(name, text);
  return line;
}

/** Adds the switch and the (hidden) box; returns `ui` with a `chat(frame)` method added. */
export function withChatOverlay(doc, i18n, ui, storage = globalThis.localStorage) {
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../../css/chat-overlay.css', import.meta.url).href;
  doc.head.append(link);

  const log = new ChatLog({ keep: SHOWN });
  let on = stored(storage);
  const toggle = doc.createElement('button');
  toggle.type = 'button';
  toggle.id = 'chat-overlay-toggle';
  toggle.className = 'tool';
  const box = doc.createElement('ol');
  box.className = 'chat-overlay';
  box.setAttribute('aria-live', 'polite');
  (doc.getElementById('theme-toggle')?.parentElement ?? doc.body).append(toggle);
  doc.body.append(box);

  const render = () => {
    toggle.textContent = i18n.t('chat.projector');
    toggle.setAttribute('aria-pressed', String(on));
    box.hidden = !on || log.messages.length === 0;
    box.replaceChildren(...log.messages.map((m) => messageLine(doc, m)));
  };
  toggle.addEventListener('click', () => {
    on = !on;
    remember(storage, on);
    render();
  });
  i18n.onChange(render);
  render();
  return {
    ...ui,
    chat(frame) {
      log.receive(frame, { selfClientId: null, open: true });
      render();
    },
  };
}
