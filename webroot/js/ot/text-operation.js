// The plain-text operation algebra of Ardoise, mirroring ardoise.ot.TextOperation (the ot.js model).
//
// An operation walks over the whole document: a positive integer n keeps n code units (retain), a
// non-empty string inserts it, a negative integer -n removes n code units (delete). Its JSON form is
// exactly this array, e.g. [5, "Bonjour ", -3, 12]. Lengths and positions count UTF-16 code units.
//
// Invariant (canonical form): no empty component, no two adjacent components of one kind, and an
// insert never directly follows a delete. So two operations with the same effect are `equals`.
// Builder methods mutate `this` (ot.js style); every other method leaves its operands untouched.

const MAX_COUNT = 2147483647; // Java's Integer.MAX_VALUE: the server keeps counts in an int

/** A malformed operation or one that cannot apply; the message is meant for humans. */
export class InvalidOperationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvalidOperationError';
  }
}

export const isRetain = (c) => typeof c === 'number' && c > 0;
export const isInsert = (c) => typeof c === 'string';
export const isDelete = (c) => typeof c === 'number' && c < 0;

const isHigh = (u) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u) => u >= 0xdc00 && u <= 0xdfff;

/** Throws if `text` holds a lone surrogate (a high one not followed by a low one, or a low one alone). */
export function requireWellFormed(text) {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isHigh(u) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      i++;
    } else if (isHigh(u) || isLow(u)) {
      throw new InvalidOperationError(`inserted text holds a lone surrogate at index ${i}`);
    }
  }
}

/** True when position `pos` of `doc` lies between the two halves of a surrogate pair. */
export function splitsPair(doc, pos) {
  return pos > 0 && pos < doc.length && isHigh(doc.charCodeAt(pos - 1)) && isLow(doc.charCodeAt(pos));
}

function requireCount(n, what) {
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) {
    throw new InvalidOperationError(`${what} must be an integer between 0 and ${MAX_COUNT}, got ${n}`);
  }
}

/** Length of a component in the document before the operation. */
const baseLen = (c) => (isInsert(c) ? 0 : Math.abs(c));
/** Length of a component in the document after the operation. */
const targetLen = (c) => (isInsert(c) ? c.length : isRetain(c) ? c : 0);
/** The first n units of a component, and what is left after them. */
const head = (c, n) => (isInsert(c) ? c.slice(0, n) : isRetain(c) ? n : -n);
const tail = (c, n) => (isInsert(c) ? c.slice(n) : isRetain(c) ? c - n : c + n);

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
    this.baseLength += n;
    this.targetLength += n;
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
    this.targetLength += text.length;
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
    this.baseLength += n;
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
    if (this.targetLength !== next.baseLength) {
      throw new InvalidOperationError(`cannot compose: first target length ${this.targetLength
      } differs from second base length ${next.baseLength}`);
    }
    const out = new TextOperation();
    const ops1 = this.ops;
    const ops2 = next.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    while (op1 !== undefined || op2 !== undefined) {
      if (op1 !== undefined && isDelete(op1)) {
        out.add(op1);
        op1 = ops1[i1++];
        continue;
      }
      if (op2 !== undefined && isInsert(op2)) {
        out.add(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined) throw new InvalidOperationError('cannot compose: first operation is too short');
      if (op2 === undefined) throw new InvalidOperationError('cannot compose: first operation is too long');
      const len1 = targetLen(op1);
      const len2 = baseLen(op2);
      const min = Math.min(len1, len2);
      if (isRetain(op2)) out.add(head(op1, min));
      else if (isRetain(op1)) out.delete(min);
      // else: op1 inserts what op2 deletes, both vanish
      op1 = len1 > min ? tail(op1, min) : ops1[i1++];
      op2 = len2 > min ? tail(op2, min) : ops2[i2++];
    }
    return out;
  }

  /**
   * Law (TP1): with [a', b'] = transform(a, b), a.compose(b') and b.compose(a') have the same effect.
   * At equal positions a's insert goes first.
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) {
      throw new InvalidOperationError(`cannot transform: base lengths differ (${a.baseLength} and ${b.baseLength})`);
    }
    const aPrime = new TextOperation();
    const bPrime = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    while (op1 !== undefined || op2 !== undefined) {
      if (op1 !== undefined && isInsert(op1)) {
        aPrime.insert(op1);
        bPrime.retain(op1.length);
        op1 = ops1[i1++];
        continue;
      }
      if (op2 !== undefined && isInsert(op2)) {
        aPrime.retain(op2.length);
        bPrime.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined) throw new InvalidOperationError('cannot transform: first operation is too short');
      if (op2 === undefined) throw new InvalidOperationError('cannot transform: first operation is too long');
      const len1 = baseLen(op1);
      const len2 = baseLen(op2);
      const min = Math.min(len1, len2);
      if (isRetain(op1) && isRetain(op2)) {
        aPrime.retain(min);
        bPrime.retain(min);
      } else if (isDelete(op1) && isRetain(op2)) {
        aPrime.delete(min);
      } else if (isRetain(op1) && isDelete(op2)) {
        bPrime.delete(min);
      } // else both delete the same text: nothing left to do for either
      op1 = len1 > min ? tail(op1, min) : ops1[i1++];
      op2 = len2 > min ? tail(op2, min) : ops2[i2++];
    }
    return [aPrime, bPrime];
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
