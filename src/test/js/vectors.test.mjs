// The shared vectors (src/test/resources/ot-vectors.json, generated from the Java core): the browser
// core must give exactly the server's answers, case by case.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { InvalidOperationError, TextOperation } from '../../../webroot/js/ot/text-operation.js';

const file = new URL('../resources/ot-vectors.json', import.meta.url);
const vectors = JSON.parse(readFileSync(file, 'utf8')); // a missing file fails the whole run, loudly
const op = (json) => TextOperation.fromJSON(json);

const SECTIONS = ['apply', 'applyErrors', 'compose', 'transform', 'invert', 'transformIndex', 'parseErrors', 'attribution'];

/** Runs `check` on every case of a section, naming the first failing case with its index and data. */
function eachCase(section, check) {
  const cases = vectors[section];
  assert.ok(Array.isArray(cases) && cases.length > 0, `section ${section} is missing or empty`);
  cases.forEach((c, i) => {
    try {
      check(c);
    } catch (error) {
      error.message = `${section}[${i}] ${JSON.stringify(c)}\n${error.message}`;
      throw error;
    }
  });
}

describe(`shared vectors (${file.pathname})`, () => {
  test('every section is present', (t) => {
    for (const section of SECTIONS) assert.ok(Array.isArray(vectors[section]), `missing section ${section}`);
    t.diagnostic(SECTIONS.map((s) => `${s}: ${vectors[s].length}`).join(', '));
  });

  test('apply', () => eachCase('apply', (c) => assert.equal(op(c.op).apply(c.doc), c.result)));

  test('applyErrors', () => eachCase('applyErrors', (c) => {
    const pattern = /base length/.test(c.why) ? /base length/ : /surrogate pair/;
    assert.throws(() => op(c.op).apply(c.doc), (e) => e instanceof InvalidOperationError && pattern.test(e.message));
    // Attribution refuses the same operations.
    assert.throws(() => AttributedText.of(c.doc, 'x').apply(op(c.op), 'y'), InvalidOperationError);
  }));

  test('compose', () => eachCase('compose', (c) => {
    const composed = op(c.a).compose(op(c.b));
    assert.deepEqual(composed.toJSON(), c.result);
    assert.equal(composed.apply(c.doc), op(c.b).apply(op(c.a).apply(c.doc)));
  }));

  test('transform', () => eachCase('transform', (c) => {
    const [aPrime, bPrime] = TextOperation.transform(op(c.a), op(c.b));
    assert.deepEqual(aPrime.toJSON(), c.aPrime);
    assert.deepEqual(bPrime.toJSON(), c.bPrime);
  }));

  test('invert', () => eachCase('invert', (c) => assert.deepEqual(op(c.op).invert(c.doc).toJSON(), c.result)));

  test('transformIndex', () => eachCase('transformIndex', (c) => assert.equal(op(c.op).transformIndex(c.index), c.result)));

  test('parseErrors', () => eachCase('parseErrors', (text) => {
    assert.throws(() => TextOperation.parse(text), InvalidOperationError);
    // fromJSON sees only the decoded value, where JSON.parse has turned 5.0 and 1e3 into 5 and 1000:
    // it may accept those, and only those.
    let accepted = true;
    try {
      TextOperation.fromJSON(JSON.parse(text));
    } catch (error) {
      assert.ok(error instanceof InvalidOperationError, String(error));
      accepted = false;
    }
    if (accepted) assert.match(text, /[0-9][.eE]/, 'fromJSON accepted a value that is not an erased fraction or exponent');
  }));

  test('attribution', () => eachCase('attribution', (c) => {
    const result = AttributedText.fromRuns(c.doc, c.runs).apply(op(c.op), c.author);
    assert.deepEqual(result.toJSON(), c.result);
  }));
});
