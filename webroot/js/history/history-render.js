// Draws one revision: the text with each author's colour, and the list of its authors.

/** The colour mixed with white (weight of the colour 0..1), as in exports. */
export function tint(color, weight = 0.3) {
  const rgb = /^#[0-9a-f]{6}$/i.test(color) ? parseInt(color.slice(1), 16) : 0x9e9e9e;
  const channel = (shift) => Math.round(255 - (255 - ((rgb >> shift) & 0xff)) * weight);
  return `rgb(${channel(16)}, ${channel(8)}, ${channel(0)})`;
}

function colorOf(authors, author) {
  const color = authors[author]?.color;
  return /^#[0-9a-f]{6}$/i.test(color ?? '') ? color : '#9e9e9e';
}

/**
 * Fills `pre` with one span per author run (styles through the CSSOM: the CSP allows no inline style).
 * Text by nobody (author "", e.g. a template) stays uncoloured.
 */
export function renderText(pre, doc, authors) {
  const spans = [];
  let at = 0;
  for (const [length, author] of doc.runs) {
    const span = document.createElement('span');
    span.textContent = doc.text.slice(at, at + length);
    if (author) {
      span.style.backgroundColor = tint(colorOf(authors, author));
      span.style.borderBottomColor = colorOf(authors, author);
    }
    span.dataset.author = author;
    spans.push(span);
    at += length;
  }
  pre.replaceChildren(...spans);
}

/** Authors of this revision, most code units first (text by nobody, author "", is no one's). */
export function renderAuthors(list, doc, authors, i18n) {
  const counts = new Map();
  for (const [length, author] of doc.runs) if (author) counts.set(author, (counts.get(author) ?? 0) + length);
  const items = [...counts].sort((a, b) => b[1] - a[1]).map(([author, count]) => {
    const item = document.createElement('li');
    item.className = 'participant';
    const dot = document.createElement('span');
    dot.className = 'participant-dot';
    dot.style.backgroundColor = colorOf(authors, author);
    const name = document.createElement('span');
    name.className = 'history-author-name';
    name.textContent = authors[author]?.name || i18n.t('history.anonymous');
    const size = document.createElement('span');
    size.className = 'hint';
    size.textContent = ` — ${i18n.t('history.characters', { count })}`;
    item.append(dot, name, size);
    return item;
  });
  list.replaceChildren(...items);
}
