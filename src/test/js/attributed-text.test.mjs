import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { diff } from '../../../webroot/js/ot/diff.js';
import { InvalidOperationError, TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { casesFromEnv, forEachCase, seedFromEnv } from './support/random.mjs';

describe('AttributedText', () => {
  test('of, EMPTY and the JSON form', () => {
    assert.deepEqual(AttributedText.of('abc', 'ana').toJSON(), { text: 'abc', runs: [[3, 'ana']] });
    assert.deepEqual(AttributedText.of('', 'ana').toJSON(), { text: '', runs: [] });
    assert.deepEqual(AttributedText.EMPTY.toJSON(), { text: '', runs: [] });
    const value = AttributedText.fromJSON({ text: 'abcd', runs: [[1, 'a'], [3, 'b']] });
    assert.ok(AttributedText.fromJSON(JSON.parse(JSON.stringify(value))).equals(value));
  });

  test('apply attributes inserts and keeps retained authors, coalescing runs', () => {
    const doc = AttributedText.fromRuns('Bonjour', [[3, 'ana'], [4, 'bob']]);
    const next = doc.apply(TextOperation.fromJSON([2, 'X', -2, 3]), 'ana');
    assert.deepEqual(next.toJSON(), { text: 'BoXour', runs: [[3, 'ana'], [3, 'bob']] });
    const joined = next.apply([3, 'Z', 3], 'bob');
    assert.deepEqual(joined.toJSON(), { text: 'BoXZour', runs: [[3, 'ana'], [4, 'bob']] });
    assert.equal(doc.text, 'Bonjour', 'the old value is untouched');
  });

  test('an unknown author is ""', () => {
    assert.deepEqual(AttributedText.EMPTY.apply(['hé']).toJSON(), { text: 'hé', runs: [[2, '']] });
    assert.deepEqual(AttributedText.EMPTY.apply(['hé'], null).runs, [[2, '']]);
  });

  test('fromRuns coalesces and checks', () => {
    assert.deepEqual(AttributedText.fromRuns('abc', [[1, 'a'], [2, 'a']]).runs, [[3, 'a']]);
    const rejects = (text, runs, pattern) =>
      assert.throws(() => AttributedText.fromRuns(text, runs), (e) => e instanceof InvalidOperationError && pattern.test(e.message));
    rejects('abc', [[2, 'a']], /cover 2 code units, text has 3/);
    rejects('abc', [[4, 'a']], /cover 4/);
    rejects('abc', [[0, 'a'], [3, 'a']], /positive integer/);
    rejects('abc', [[3, null]], /string author/);
    rejects('abc', [3, 'a'], /must be \[length, author\]/);
    rejects('a\ud83d', [[2, 'a']], /lone surrogate/);
    rejects('abc', 'a', /must be an array/);
    rejects('a😀', [[2, 'a'], [1, 'b']], /boundary at 2 splits a surrogate pair/);
  });

  test('apply refuses a wrong length or a split pair and changes nothing', () => {
    const doc = AttributedText.of('😀', 'a');
    assert.throws(() => doc.apply([1, 'x', 1], 'b'), /surrogate pair/);
    assert.throws(() => doc.apply([3], 'b'), /base length/);
    assert.deepEqual(doc.toJSON(), { text: '😀', runs: [[2, 'a']] });
  });

  test('authorAt and immutability', () => {
    const doc = AttributedText.fromRuns('abc', [[1, 'a'], [2, 'b']]);
    assert.equal(doc.authorAt(0), 'a');
    assert.equal(doc.authorAt(2), 'b');
    assert.equal(doc.authorAt(3), undefined);
    assert.throws(() => { doc.runs[0][0] = 5; }, TypeError);
  });
});

describe('diff', () => {
  test('turns one text into the other, a few letters shared by chance folded into the change', () => {
    assert.deepEqual(diff('Bonjour', 'Bonsoir').toJSON(), [3, 'soi', -3, 1]);
    assert.deepEqual(diff('', 'abc').toJSON(), ['abc']);
    assert.deepEqual(diff('abc', 'abc').toJSON(), [3]);
  });

  test('two separated changes leave the text between them to its authors', () => {
    const doc = AttributedText.of('Ordre du jour\n', 'alice').apply(new TextOperation().retain(14).insert('1. budget\n2. locaux\n3. fête\n'), 'bruno');
    const wanted = 'Ordre du jour !\n1. budget\n2. locaux\n3. fête de fin\n';
    const after = doc.apply(diff(doc.text, wanted), 'carole');
    assert.equal(after.text, wanted);
    assert.deepEqual(after.runs, [[13, 'alice'], [2, 'carole'], [1, 'alice'], [27, 'bruno'], [7, 'carole'], [1, 'bruno']]);
  });

  test('unrelated large texts: over budget, the middle is replaced whole, still exact', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `ligne ${i} 😀\n`).join('');
    const b = Array.from({ length: 3000 }, (_, i) => `autre ${i * 7} é\n`).join('');
    assert.equal(diff(a, b).apply(a), b);
  });

  test('diff(a, b).apply(a) === b over random texts with emoji', () => {
    const seed = seedFromEnv();
    const units = ['a', 'b', 'é', ' ', '\n', '😀', '😁', '🌀', '👍🏽', 'x'];
    const text = (random) => Array.from({ length: random.int(40) }, () => random.pick(units)).join('');
    forEachCase('diff law', seed, casesFromEnv(3000), (random) => {
      const a = text(random);
      let b = a;
      if (random.chance(0.3)) b = text(random);
      else for (let i = random.int(4); i >= 0; i--) {
        const cut = Array.from(b);
        const at = random.int(cut.length + 1);
        cut.splice(at, random.int(3), ...(random.chance(0.5) ? [random.pick(units)] : []));
        b = cut.join('');
      }
      const change = diff(a, b);
      assert.equal(change.apply(a), b, JSON.stringify([a, b]));
      assert.equal(AttributedText.of(a, 'old').apply(change, 'new').text, b); // checks every cut is on a boundary
    });
  });

  test('never cuts a surrogate pair', () => {
    // 😀 is d83d de00, 😁 is d83d de01: they share their first code unit, and 🌀 is d83c df00.
    for (const [a, b] of [['x😀', 'x😁'], ['😀y', '🌀y'], ['😀', '😀😀'], ['a😁😀', 'a😀']]) {
      const change = diff(a, b);
      assert.equal(change.apply(a), b);
      assert.equal(change.invert(a).apply(b), a);
    }
  });
});
