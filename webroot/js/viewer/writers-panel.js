// The projector's side panel above the QR code: the pad's title (its first heading, else the pad
// name) and the people writing in it (the presence list: viewers are never in it), those who
// edited in the last seconds marked. Names reach the page through textContent only.

const ACTIVE_MS = 20_000;
const MAX_NAMES = 8;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export function writersPanel(doc, i18n, padName) {
  const title = doc.getElementById('doc-title');
  const label = doc.getElementById('writers-label');
  const list = doc.getElementById('writers');
  let members = [];
  const lastEdit = new Map(); // authorId -> time of their latest edit shown
  let expiry = null;

  const render = () => {
    const now = Date.now();
    const active = (m) => now - (lastEdit.get(m.authorId) ?? -Infinity) < ACTIVE_MS;
    const items = members.slice(0, MAX_NAMES).map((m) => nameItem(doc, i18n, m, active(m)));
    if (members.length > MAX_NAMES) {
      const more = doc.createElement('li');
      more.className = 'writers-more';
      more.textContent = i18n.t('projector.more', { count: members.length - MAX_NAMES });
      items.push(more);
    }
    list.replaceChildren(...items);
    label.hidden = members.length === 0;
    // Redraw when the next "writing now" mark runs out.
    clearTimeout(expiry);
    const ends = members.map((m) => (lastEdit.get(m.authorId) ?? -Infinity) + ACTIVE_MS).filter((t) => t > now);
    if (ends.length > 0) expiry = setTimeout(render, Math.min(...ends) - now + 50);
  };
  i18n.onChange(render);

  return {
    /** The pad's first heading, or null for none. */
    title(heading) {
      title.textContent = heading?.trim() || padName;
    },
    presence(writers) {
      members = writers;
      render();
    },
    edited(authorId) {
      if (!authorId) return;
      const wasActive = Date.now() - (lastEdit.get(authorId) ?? -Infinity) < ACTIVE_MS;
      lastEdit.set(authorId, Date.now());
      if (!wasActive) render();
    },
  };
}

function nameItem(doc, i18n, member, active) {
  const li = doc.createElement('li');
  li.className = active ? 'writer writer-active' : 'writer';
  const dot = doc.createElement('span');
  dot.className = 'writer-dot';
  dot.setAttribute('aria-hidden', 'true');
  if (COLOR.test(member.color ?? '')) dot.style.backgroundColor = member.color;
  const name = doc.createElement('span');
  name.className = 'writer-name';
  name.textContent = String(member.name ?? '');
  li.append(dot, name);
  if (active) {
    const pen = doc.createElement('span');
    pen.className = 'writer-pen';
    pen.setAttribute('aria-hidden', 'true');
    pen.textContent = '✎';
    const said = doc.createElement('span');
    said.className = 'visually-hidden';
    said.textContent = ` ${i18n.t('projector.writing')}`;
    li.append(pen, said);
  }
  return li;
}
