// Other members' carets and selections: a caret with the member's name and a
// tinted selection, driven by {clientId, name, color, anchor, head} in the
// current document's positions. Positions follow local edits until the next
// update from the server; work per transaction is proportional to the number
// of members, not to the document length.
import { StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, WidgetType } from "@codemirror/view";
import { withAlpha } from "./colors.js";

const replaceAll = StateEffect.define();
const upsert = StateEffect.define();
const remove = StateEffect.define();

class CaretWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    const caret = document.createElement("span");
    caret.className = "cm-remote-caret";
    caret.style.borderLeftColor = this.color;
    caret.setAttribute("aria-hidden", "true");
    const label = document.createElement("span");
    label.className = "cm-remote-label";
    label.style.backgroundColor = this.color;
    // The name is drawn by CSS (::after) from an attribute, not as a text node: phone keyboards
    // address words by offsets in the editable's text, and a name there shifted them (an
    // autocorrection replaced the wrong letters; MobileInputBrowserTest).
    label.dataset.name = this.name;
    caret.append(label);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

function clamp(pos, length) {
  return Math.max(0, Math.min(Number.isInteger(pos) ? pos : 0, length));
}

function decorate(cursors, docLength) {
  const ranges = [];
  for (const cursor of cursors.values()) {
    const anchor = clamp(cursor.anchor, docLength);
    const head = clamp(cursor.head, docLength);
    const from = Math.min(anchor, head);
    const to = Math.max(anchor, head);
    if (from < to) {
      const style = `background-color: ${withAlpha(cursor.color, 0.28)}`;
      ranges.push(Decoration.mark({ class: "cm-remote-selection", attributes: { style } }).range(from, to));
    }
    const widget = new CaretWidget(cursor.name, cursor.color);
    ranges.push(Decoration.widget({ widget, side: head === to && from < to ? -1 : 1 }).range(head));
  }
  return Decoration.set(ranges, true);
}

const cursorsField = StateField.define({
  create: () => ({ cursors: new Map(), deco: Decoration.none }),
  update(value, tr) {
    let cursors = value.cursors;
    if (tr.docChanged) {
      cursors = new Map();
      for (const [id, c] of value.cursors) {
        cursors.set(id, { ...c, anchor: tr.changes.mapPos(c.anchor), head: tr.changes.mapPos(c.head) });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(replaceAll)) cursors = new Map(effect.value.map((c) => [c.clientId, c]));
      else if (effect.is(upsert)) cursors = new Map(cursors).set(effect.value.clientId, effect.value);
      else if (effect.is(remove)) (cursors = new Map(cursors)).delete(effect.value);
    }
    if (cursors === value.cursors) return value;
    return { cursors, deco: decorate(cursors, tr.state.doc.length) };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.deco),
});

const cursorTheme = EditorView.baseTheme({
  ".cm-remote-caret": {
    position: "relative",
    borderLeft: "2px solid",
    marginLeft: "-1px",
    marginRight: "-1px",
  },
  ".cm-remote-label": {
    position: "absolute",
    bottom: "100%",
    left: "-2px",
    padding: "0 0.35em",
    borderRadius: "0.3em 0.3em 0.3em 0",
    color: "#fff",
    font: "600 0.7em/1.4 var(--ui-font, sans-serif)",
    whiteSpace: "nowrap",
    pointerEvents: "none",
    userSelect: "none",
    zIndex: "2",
  },
  ".cm-remote-label::after": { content: "attr(data-name)" },
});

/** The extension. */
export function remoteCursors() {
  return [cursorsField, cursorTheme];
}

/** Replaces every remote cursor: [{clientId, name, color, anchor, head}]. */
export function setRemoteCursors(view, cursors) {
  view.dispatch({ effects: replaceAll.of(cursors) });
}

/** Adds or moves one member's cursor. */
export function updateRemoteCursor(view, cursor) {
  view.dispatch({ effects: upsert.of(cursor) });
}

/** Removes a member's cursor (they left). */
export function removeRemoteCursor(view, clientId) {
  view.dispatch({ effects: remove.of(clientId) });
}

/** Current remote cursors, positions mapped through local edits: [{clientId, name, color, anchor, head}]. */
export function remoteCursorList(state) {
  return [...state.field(cursorsField).cursors.values()];
}
