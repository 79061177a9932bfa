// Markdown tokens (marked's lexer, GFM tables) → DOM, with the exports' subset and rules
// (ardoise.http.export.MarkdownWalk): raw HTML is shown as text (a block of it as a code block),
// images show their alt text, soft line breaks stay line breaks, links are drawn as text (never
// clickable) and only when the exports would keep them (safe-link.js). Strikethrough and bare
// "www." autolinks, which the exports do not know, stay as typed. Every piece of user text
// reaches the page through createTextNode: nothing here parses HTML.

import { decodeEntities } from './entities.js';
import { isSafeLink } from './safe-link.js';

/** Line breaks in `s`: how many source lines a piece of raw text moves on. */
export function newlines(s) {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Source lines of child tokens inside their parent's raw text: each child's first line is looked
 * up after the previous one (children of lists and quotes lose their markers and indentation, but
 * their first line is still found as typed). Not found: the previous child's line.
 */
function childLines(parentRaw, parentLine, children) {
  let cursor = 0;
  let line = parentLine;
  return children.map((child) => {
    const first = (child.raw ?? '').split('\n', 1)[0];
    const at = first === '' ? -1 : parentRaw.indexOf(first, cursor);
    if (at >= 0) {
      line = parentLine + newlines(parentRaw.slice(0, at));
      cursor = at + first.length;
    }
    return line;
  });
}

/** Marks `element` as showing source lines `line` … (the last line of `raw`). */
function mark(element, line, raw) {
  element.dataset.line = String(line);
  element.dataset.lineEnd = String(line + newlines(raw.replace(/\n+$/, '')));
  return element;
}

/**
 * The element for one block token (`heading`, `paragraph`, `list`, …), or null for none. `line`:
 * the token's first source line (1-based); every rendered block, list item and table row gets
 * data-line / data-line-end, so the view can find where an edit landed.
 */
export function renderBlock(doc, token, line = 1) {
  const element = blockElement(doc, token, line);
  return element === null ? null : mark(element, line, token.raw ?? '');
}

/** Elements for a sequence of block tokens found in `parentRaw`, which starts at `parentLine`. */
export function renderBlocks(doc, tokens, parentRaw, parentLine) {
  const lines = childLines(parentRaw, parentLine, tokens);
  return tokens.map((t, i) => renderBlock(doc, t, lines[i])).filter((e) => e !== null);
}

function blockElement(doc, token, line) {
  const el = (tag, children = []) => {
    const e = doc.createElement(tag);
    e.append(...children);
    return e;
  };
  switch (token.type) {
    case 'heading':
      return el(`h${Math.min(Math.max(token.depth, 1), 6)}`, renderInline(doc, token.tokens));
    case 'paragraph':
      return el('p', renderInline(doc, token.tokens));
    case 'text': // a tight list item's text
      return el('p', token.tokens ? renderInline(doc, token.tokens) : [text(doc, token.text)]);
    case 'blockquote':
      return el('blockquote', renderBlocks(doc, token.tokens, token.raw, line));
    case 'list':
      return renderList(doc, token, line);
    case 'table':
      return renderTable(doc, token, line);
    case 'code':
      return el('pre', [el('code', [doc.createTextNode(token.text)])]);
    case 'html': // shown as typed, like the exports' code block of raw HTML
      return el('pre', [doc.createTextNode(token.raw.replace(/\n+$/, ''))]);
    case 'hr':
      return el('hr');
    case 'space':
    case 'def': // reference definitions only feed links
    case 'checkbox': // drawn by its list item
      return null;
    default:
      return token.raw ? el('p', [doc.createTextNode(token.raw)]) : null;
  }
}

function renderList(doc, token, line) {
  const list = doc.createElement(token.ordered ? 'ol' : 'ul');
  if (token.ordered && token.start !== '' && Number(token.start) !== 1) list.start = Number(token.start);
  const lines = childLines(token.raw, line, token.items);
  token.items.forEach((item, i) => {
    const li = mark(doc.createElement('li'), lines[i], item.raw);
    if (!item.loose) li.className = 'md-tight';
    li.append(...renderBlocks(doc, item.tokens, item.raw, lines[i]));
    if (item.task) {
      // A task item: a box before its text, as in the exports (☐ to do, ☑ done).
      li.classList.add('md-task');
      const box = doc.createElement('span');
      box.className = 'md-checkbox';
      box.textContent = item.checked ? '☑ ' : '☐ ';
      const first = li.firstElementChild;
      if (first && first.tagName === 'P') first.prepend(box);
      else li.prepend(box);
    }
    list.append(li);
  });
  return list;
}

function renderTable(doc, token, line) {
  const table = doc.createElement('table');
  const row = (cells, tag, rowLine) => {
    const tr = doc.createElement('tr');
    tr.dataset.line = String(rowLine);
    tr.dataset.lineEnd = String(rowLine);
    for (const cell of cells) {
      const td = doc.createElement(tag);
      if (cell.align) td.className = `align-${cell.align}`;
      td.append(...renderInline(doc, cell.tokens));
      tr.append(td);
    }
    return tr;
  };
  const head = doc.createElement('thead');
  head.append(row(token.header, 'th', line));
  table.append(head);
  if (token.rows.length > 0) {
    const body = doc.createElement('tbody');
    token.rows.forEach((cells, i) => body.append(row(cells, 'td', line + 2 + i))); // after the |---| line
    table.append(body);
  }
  return table;
}

function text(doc, value) {
  return doc.createTextNode(decodeEntities(value));
}

function wrap(doc, tag, children, className) {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/** Nodes for inline tokens (emphasis, code, links, line breaks, text). */
export function renderInline(doc, tokens = []) {
  const out = [];
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
        out.push(...(t.tokens ? renderInline(doc, t.tokens) : [text(doc, t.text)]));
        break;
      case 'escape':
        out.push(doc.createTextNode(t.text));
        break;
      case 'strong':
        out.push(wrap(doc, 'strong', renderInline(doc, t.tokens)));
        break;
      case 'em':
        out.push(wrap(doc, 'em', renderInline(doc, t.tokens)));
        break;
      case 'codespan':
        out.push(wrap(doc, 'code', [doc.createTextNode(t.text)]));
        break;
      case 'br':
        out.push(doc.createElement('br'));
        break;
      case 'link':
        out.push(...renderLink(doc, t));
        break;
      case 'image': // its alt text: nothing is fetched
        out.push(text(doc, t.text));
        break;
      default: // raw HTML, strikethrough: as typed
        out.push(doc.createTextNode(t.raw));
    }
  }
  return out;
}

function renderLink(doc, t) {
  const label = renderInline(doc, t.tokens);
  // GFM's bare "www.example.org" / "https://…" autolinks: the exports leave them as text.
  const bare = !t.raw.startsWith('[') && !t.raw.startsWith('<');
  if (bare) return [doc.createTextNode(t.raw)];
  if (!isSafeLink(t.href)) return label;
  return [wrap(doc, 'span', label, 'md-link')];
}
