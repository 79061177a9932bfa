// Random documents and operations for the property tests. Each generated operation comes with the
// text it must produce, built alongside by plain string slicing, so the laws are checked against an
// expectation that does not come from TextOperation.apply.

import { TextOperation } from '../../../../webroot/js/ot/text-operation.js';

// French accents, typographic quotes, a newline, emoji (surrogate pairs), one with a skin tone (two pairs).
const PIECES = ['a', 'b', 'e', 'x', 'z', ' ', ' ', '\n', 'é', 'à', 'ç', 'œ', 'É', '«', '»', '’', '😀', '🎉', '👍🏽'];

export function randomText(random, maxPieces) {
  let text = '';
  const n = random.int(maxPieces + 1);
  for (let i = 0; i < n; i++) text += random.pick(PIECES);
  return text;
}

/** Positions of `doc` that do not cut a surrogate pair, in order. */
export function boundaries(doc) {
  const out = [0];
  for (let i = 0; i < doc.length; i++) {
    const u = doc.charCodeAt(i);
    if (!(u >= 0xd800 && u <= 0xdbff)) out.push(i + 1);
  }
  return out;
}

/** A random operation on `doc` and the text it must produce: {op, result}. */
export function randomOperation(random, doc) {
  const cuts = boundaries(doc);
  const op = new TextOperation();
  let result = '';
  let k = 0; // index into cuts of the current position
  while (k < cuts.length - 1) {
    const step = 1 + random.int(Math.min(4, cuts.length - 1 - k));
    const from = cuts[k];
    const to = cuts[k + step];
    const roll = random.next();
    if (roll < 0.2) {
      const text = randomText(random, 3);
      op.insert(text);
      result += text;
    } else if (roll < 0.6) {
      op.retain(to - from);
      result += doc.slice(from, to);
      k += step;
    } else {
      op.delete(to - from);
      k += step;
    }
  }
  if (random.chance(0.3)) {
    const text = randomText(random, 3);
    op.insert(text);
    result += text;
  }
  return { op, result };
}
