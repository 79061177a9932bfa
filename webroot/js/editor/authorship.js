// Authorship colours: a CodeMirror extension that tints each character with the
// colour of the person who wrote it, driven by author runs [[length, authorId], ...]
// (the protocol's `authors`) and a map authorId -> "#rrggbb".
//
// Work per transaction is proportional to the number of changed ranges and the
// runs touching them, never to the document length: runs live in a mapped
// DecorationSet, and inserted text gets the transaction's author.
//
// Text by nobody (author "" or null: a template, a rebase) is not decorated. An author whose colour
// is not known yet is shown in a neutral grey until it is (setAuthorColors), never in a colour
// guessed from the id, which could be the viewer's own or another person's.
import { Annotation, Facet, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView } from "@codemirror/view";
import { UNKNOWN_COLOR, withAlpha } from "./colors.js";

/** Tag a transaction with the author of the text it inserts (remote ops); untagged = the local author. */
export const authorAnnotation = Annotation.define();

const setRuns = StateEffect.define();
const setColors = StateEffect.define();
const setVisible = StateEffect.define();
const setLocalAuthor = StateEffect.define();

// Initial options; later changes go through the effects above.
const initialOptions = Facet.define({ combine: (values) => values[0] ?? {} });

function markFor(marks, colors, author) {
  let mark = marks.get(author);
  if (!mark) {
    const color = colors.get(author) ?? UNKNOWN_COLOR;
    mark = Decoration.mark({
      class: "cm-author",
      attributes: {
        style: `background-color: ${withAlpha(color, 0.22)}; border-bottom: 2px solid ${withAlpha(color, 0.8)}`,
        "data-author": author,
      },
      author,
    });
    marks.set(author, mark);
  }
  return mark;
}

function decorationsFromRuns(runs, docLength, marks, colors) {
  const ranges = [];
  let pos = 0;
  for (const [length, author] of runs) {
    const end = Math.min(pos + length, docLength);
    if (author && end > pos) ranges.push(markFor(marks, colors, author).range(pos, end));
    pos = end;
  }
  return Decoration.set(ranges);
}

// Gives [from, to) to `author` (or to nobody when author is "" or null): splits the
// runs that now cover it and merges with touching runs of the same author.
function attribute(deco, from, to, author, marks, colors) {
  const removed = [];
  const added = [];
  let start = from;
  let end = to;
  deco.between(from, to, (rFrom, rTo, value) => {
    const same = value.spec.author === author;
    const overlaps = rFrom < to && rTo > from;
    if (!overlaps && !same) return;
    removed.push([rFrom, rTo, value]);
    if (same) {
      start = Math.min(start, rFrom);
      end = Math.max(end, rTo);
    } else {
      if (rFrom < from) added.push(value.range(rFrom, from));
      if (rTo > to) added.push(value.range(to, rTo));
    }
  });
  if (author) added.push(markFor(marks, colors, author).range(start, end));
  const isRemoved = (f, t, v) => removed.some(([rf, rt, rv]) => rf === f && rt === t && rv === v);
  return deco.update({ filter: (f, t, v) => !isRemoved(f, t, v), filterFrom: from, filterTo: to, add: added, sort: true });
}

function recolor(value, colors) {
  const marks = new Map();
  const ranges = [];
  for (let cursor = value.deco.iter(); cursor.value; cursor.next()) {
    ranges.push(markFor(marks, colors, cursor.value.spec.author).range(cursor.from, cursor.to));
  }
  return { ...value, colors, marks, deco: Decoration.set(ranges) };
}

function applyChanges(value, tr) {
  const author = tr.annotation(authorAnnotation) ?? value.localAuthor;
  let deco = value.deco.map(tr.changes);
  tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    if (toB > fromB) deco = attribute(deco, fromB, toB, author, value.marks, value.colors);
  });
  return { ...value, deco };
}

const authorshipField = StateField.define({
  create(state) {
    const { localAuthor = null, colors = new Map(), visible = true } = state.facet(initialOptions);
    return { deco: Decoration.none, marks: new Map(), colors: new Map(colors), visible, localAuthor };
  },
  update(value, tr) {
    let next = tr.docChanged ? applyChanges(value, tr) : value;
    for (const effect of tr.effects) {
      if (effect.is(setRuns)) {
        next = { ...next, deco: decorationsFromRuns(effect.value, tr.state.doc.length, next.marks, next.colors) };
      } else if (effect.is(setColors)) next = recolor(next, effect.value);
      else if (effect.is(setVisible)) next = { ...next, visible: effect.value };
      else if (effect.is(setLocalAuthor)) next = { ...next, localAuthor: effect.value };
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (value) => (value.visible ? value.deco : Decoration.none)),
});

/**
 * The extension. Options: localAuthor (authorId of this browser's inserts),
 * colors ({authorId: "#rrggbb"} or Map), visible (default true).
 */
export function authorship(options = {}) {
  const colors = options.colors instanceof Map ? options.colors : new Map(Object.entries(options.colors ?? {}));
  return [initialOptions.of({ ...options, colors }), authorshipField];
}

/** Replaces all attribution (after `joined`): runs cover the document, [[length, authorId|null], ...]. */
export function setAuthorRuns(view, runs) {
  view.dispatch({ effects: setRuns.of(runs) });
}

/** The same as an effect, to replace text and attribution in one transaction (applied after the changes). */
export function authorRunsEffect(runs) {
  return setRuns.of(runs);
}

/** Sets the colour of each author ({authorId: "#rrggbb"} or Map); others are shown in UNKNOWN_COLOR (grey). */
export function setAuthorColors(view, colors) {
  view.dispatch({ effects: setColors.of(colors instanceof Map ? new Map(colors) : new Map(Object.entries(colors))) });
}

/** Shows or hides the colours (attribution keeps being tracked while hidden). */
export function setAuthorshipVisible(view, visible) {
  view.dispatch({ effects: setVisible.of(Boolean(visible)) });
}

export function isAuthorshipVisible(state) {
  return state.field(authorshipField).visible;
}

/** Sets the author of text typed in this browser (known after `joined`). */
export function setLocalAuthorId(view, authorId) {
  view.dispatch({ effects: setLocalAuthor.of(authorId) });
}

/** Current attribution as runs [[length, authorId|null], ...] covering the whole document (for tests and export). */
export function authorRuns(state) {
  const runs = [];
  const push = (length, author) => {
    if (length <= 0) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === author) last[0] += length;
    else runs.push([length, author]);
  };
  let pos = 0;
  for (let cursor = state.field(authorshipField).deco.iter(); cursor.value; cursor.next()) {
    push(cursor.from - pos, null);
    push(cursor.to - cursor.from, cursor.value.spec.author);
    pos = cursor.to;
  }
  push(state.doc.length - pos, null);
  return runs;
}
