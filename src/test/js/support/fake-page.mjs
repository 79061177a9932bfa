// What a PadSession needs from the browser, without one: Web Storage over a Map, a window that
// fires `pagehide`, and an editor that keeps its text as an AttributedText.

/** localStorage's API over a Map. */
export class MemoryStorage {
  constructor() { this.map = new Map(); }
  get length() { return this.map.size; }
  key(i) { return [...this.map.keys()][i] ?? null; }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

/** The window events a page listens to (pagehide, pageshow). */
export class FakeWindow {
  constructor() { this.listeners = []; }
  addEventListener(type, listener) { this.listeners.push([type, listener]); }
  dispatch(type, event = {}) {
    for (const [t, listener] of this.listeners) if (t === type) listener(event);
  }
}

/**
 * The `editor` of a PadSession: its text with authors (`doc`), whether it is editable, its own
 * selection and the remote carets it shows. Like the page's binding, it reports its selection
 * (`onSelection`) whenever the selection moves or the text changes. A remote caret outside the text
 * is recorded in `problems`.
 */
export class FakeEditor {
  constructor(problems = []) {
    this.doc = null;
    this.editable = false;
    this.selection = { anchor: 0, head: 0 };
    this.onSelection = () => {};
    this.carets = new Map();
    this.problems = problems;
  }

  reset(doc) {
    this.doc = doc;
    this.moveSelection((i) => Math.min(i, doc.length));
  }

  applyRemote(op, authorId) {
    this.doc = this.doc.apply(op, authorId);
    this.moveSelection((i) => op.transformIndex(i));
  }

  applySnapshot(op, doc) {
    const moved = op.apply(this.doc.text);
    if (moved !== doc.text) this.problems.push(`the snapshot op gives ${JSON.stringify(moved)}, not ${JSON.stringify(doc.text)}`);
    this.doc = doc;
    this.moveSelection((i) => op.transformIndex(i));
  }

  /** Someone types: `op` on the text, written by `authorId`, handed to `send` before the caret moves. */
  type(op, authorId, send) {
    this.doc = this.doc.apply(op, authorId);
    send(op);
    const caret = op.caretAfter();
    if (caret === null) this.moveSelection((i) => op.transformIndex(i));
    else this.select({ anchor: caret, head: caret });
  }

  select(range) {
    this.selection = range;
    this.onSelection(range);
  }

  moveSelection(move) {
    this.select({ anchor: move(this.selection.anchor), head: move(this.selection.head) });
  }

  setEditable(on) { this.editable = on; }

  setRemoteCursor(member, range) {
    if (!range) {
      this.carets.delete(member.clientId);
      return;
    }
    const length = this.doc?.length ?? 0;
    if (!(range.anchor >= 0 && range.anchor <= length && range.head >= 0 && range.head <= length)) {
      this.problems.push(`caret of ${member.clientId} at ${JSON.stringify(range)} in a text of ${length}`);
    }
    this.carets.set(member.clientId, range);
  }

  setAuthorColors(colors) {
    this.colors = new Map(colors);
  }
}

/** WebSockets a test opens, feeds and breaks by hand; `sockets` lists every one created. */
export function fakeSockets() {
  const sockets = [];
  class FakeSocket {
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = [];
      sockets.push(this);
    }
    send(text) { this.sent.push(JSON.parse(text)); }
    close() { this.readyState = 3; }
    open() { this.readyState = 1; this.onopen?.(); }
    receive(message) { this.onmessage?.({ data: JSON.stringify(message) }); }
    lose() { this.readyState = 3; this.onclose?.(); }
  }
  return { sockets, FakeSocket };
}
