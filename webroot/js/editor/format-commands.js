// Markdown formatting as CodeMirror commands (toolbar buttons and shortcuts). Each is one ordinary
// transaction, so it reaches the OT binding, the undo history and the other members like typing.
//
// Toggles: bold/italic wrap a selection or unwrap it when it is already wrapped (markers inside or
// just outside the selection); list and heading buttons add their prefix to every selected line,
// or remove it when every one of those lines already has it.
import { EditorSelection, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";

const USER_EVENT = "input.format";

// "- [ ] ", "- ", "3. " after the indentation; groups: indent, checkbox form, bullet, number.
const LIST_PREFIX = /^([ \t]*)(?:([-*+])[ \t]+\[[ xX]\][ \t]+|([-*+])[ \t]+|(\d{1,9})[.)][ \t]+)/;
const HEADING_PREFIX = /^(#{1,6})(?:[ \t]+|$)/;

function listKind(text) {
  const m = LIST_PREFIX.exec(text);
  if (!m) return null;
  return { kind: m[2] ? "check" : m[3] ? "bullet" : "number", indent: m[1], length: m[0].length, number: Number(m[4]) };
}

function headingLevel(text) {
  const m = HEADING_PREFIX.exec(text);
  return m ? { level: m[1].length, length: m[0].length } : { level: 0, length: 0 };
}

// Lines touched by the selection; a range ending at the start of a line leaves that line out.
function selectedLines(state) {
  const lines = [];
  let last = 0;
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    let end = state.doc.lineAt(range.to);
    if (!range.empty && range.to === end.from && end.number > first) end = state.doc.line(end.number - 1);
    for (let n = Math.max(first, last + 1); n <= end.number; n++) lines.push(state.doc.line(n));
    last = Math.max(last, end.number);
  }
  return lines;
}

// Applies per-line changes; carets at a line start stay after an inserted prefix.
function dispatchLineChanges(view, changes) {
  if (changes.length === 0) return true;
  const state = view.state;
  const set = state.changes(changes);
  const selection = EditorSelection.create(
    state.selection.ranges.map((r) => EditorSelection.range(set.mapPos(r.anchor, 1), set.mapPos(r.head, 1))),
    state.selection.mainIndex);
  view.dispatch({ changes: set, selection, userEvent: USER_EVENT, scrollIntoView: true });
  return true;
}

function listPrefix(kind, number) {
  return kind === "check" ? "- [ ] " : kind === "bullet" ? "- " : `${number}. `;
}

/** A command toggling a list kind ("bullet", "number", "check") on the selected lines. */
export function toggleList(kind) {
  return (view) => {
    const state = view.state;
    const lines = selectedLines(state);
    const targets = lines.length > 1 ? lines.filter((l) => l.text.trim() !== "") : lines;
    const all = targets.length > 0 && targets.every((l) => listKind(l.text)?.kind === kind);
    const changes = [];
    const previous = targets.length && targets[0].number > 1 ? listKind(state.doc.line(targets[0].number - 1).text) : null;
    let number = previous?.kind === "number" ? previous.number + 1 : 1;
    for (const line of targets) {
      const current = listKind(line.text);
      const from = line.from + (current ? current.indent.length : /^[ \t]*/.exec(line.text)[0].length);
      const to = current ? line.from + current.length : from;
      changes.push({ from, to, insert: all ? "" : listPrefix(kind, number++) });
    }
    return dispatchLineChanges(view, changes);
  };
}

/** A command making the selected lines headings of `level` (1–6), or plain lines if they all are. */
export function setHeading(level) {
  return (view) => {
    const lines = selectedLines(view.state);
    const all = lines.every((l) => headingLevel(l.text).level === level);
    return dispatchLineChanges(view, lines.map((l) => (
      { from: l.from, to: l.from + headingLevel(l.text).length, insert: all ? "" : `${"#".repeat(level)} ` })));
  };
}

/** The toolbar's heading button: plain → # → ## → ### → plain, following the main line. */
export function cycleHeading(view) {
  const level = headingLevel(view.state.doc.lineAt(view.state.selection.main.head).text).level;
  return level >= 3 ? setHeading(level)(view) : setHeading(level + 1)(view);
}

// Consecutive `ch` ending at `pos` (backwards) or starting at it (forwards).
function runBefore(doc, pos, ch) {
  let n = 0;
  while (pos - n > 0 && doc.sliceString(pos - n - 1, pos - n) === ch) n++;
  return n;
}

function runAfter(doc, pos, ch) {
  let n = 0;
  while (pos + n < doc.length && doc.sliceString(pos + n, pos + n + 1) === ch) n++;
  return n;
}

// Whether runs of `before` and `after` marker characters hold a `marker` (** in "***" too; * is
// italic when a run is 1 or 3 long, not 2).
function holds(marker, before, after) {
  const fits = (n) => (marker.length === 2 ? n >= 2 : n % 2 === 1);
  return fits(before) && fits(after);
}

function toggleWrap(marker) {
  const ch = marker[0];
  const size = marker.length;
  return (view) => {
    const { state } = view;
    const doc = state.doc;
    view.dispatch(state.changeByRange((range) => {
      let { from, to } = range;
      const text = doc.sliceString(from, to);
      // Markers just outside the selection (or around an empty caret): unwrap.
      if (holds(marker, runBefore(doc, from, ch), runAfter(doc, to, ch))) {
        return {
          changes: [{ from: from - size, to: from }, { from: to, to: to + size }],
          range: EditorSelection.range(from - size, to - size),
        };
      }
      // Markers inside the selection: unwrap.
      const inner = text.length >= 2 * size && holds(marker, runAfter(doc, from, ch), runBefore(doc, to, ch));
      if (inner && !range.empty) {
        return {
          changes: [{ from, to: from + size }, { from: to - size, to }],
          range: EditorSelection.range(from, to - 2 * size),
        };
      }
      // Wrap the selected words, leaving surrounding spaces outside the markers.
      from += text.length - text.trimStart().length;
      to -= text.length - text.trimEnd().length;
      if (to < from) to = from;
      return {
        changes: [{ from, insert: marker }, { from: to, insert: marker }],
        range: EditorSelection.range(from + size, to + size),
      };
    }), { userEvent: USER_EVENT, scrollIntoView: true });
    return true;
  };
}

export const toggleBold = toggleWrap("**");
export const toggleItalic = toggleWrap("*");

/**
 * Makes the selection a link: "[text](https://)" with "https://" selected to type or paste the
 * address over; a selected address becomes "[](address)" with the caret in the brackets.
 */
export function insertLink(view) {
  const { state } = view;
  view.dispatch(state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    if (/^https?:\/\/\S+$/.test(text)) {
      return { changes: { from: range.from, to: range.to, insert: `[](${text})` }, range: EditorSelection.cursor(range.from + 1) };
    }
    const urlFrom = range.from + text.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert: `[${text}](https://)` },
      range: text ? EditorSelection.range(urlFrom, urlFrom + "https://".length) : EditorSelection.cursor(range.from + 1),
    };
  }), { userEvent: USER_EVENT, scrollIntoView: true });
  return true;
}

/** The shortcuts (documented in docs/editor.md); above the default keymap, whose Mod-i selects the parent syntax. */
export const formatKeymap = Prec.high(keymap.of([
  { key: "Mod-b", run: toggleBold, preventDefault: true },
  { key: "Mod-i", run: toggleItalic, preventDefault: true },
  { key: "Mod-k", run: insertLink, preventDefault: true },
  { key: "Mod-Alt-1", run: setHeading(1), preventDefault: true },
  { key: "Mod-Alt-2", run: setHeading(2), preventDefault: true },
  { key: "Mod-Alt-3", run: setHeading(3), preventDefault: true },
]));
