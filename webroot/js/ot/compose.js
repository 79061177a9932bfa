// The two case-table loops of the algebra (ot.js compose and transform), kept apart from the
// TextOperation class like Java's Compose and Transform. They build into empty operations handed
// over by the caller, so this module needs no import of the class.

import { InvalidOperationError } from './errors.js';

const isRetain = (c) => typeof c === 'number' && c > 0;
const isInsert = (c) => typeof c === 'string';
const isDelete = (c) => typeof c === 'number' && c < 0;

/** Length of a component in the document before the operation. */
const baseLen = (c) => (isInsert(c) ? 0 : Math.abs(c));
/** Length of a component in the document after the operation. */
const targetLen = (c) => (isInsert(c) ? c.length : isRetain(c) ? c : 0);
/** The first n units of a component, and what is left after them. */
const head = (c, n) => (isInsert(c) ? c.slice(0, n) : isRetain(c) ? n : -n);
const tail = (c, n) => (isInsert(c) ? c.slice(n) : isRetain(c) ? c - n : c + n);

/** Builds a then b into `out`; throws when a's target length is not b's base length. */
export function composeInto(out, a, b) {
  if (a.targetLength !== b.baseLength) {
    throw new InvalidOperationError(`cannot compose: first target length ${a.targetLength
    } differs from second base length ${b.baseLength}`);
  }
  const ops1 = a.ops;
  const ops2 = b.ops;
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

/** Builds [a', b'] into `primes`; a's inserts go first at equal positions. */
export function transformInto(primes, a, b) {
  const [aPrime, bPrime] = primes;
  if (a.baseLength !== b.baseLength) {
    throw new InvalidOperationError(`cannot transform: base lengths differ (${a.baseLength} and ${b.baseLength})`);
  }
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
