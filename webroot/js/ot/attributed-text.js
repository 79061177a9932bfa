// A document's text with who wrote each code unit, mirroring ardoise.ot.AttributedText.
//
// Invariant: `runs` is a list of [length, author] with length > 0, no two adjacent runs of one author,
// covering exactly `text.length` code units. Values are immutable: apply returns a new one.
// Unknown authors are "" (as on the server). The editor uses the runs for authorship colours.
//
// Cost: apply is O(components + runs) plus a string rebuild that V8 does with ropes and slices; the
// Java side uses a treap because a server pad lives much longer than one page.

import { InvalidOperationError, TextOperation, isDelete, isInsert, isRetain, requireWellFormed } from './text-operation.js';
import { splitsPair } from './utf16.js';

export class AttributedText {
  /** Use of/fromRuns/fromJSON; the constructor trusts its arguments. */
  constructor(text, runs) {
    this.text = text;
    this.runs = runs;
    runs.forEach(Object.freeze);
    Object.freeze(runs);
    Object.freeze(this);
  }

  /** `text` written entirely by `author`. */
  static of(text, author = '') {
    requireWellFormed(text);
    return new AttributedText(text, text === '' ? [] : [[text.length, author ?? '']]);
  }

  /**
   * Rebuilds a value from a text and its runs as the server sends them in `joined.text` and
   * `joined.authors`; checks every run and that the runs cover the text exactly.
   */
  static fromRuns(text, runs) {
    if (typeof text !== 'string') throw new InvalidOperationError('attributed text needs a string text');
    requireWellFormed(text);
    if (!Array.isArray(runs)) throw new InvalidOperationError('author runs must be an array');
    const out = [];
    let covered = 0;
    runs.forEach((run, i) => {
      if (!Array.isArray(run) || run.length !== 2) throw new InvalidOperationError(`author run ${i} must be [length, author]`);
      const [length, author] = run;
      if (!Number.isInteger(length) || length <= 0) {
        throw new InvalidOperationError(`author run ${i} length must be a positive integer, got ${length}`);
      }
      if (typeof author !== 'string') throw new InvalidOperationError(`author run ${i} needs a string author`);
      // A run boundary inside a surrogate pair would give one character two authors.
      if (splitsPair(text, covered)) throw new InvalidOperationError(`author run boundary at ${covered} splits a surrogate pair`);
      pushRun(out, length, author);
      covered += length;
    });
    if (covered !== text.length) {
      throw new InvalidOperationError(`author runs cover ${covered} code units, text has ${text.length}`);
    }
    return new AttributedText(text, out);
  }

  /** Reads the form written by toJSON: {text, runs}. */
  static fromJSON(value) {
    if (value === null || typeof value !== 'object') throw new InvalidOperationError('attributed text must be an object');
    return AttributedText.fromRuns(value.text, value.runs);
  }

  get length() {
    return this.text.length;
  }

  /** {text, runs} with runs as fresh [length, author] arrays. */
  toJSON() {
    return { text: this.text, runs: this.runs.map((r) => [r[0], r[1]]) };
  }

  /** The author of code unit `pos`, or undefined past the end. */
  authorAt(pos) {
    for (const [length, author] of this.runs) {
      if (pos < length) return author;
      pos -= length;
    }
    return undefined;
  }

  /**
   * Applies `op` (a TextOperation or its JSON form); its inserts are attributed to `author`.
   * Throws InvalidOperationError, leaving this value untouched, on a wrong base length or a cut
   * through a surrogate pair.
   */
  apply(op, author = '') {
    const operation = op instanceof TextOperation ? op : TextOperation.fromJSON(op);
    const text = operation.apply(this.text); // checks the base length and surrogate boundaries
    const by = author ?? '';
    const out = [];
    const runs = this.runs;
    let r = 0; // index of the current run
    let used = 0; // code units of runs[r] already consumed
    const take = (n, keep) => {
      while (n > 0) {
        const k = Math.min(n, runs[r][0] - used);
        if (keep) pushRun(out, k, runs[r][1]);
        n -= k;
        used += k;
        if (used === runs[r][0]) {
          r++;
          used = 0;
        }
      }
    };
    for (const c of operation.ops) {
      if (isRetain(c)) take(c, true);
      else if (isInsert(c)) pushRun(out, c.length, by);
      else if (isDelete(c)) take(-c, false);
    }
    return new AttributedText(text, out);
  }

  equals(other) {
    return other instanceof AttributedText && other.text === this.text && other.runs.length === this.runs.length
      && this.runs.every((run, i) => run[0] === other.runs[i][0] && run[1] === other.runs[i][1]);
  }
}

AttributedText.EMPTY = new AttributedText('', []);

function pushRun(runs, length, author) {
  const last = runs[runs.length - 1];
  if (last && last[1] === author) runs[runs.length - 1] = [last[0] + length, author];
  else runs.push([length, author]);
}
