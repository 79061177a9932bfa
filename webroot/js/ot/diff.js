// The operation turning one text into another (as ardoise.ot.TextDiff on the server): a Myers diff
// of the lines, then of the characters (code points) inside each changed group of lines, so text
// both sides share stays where it is. Used to rebase local edits on a server snapshot when the
// history between them is gone: pending inserts then land where they were typed, not at the edge of
// one big replaced middle.
//
// Myers costs O((n + m) · d) for d differences; each diff has a budget of comparisons, beyond which
// the differing region is replaced whole, so two unrelated large texts cost a bounded time.

import { TextOperation } from './text-operation.js';

const LINE_BUDGET = 4_000_000;
const CHARACTER_BUDGET = 4_000_000;
/** An equal stretch of at most this many code points between two changes is folded into them. */
const COINCIDENCE = 2;

/** Law: diff(a, b).apply(a) === b; never cuts a surrogate pair of a well-formed text. */
export function diff(a, b) {
  const linesA = lines(a);
  const linesB = lines(b);
  const op = new TextOperation();
  const characterBudget = { left: CHARACTER_BUDGET };
  let lineA = 0;
  for (const [startA, endA, startB, endB] of lineChanges(linesA, linesB)) {
    op.retain(length(linesA, lineA, startA));
    characters(op, linesA.slice(startA, endA).join(''), linesB.slice(startB, endB).join(''), characterBudget);
    lineA = endA;
  }
  return op.retain(length(linesA, lineA, linesA.length));
}

/** Lines, each keeping its "\n": joined, they give the text back. */
function lines(text) {
  const out = [];
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

function length(list, from, to) {
  let total = 0;
  for (let i = from; i < to; i++) total += list[i].length;
  return total;
}

/** [startA, endA, startB, endB] of each changed group of lines; shared first and last lines set aside first. */
function lineChanges(a, b) {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a[start] === b[start]) start++;
  let end = 0;
  while (end < max - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middle = myers(a.slice(start, a.length - end), b.slice(start, b.length - end), { left: LINE_BUDGET });
  if (!middle) return [[start, a.length - end, start, b.length - end]];
  return middle.map(([sa, ea, sb, eb]) => [sa + start, ea + start, sb + start, eb + start]);
}

function characters(op, from, to, budget) {
  const pointsA = Array.from(from);
  const pointsB = Array.from(to);
  const changes = from && to ? myers(pointsA, pointsB, budget) : null;
  if (!changes) {
    op.delete(from.length).insert(to);
    return;
  }
  const unitsA = offsets(pointsA);
  const unitsB = offsets(pointsB);
  let at = 0;
  for (const [startA, endA, startB, endB] of absorbCoincidences(changes)) {
    op.retain(unitsA[startA] - unitsA[at]).delete(unitsA[endA] - unitsA[startA]).insert(to.slice(unitsB[startB], unitsB[endB]));
    at = endA;
  }
  op.retain(unitsA[pointsA.length] - unitsA[at]);
}

/** UTF-16 offset of each code point index (and of the end). */
function offsets(points) {
  const out = [0];
  for (const p of points) out.push(out[out.length - 1] + p.length);
  return out;
}

/** Two rewritten words share letters by chance: such one- or two-letter stretches join the changes around them. */
function absorbCoincidences(changes) {
  const out = [];
  for (const change of changes) {
    const last = out[out.length - 1];
    if (last && change[0] - last[1] <= COINCIDENCE) out[out.length - 1] = [last[0], change[1], last[2], change[3]];
    else out.push(change);
  }
  return out;
}

/**
 * Myers' diff of two arrays (=== equality): the changes [startA, endA, startB, endB] in order, or
 * null when it would compare more than what is left of `budget` (which it spends).
 */
function myers(a, b, budget) {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace = [];
  for (let d = 0; d <= n + m; d++) {
    if ((d + 1) * (n + m) > budget.left) {
      budget.left = 0;
      return null;
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2)); // the furthest x on each diagonal after d - 1 steps
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        budget.left -= (d + 1) * (n + m);
        return changesFrom(trace, n, m);
      }
    }
  }
  return [];
}

/** Walks the trace back from the end: each step is one deletion or insertion; adjacent steps make one change. */
function changesFrom(trace, n, m) {
  const steps = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const before = trace[d];
    const at = (k) => before[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevX = at(down ? k + 1 : k - 1);
    const prevY = prevX - (down ? k + 1 : k - 1);
    steps.push(down ? [prevX, prevX, prevY, prevY + 1] : [prevX, prevX + 1, prevY, prevY]);
    x = prevX;
    y = prevY;
  }
  const changes = [];
  for (const step of steps.reverse()) {
    const last = changes[changes.length - 1];
    if (last && last[1] === step[0] && last[3] === step[2]) {
      last[1] = step[1];
      last[3] = step[3];
    } else {
      changes.push(step);
    }
  }
  return changes;
}
