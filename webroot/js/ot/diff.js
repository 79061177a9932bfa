// The operation turning one text into another, found by common prefix and suffix: O(n), one
// replaced middle at most. Used to rebase local edits on a server snapshot when the history between
// them is gone, and handy for editors that report a whole new text.

import { TextOperation } from './text-operation.js';
import { isHighSurrogate as isHigh, isLowSurrogate as isLow } from './utf16.js';

/** Law: diff(a, b).apply(a) === b; never cuts a surrogate pair of a well-formed text. */
export function diff(a, b) {
  const max = Math.min(a.length, b.length);
  let start = 0;
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHigh(a.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  if (end > 0 && isLow(a.charCodeAt(a.length - end))) end--;
  return new TextOperation()
    .retain(start)
    .delete(a.length - start - end)
    .insert(b.slice(start, b.length - end))
    .retain(end);
}
