// Phone keyboards type through IME composition (predictive text, accents, autocorrect). When a
// remote op changes the line being composed, Chromium loses track of the composition and the word
// gets duplicated ("caf" + someone's edit + "café" gave "cafecafé"; MobileInputBrowserTest).
// So while a composition is open, remote ops touching its line wait here; local ops made on the
// editor's text meanwhile are transformed over them (own op first, like the client core) before
// they reach the client; the waiting ops are applied as soon as the composition ends, or after
// MAX_WAIT_MS at the latest (keyboards may keep a word "composing" while the person only reads).
// Ops on other lines pass straight through when nothing waits: the composition survives those.

import { TextOperation } from '../ot/text-operation.js';

const MAX_WAIT_MS = 2000;

/** Whether `op` inserts or deletes anything within [from, to] of the document it applies to. */
export function touchesRange(op, from, to) {
  let pos = 0;
  for (const c of op.ops) {
    if (typeof c === 'string') {
      if (pos >= from && pos <= to) return true;
    } else if (c > 0) {
      pos += c;
    } else {
      if (pos <= to && pos - c >= from) return true;
      pos -= c;
    }
    if (pos > to) return false;
  }
  return false;
}

export class CompositionGuard {
  /** `applyNow(op, authorId)` applies a remote op to the editor. */
  constructor(view, applyNow) {
    this.view = view;
    this.applyNow = applyNow;
    this.waiting = [];
    this.composing = false;
    this.timer = null;
    view.contentDOM.addEventListener('compositionstart', () => { this.composing = true; });
    view.contentDOM.addEventListener('compositionend', () => {
      this.composing = false;
      setTimeout(() => this.flush(), 0); // after CodeMirror has read the composition's last change
    });
  }

  /** True while remote ops wait (editor and client positions differ). */
  get holding() {
    return this.waiting.length > 0;
  }

  remote(op, authorId) {
    if (!this.holding && !(this.composing && this.touchesCompositionLine(op))) {
      this.applyNow(op, authorId);
      return;
    }
    this.waiting.push({ op, authorId });
    if (!this.timer) this.timer = setTimeout(() => this.flush(true), MAX_WAIT_MS);
  }

  /** A local op on the editor's text; returns it for the client's text (which has the waiting ops). */
  local(op) {
    let mine = op;
    for (const w of this.waiting) {
      const [minePrime, theirsPrime] = TextOperation.transform(mine, w.op);
      mine = minePrime;
      w.op = theirsPrime;
    }
    return mine;
  }

  /** Applies what waits, unless a composition is still open (or `force`). */
  flush(force = false) {
    if (!this.holding) return;
    if (!force && (this.composing || this.view.composing)) {
      setTimeout(() => this.flush(), 50);
      return;
    }
    clearTimeout(this.timer);
    this.timer = null;
    const list = this.waiting;
    this.waiting = [];
    for (const w of list) this.applyNow(w.op, w.authorId);
  }

  /** The editor's text is being replaced by the client's: nothing waits any more. */
  clear() {
    clearTimeout(this.timer);
    this.timer = null;
    this.waiting = [];
  }

  touchesCompositionLine(op) {
    const line = this.view.state.doc.lineAt(this.view.state.selection.main.head);
    return touchesRange(op, line.from, line.to);
  }
}
