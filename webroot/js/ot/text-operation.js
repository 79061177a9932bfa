// The plain-text operation algebra of Ardoise, mirroring ardoise.ot.TextOperation (the ot.js model).
//
// An operation walks over the whole document: a positive integer n keeps n code units (retain), a
// non-empty string inserts it, a negative integer -n removes n code units (delete). Its JSON form is
// exactly this array, e.g. [5, "Bonjour ", -3, 12]. Lengths and positions count UTF-16 code units.
//
// Invariant (canonical form): no empty component, no two adjacent components of one kind, and an
// insert never directly follows a delete. So two operations with the same effect are `equals`.
// Builder methods mutate `this` (ot.js style); every other method leaves its operands untouched.

import { InvalidOperationError } from './errors.js';
import { composeInto, transformInto } from './compose.js';
import { requireWellFormed, splitsPair } from './utf16.js';

export { InvalidOperationError, requireWellFormed };

const MAX_COUNT = 2147483647; // Java's Integer.MAX_VALUE: the server keeps counts in an int

export const isRetain = (c) => typeof c === 'number' && c > 0;
export const isInsert = (c) => typeof c === 'string';
export const isDelete = (c) => typeof c === 'number' && c < 0;

function requireCount(n, what) {
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) {
    throw new InvalidOperationError(`${what} must be an integer between 0 and ${MAX_COUNT}, got ${n}`);
  }
}

// Without this bound a merged component or a length could exceed what the server's int holds.
function grow(length, count) {
  if (length > MAX_COUNT - count) {
    throw new InvalidOperationError(`operation is too long: more than ${MAX_COUNT} code units`);
  }
  return length + count;
}

export class TextOperation {
  constructor() {
    this.ops = [];
    this.baseLength = 0;
    this.targetLength = 0;
  }

  /** The identity on a document of `length` code units. */
  static identity(length) {
    return new TextOperation().retain(length);
  }

  /** Keeps the next n code units; merges with a preceding retain. */
  retain(n) {
    requireCount(n, 'retain');
    if (n === 0) return this;
    this.baseLength = grow(this.baseLength, n);
    this.targetLength = grow(this.targetLength, n);
    const last = this.ops.length - 1;
    if (last >= 0 && isRetain(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  /** Inserts `text`; an insert after a delete goes before it (same effect, one canonical form). */
  insert(text) {
    if (typeof text !== 'string') throw new InvalidOperationError(`insert needs a string, got ${typeof text}`);
    if (text === '') return this;
    requireWellFormed(text);
    this.targetLength = grow(this.targetLength, text.length);
    const ops = this.ops;
    const last = ops.length - 1;
    const at = last >= 0 && isDelete(ops[last]) ? last : last + 1;
    if (at - 1 >= 0 && isInsert(ops[at - 1])) ops[at - 1] += text;
    else ops.splice(at, 0, text);
    return this;
  }

  /** Removes the next n code units (n >= 0, like Java's Builder.delete); merges with a preceding delete. */
  delete(n) {
    requireCount(n, 'delete');
    if (n === 0) return this;
    this.baseLength = grow(this.baseLength, n);
    const last = this.ops.length - 1;
    if (last >= 0 && isDelete(this.ops[last])) this.ops[last] -= n;
    else this.ops.push(-n);
    return this;
  }

  /** Appends one component in JSON form (n, "text" or -n). */
  add(c) {
    if (isInsert(c)) return this.insert(c);
    return c > 0 ? this.retain(c) : this.delete(-c);
  }

  /** True when applying this operation changes nothing (it only retains). */
  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  equals(other) {
    if (!(other instanceof TextOperation) || other.ops.length !== this.ops.length) return false;
    return this.ops.every((c, i) => c === other.ops[i]);
  }

  /** The wire form: a fresh array of integers and strings. */
  toJSON() {
    return this.ops.slice();
  }

  toString() {
    return JSON.stringify(this.ops);
  }

  /** Reads the decoded JSON form, checking every element (never trust the wire). */
  static fromJSON(value) {
    if (!Array.isArray(value)) throw new InvalidOperationError(`op must be a JSON array, got ${describe(value)}`);
    const op = new TextOperation();
    value.forEach((v, i) => {
      if (typeof v === 'string') {
        if (v === '') throw new InvalidOperationError(`op element ${i} is an empty string`);
        op.insert(v);
      } else if (typeof v === 'number') {
        if (!Number.isInteger(v)) throw new InvalidOperationError(`op element ${i} must be an integer, got ${v}`);
        // -MAX_COUNT keeps delete(n) representable; Java's Integer.MIN_VALUE has no positive counterpart.
        if (Math.abs(v) > MAX_COUNT) throw new InvalidOperationError(`op element ${i} is beyond int range: ${v}`);
        if (v === 0) throw new InvalidOperationError(`op element ${i} is zero`);
        op.add(v);
      } else {
        throw new InvalidOperationError(`op element ${i} must be an integer or a string, got ${describe(v)}`);
      }
    });
    return op;
  }

  /**
   * Reads the JSON text of an operation. Unlike fromJSON(JSON.parse(text)) it also rejects numbers
   * written with a fraction or an exponent (5.0, 1e3), as the server does: JSON.parse erases that form.
   */
  static parse(text) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InvalidOperationError(`op is not valid JSON: ${e.message}`);
    }
    const bad = firstNonIntegerNumber(text);
    if (bad !== null) throw new InvalidOperationError(`op holds a number that is not written as an integer: ${bad}`);
    return TextOperation.fromJSON(value);
  }

  /** Law: apply(doc).length === targetLength; throws on a wrong base length or a cut surrogate pair. */
  apply(doc) {
    if (typeof doc !== 'string' || doc.length !== this.baseLength) {
      throw new InvalidOperationError(`operation base length ${this.baseLength} does not match document length ${
        typeof doc === 'string' ? doc.length : describe(doc)}`);
    }
    // String concatenation (not join) lets V8 build ropes and slices instead of copying the document.
    let out = '';
    let pos = 0;
    for (const c of this.ops) {
      if (splitsPair(doc, pos)) throw new InvalidOperationError(`operation would split a surrogate pair at position ${pos}`);
      if (isRetain(c)) {
        out += doc.slice(pos, pos + c);
        pos += c;
      } else if (isInsert(c)) {
        out += c;
      } else {
        pos -= c;
      }
    }
    return out;
  }

  /** Law: invert(doc).apply(apply(doc)) === doc. */
  invert(doc) {
    if (typeof doc !== 'string' || doc.length !== this.baseLength) {
      throw new InvalidOperationError(`cannot invert: base length ${this.baseLength} does not match document length ${
        typeof doc === 'string' ? doc.length : describe(doc)}`);
    }
    const inverse = new TextOperation();
    let pos = 0;
    for (const c of this.ops) {
      if (isRetain(c)) {
        inverse.retain(c);
        pos += c;
      } else if (isInsert(c)) {
        inverse.delete(c.length);
      } else {
        inverse.insert(doc.slice(pos, pos - c));
        pos -= c;
      }
    }
    return inverse;
  }

  /** Law: a.compose(b).apply(doc) === b.apply(a.apply(doc)). */
  compose(next) {
    return composeInto(new TextOperation(), this, next);
  }

  /**
   * Law (TP1): with [a', b'] = transform(a, b), a.compose(b') and b.compose(a') have the same effect.
   * At equal positions a's insert goes first.
   */
  static transform(a, b) {
    return transformInto([new TextOperation(), new TextOperation()], a, b);
  }

  /**
   * Where position `index` of the base document ends up after this operation: an insert exactly at
   * the index pushes it right; a deleted index moves to the start of the deletion.
   */
  transformIndex(index) {
    let remaining = index;
    let result = index;
    for (const c of this.ops) {
      if (isRetain(c)) {
        remaining -= c;
      } else if (isInsert(c)) {
        result += c.length;
      } else {
        result -= Math.min(remaining, -c);
        remaining += c;
      }
      if (remaining < 0) break;
    }
    return result;
  }

  /**
   * Where its author's caret is once this operation is applied: just after its last insert, or where
   * its last delete was, whichever comes later (typing, pasting, Backspace and Delete all leave the
   * caret there). Null for an operation that changes nothing. Editors place a member's caret from
   * the member's ops this way, so a typing member sends no cursor message (docs/protocol.md).
   */
  caretAfter() {
    let position = 0;
    let caret = null;
    for (const c of this.ops) {
      if (isRetain(c)) {
        position += c;
      } else if (isInsert(c)) {
        position += c.length;
        caret = position;
      } else {
        caret = position;
      }
    }
    return caret;
  }
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'string') return 'a string';
  if (v === undefined) return 'nothing';
  return 'an object';
}

/** The first number token of a valid JSON text written with a fraction or an exponent, or null. */
function firstNonIntegerNumber(text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const start = i;
      while (i + 1 < text.length && /[0-9.eE+-]/.test(text[i + 1])) i++;
      const token = text.slice(start, i + 1);
      if (/[.eE]/.test(token)) return token;
    }
  }
  return null;
}
