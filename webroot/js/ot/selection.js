// Cursors and selections moved through operations (ot.js Selection semantics), so a remote member's
// caret stays on the same character while local or remote edits land around it.
//
// A Range is {anchor, head} in UTF-16 code units (head is where the caret is); a Selection is a
// list of ranges. Both are immutable; transform returns new values.

import { TextOperation } from './text-operation.js';

export class Range {
  constructor(anchor, head) {
    this.anchor = anchor;
    this.head = head;
    Object.freeze(this);
  }

  static fromJSON(value) {
    if (value === null || typeof value !== 'object' || !isIndex(value.anchor) || !isIndex(value.head)) {
      throw new TypeError('a range needs integer anchor and head >= 0');
    }
    return new Range(value.anchor, value.head);
  }

  isEmpty() {
    return this.anchor === this.head;
  }

  equals(other) {
    return other instanceof Range && other.anchor === this.anchor && other.head === this.head;
  }

  /** Law: a collapsed range (a caret) stays collapsed. */
  transform(op) {
    const anchor = op.transformIndex(this.anchor);
    if (this.anchor === this.head) return new Range(anchor, anchor);
    return new Range(anchor, op.transformIndex(this.head));
  }

  toJSON() {
    return { anchor: this.anchor, head: this.head };
  }
}

export class Selection {
  constructor(ranges = []) {
    this.ranges = Object.freeze(ranges.slice());
    Object.freeze(this);
  }

  /** A caret at `position`. */
  static createCursor(position) {
    return new Selection([new Range(position, position)]);
  }

  /** Reads {anchor, head}, [{anchor, head}, …] or {ranges: [...]}. */
  static fromJSON(value) {
    const list = Array.isArray(value) ? value : value && Array.isArray(value.ranges) ? value.ranges : [value];
    return new Selection(list.map(Range.fromJSON));
  }

  somethingSelected() {
    return this.ranges.some((r) => !r.isEmpty());
  }

  equals(other) {
    return other instanceof Selection && other.ranges.length === this.ranges.length
      && this.ranges.every((r, i) => r.equals(other.ranges[i]));
  }

  transform(op) {
    return new Selection(this.ranges.map((r) => r.transform(op)));
  }

  toJSON() {
    return this.ranges.map((r) => r.toJSON());
  }
}

/**
 * Moves a selection through `op` (a TextOperation or its JSON form), keeping the caller's shape:
 * {anchor, head} -> {anchor, head}; an array of ranges -> an array; a Range or Selection -> the same class.
 */
export function transformSelection(selection, op) {
  const operation = op instanceof TextOperation ? op : TextOperation.fromJSON(op);
  if (selection instanceof Selection || selection instanceof Range) return selection.transform(operation);
  if (Array.isArray(selection)) return selection.map((r) => Range.fromJSON(r).transform(operation).toJSON());
  return Range.fromJSON(selection).transform(operation).toJSON();
}

function isIndex(n) {
  return Number.isInteger(n) && n >= 0;
}
