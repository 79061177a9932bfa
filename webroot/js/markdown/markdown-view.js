// A pad's Markdown, rendered live in a scrolling element. Re-rendering waits for the next frame
// (many ops in one frame cost one render) and replaces only the top-level blocks whose source
// changed, so the rest of the page, and the reader's scroll position, stay as they were.

import { Lexer } from "/webjars/marked/17.0.1/lib/marked.esm.js";
import { newlines, renderBlock } from './render-markdown.js';

// GFM for tables; `breaks`: a line break in the pad is a line break on screen, as in the exports.
const LEXER_OPTIONS = Object.freeze({ gfm: true, breaks: true });

/**
 * The top-level tokens of `text`, each with its first source line (1-based), and the link
 * reference definitions ("[r]: https://…") as a string: when they change, a block whose source did
 * not may still render differently.
 */
export function topLevelBlocks(text) {
  const tokens = new Lexer({ ...LEXER_OPTIONS }).lex(text);
  let line = 1;
  const blocks = tokens.map((token) => {
    const block = { token, raw: token.raw, line };
    line += newlines(token.raw);
    return block;
  });
  return { blocks, definitions: JSON.stringify(tokens.links ?? {}) };
}

export class MarkdownView {
  /**
   * `scroller`: the element that scrolls; the rendered blocks go into `content`. `readText()`: the
   * text to show, read once per frame; `onTitle(heading)`: the text of the first heading (null for
   * none), each time it changes.
   */
  constructor(scroller, content, { readText, onTitle = () => {} }) {
    this.scroller = scroller;
    this.content = content;
    this.doc = content.ownerDocument;
    this.readText = readText;
    this.onTitle = onTitle;
    this.blocks = []; // {raw, line, element|null}, in source order
    this.dirty = false;
    this.shownText = '';
    this.title = null;
    this.definitions = '{}';
    this.targetLine = null;
    this.frame = null;
  }

  /** The text changed: it is rendered again on the next frame. */
  changed() {
    this.dirty = true;
    this.schedule();
  }

  /** Scrolls, on the next frame and after rendering, to where source line `line` is shown. */
  revealLine(line) {
    this.targetLine = line;
    this.schedule();
  }

  schedule() {
    if (this.frame !== null) return;
    this.frame = this.doc.defaultView.requestAnimationFrame(() => {
      this.frame = null;
      this.renderNow();
    });
  }

  renderNow() {
    if (this.dirty) {
      this.dirty = false;
      const text = this.readText();
      if (text !== this.shownText) {
        const { blocks, definitions } = topLevelBlocks(text);
        if (definitions !== this.definitions) this.clear();
        this.definitions = definitions;
        this.update(blocks);
        this.shownText = text;
        this.tellTitle();
      }
    }
    if (this.targetLine !== null) {
      this.scrollToLine(this.targetLine);
      this.targetLine = null;
    }
  }

  /** Forgets every rendered block: the next update draws them all. */
  clear() {
    for (const block of this.blocks) block.element?.remove();
    this.blocks = [];
  }

  /** Replaces the blocks between the unchanged head and tail with freshly rendered ones. */
  update(next) {
    const old = this.blocks;
    let head = 0;
    while (head < old.length && head < next.length && old[head].raw === next[head].raw) head++;
    let tail = 0;
    while (tail < old.length - head && tail < next.length - head
        && old[old.length - 1 - tail].raw === next[next.length - 1 - tail].raw) tail++;
    const before = old.slice(old.length - tail).find((b) => b.element)?.element ?? null;
    for (const block of old.slice(head, old.length - tail)) block.element?.remove();
    const fresh = next.slice(head, next.length - tail).map((b) => ({
      raw: b.raw, line: b.line, element: renderBlock(this.doc, b.token, b.line),
    }));
    for (const block of fresh) if (block.element) this.content.insertBefore(block.element, before);
    const kept = old.slice(old.length - tail);
    // Blocks after the change keep their element but may have moved to other source lines.
    next.slice(next.length - tail).forEach((b, i) => {
      const block = kept[i];
      if (block.line !== b.line && block.element) shiftLines(block.element, b.line - block.line);
      block.line = b.line;
    });
    this.blocks = [...old.slice(0, head), ...fresh, ...kept];
  }

  tellTitle() {
    const heading = this.blocks.find((b) => b.element && /^H[1-6]$/.test(b.element.tagName));
    const title = heading ? heading.element.textContent : null;
    if (title !== this.title) {
      this.title = title;
      this.onTitle(title);
    }
  }

  /** Puts the rendered place of source line `line` in the middle of the view. */
  scrollToLine(line) {
    const target = this.elementAt(line);
    const scroller = this.scroller;
    if (!target) {
      scroller.scrollTop = line <= 1 ? 0 : scroller.scrollHeight;
      return;
    }
    const from = Number(target.dataset.line);
    const to = Math.max(from, Number(target.dataset.lineEnd));
    const box = target.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    // Inside a tall block, guess the place from the line's rank among the block's lines.
    const fraction = Math.min(1, Math.max(0, (line - from + 0.5) / (to - from + 1)));
    const y = box.top - view.top + scroller.scrollTop + box.height * fraction;
    scroller.scrollTop = Math.max(0, y - scroller.clientHeight / 2);
  }

  /** The innermost rendered block that starts at or before `line` (the last one, in page order). */
  elementAt(line) {
    let found = null;
    for (const element of this.content.querySelectorAll('[data-line]')) {
      if (Number(element.dataset.line) > line) break; // page order is source order
      found = element;
    }
    return found;
  }
}

function shiftLines(element, delta) {
  for (const e of [element, ...element.querySelectorAll('[data-line]')]) {
    e.dataset.line = String(Number(e.dataset.line) + delta);
    e.dataset.lineEnd = String(Number(e.dataset.lineEnd) + delta);
  }
}
