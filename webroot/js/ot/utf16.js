// Checks that keep text valid UTF-16: no lone surrogates, no cut through a surrogate pair.
// (An emoji is two code units; an edit between them would leave both halves unreadable.)

import { InvalidOperationError } from './errors.js';

export const isHighSurrogate = (u) => u >= 0xd800 && u <= 0xdbff;
export const isLowSurrogate = (u) => u >= 0xdc00 && u <= 0xdfff;

/** Throws if `text` holds a lone surrogate (a high one not followed by a low one, or a low one alone). */
export function requireWellFormed(text) {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isHighSurrogate(u) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      i++;
    } else if (isHighSurrogate(u) || isLowSurrogate(u)) {
      throw new InvalidOperationError(`inserted text holds a lone surrogate at index ${i}`);
    }
  }
}

/** True when position `pos` of `doc` lies between the two halves of a surrogate pair. */
export function splitsPair(doc, pos) {
  return pos > 0 && pos < doc.length
    && isHighSurrogate(doc.charCodeAt(pos - 1)) && isLowSurrogate(doc.charCodeAt(pos));
}
