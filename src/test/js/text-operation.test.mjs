import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidOperationError, TextOperation } from '../../../webroot/js/ot/text-operation.js';

const op = (json) => TextOperation.fromJSON(json);
const rejects = (fn, pattern) => assert.throws(fn, (e) => e instanceof InvalidOperationError && pattern.test(e.message));

describe('builder keeps the canonical form', () => {
  test('lengths count UTF-16 code units', () => {
    const o = new TextOperation().retain(2).insert('😀é').delete(3).retain(1);
    assert.equal(o.baseLength, 6);
    assert.equal(o.targetLength, 6);
  });

  test('empty components vanish and neighbours of one kind merge', () => {
    const o = new TextOperation().retain(0).retain(2).retain(3).insert('').insert('a').insert('b').delete(0).delete(1).delete(2);
    assert.deepEqual(o.toJSON(), [5, 'ab', -3]);
  });

  test('an insert after a delete goes before it and merges with an insert before the delete', () => {
    assert.deepEqual(new TextOperation().retain(1).delete(2).insert('x').toJSON(), [1, 'x', -2]);
    assert.deepEqual(new TextOperation().insert('a').delete(2).insert('b').toJSON(), ['ab', -2]);
  });

  test('rejects negative, fractional and oversized counts and lone surrogates', () => {
    rejects(() => new TextOperation().retain(-1), /retain must be an integer/);
    rejects(() => new TextOperation().delete(1.5), /delete must be an integer/);
    rejects(() => new TextOperation().retain(2147483648), /2147483647/);
    rejects(() => new TextOperation().insert('a\ud83d'), /lone surrogate at index 1/);
    rejects(() => new TextOperation().insert(5), /insert needs a string/);
    rejects(() => new TextOperation().retain(2147483647).retain(1), /operation is too long/);
    rejects(() => new TextOperation().delete(2147483647).insert('a').delete(1), /operation is too long/);
    rejects(() => TextOperation.fromJSON([2147483647, 'a', 5]), /operation is too long/);
  });

  test('isNoop and equals', () => {
    assert.ok(new TextOperation().isNoop());
    assert.ok(TextOperation.identity(4).isNoop());
    assert.ok(!op(['a']).isNoop());
    assert.ok(op([1, 2, 'a', 'b']).equals(op([3, 'ab'])));
    assert.ok(!op([3, 'ab']).equals(op([3, 'ba'])));
    assert.ok(!op([3]).equals([3]));
  });
});

describe('apply', () => {
  test('retains, inserts and deletes', () => {
    assert.equal(op([5, ' le monde', -1]).apply('Salut!'), 'Salut le monde');
    assert.equal(op(['😀', 1]).apply('é'), '😀é');
  });

  test('rejects a wrong base length', () => {
    rejects(() => op([3]).apply('ab'), /base length 3 does not match document length 2/);
  });

  test('rejects a cut through a surrogate pair, wherever it is', () => {
    rejects(() => op([1, 'x', 1]).apply('😀'), /split a surrogate pair at position 1/);
    rejects(() => op([-1, 1]).apply('😀'), /split a surrogate pair/);
    rejects(() => op([3, -1]).apply('ab😀'), /position 3/);
    assert.equal(op([2, 'x']).apply('😀'), '😀x');
  });
});

describe('compose, transform, invert', () => {
  test('compose matches applying in turn', () => {
    const a = op([2, 'xy', -1]);
    const b = op([-1, 3, 'z']);
    assert.deepEqual(a.compose(b).toJSON(), [-1, 1, 'xyz', -1]);
    assert.equal(a.compose(b).apply('abc'), b.apply(a.apply('abc')));
  });

  test('compose rejects mismatched lengths', () => {
    rejects(() => op([1]).compose(op([2])), /first target length 1 differs from second base length 2/);
  });

  test("transform puts a's insert first at equal positions", () => {
    const [aPrime, bPrime] = TextOperation.transform(op([1, 'A', 1]), op([1, 'B', 1]));
    assert.deepEqual(aPrime.toJSON(), [1, 'A', 2]);
    assert.deepEqual(bPrime.toJSON(), [2, 'B', 1]);
    assert.equal(bPrime.apply(op([1, 'A', 1]).apply('xy')), 'xABy');
  });

  test('transform of two deletes of the same text deletes it once', () => {
    const [aPrime, bPrime] = TextOperation.transform(op([-2, 1]), op([1, -2]));
    assert.deepEqual(aPrime.toJSON(), [-1]);
    assert.deepEqual(bPrime.toJSON(), [-1]);
  });

  test('transform rejects different base lengths', () => {
    rejects(() => TextOperation.transform(op([1]), op([2])), /base lengths differ \(1 and 2\)/);
  });

  test('invert restores the document', () => {
    const o = op([1, 'xyz', -2, 1]);
    const inverse = o.invert('abcd');
    assert.deepEqual(inverse.toJSON(), [1, 'bc', -3, 1]);
    assert.equal(inverse.apply(o.apply('abcd')), 'abcd');
    rejects(() => o.invert('abc'), /cannot invert/);
  });
});

describe('transformIndex', () => {
  test('an insert at the index pushes it right, one before it too', () => {
    assert.equal(op(['ab', 3]).transformIndex(0), 2);
    assert.equal(op([1, 'ab', 2]).transformIndex(1), 3);
    assert.equal(op([2, 'ab', 1]).transformIndex(1), 1);
  });

  test('a deleted index moves to the start of the deletion', () => {
    assert.equal(op([1, -3, 1]).transformIndex(3), 1);
    assert.equal(op([1, -3, 1]).transformIndex(4), 1);
    assert.equal(op([1, -3, 1]).transformIndex(5), 2);
  });
});

describe('caretAfter', () => {
  test('after the last insert or at the last delete, in the new document', () => {
    assert.equal(op([3, 'a', 2]).caretAfter(), 4, 'typing');
    assert.equal(op([2, -1, 3]).caretAfter(), 2, 'Backspace');
    assert.equal(op(['ab', 5, 'cd', 1]).caretAfter(), 9, 'the last of two inserts');
    assert.equal(op([1, 'xy', -3, 4]).caretAfter(), 3, 'a replaced selection');
    assert.equal(op([2, -2, 3, 'z']).caretAfter(), 6, 'a delete then a later insert');
    assert.equal(op([5]).caretAfter(), null, 'nothing changed');
  });
});

describe('JSON form', () => {
  test('toJSON is the wire array and a fresh copy', () => {
    const o = op([5, 'Bonjour ', -3, 12]);
    assert.equal(JSON.stringify(o), '[5,"Bonjour ",-3,12]');
    o.toJSON().push(1);
    assert.deepEqual(o.toJSON(), [5, 'Bonjour ', -3, 12]);
  });

  test('fromJSON canonicalises what it accepts', () => {
    assert.deepEqual(op([1, 2, -1, 'a']).toJSON(), [3, 'a', -1]);
    assert.deepEqual(op([2147483647]).toJSON(), [2147483647]);
    assert.deepEqual(op(['a', -2147483647]).toJSON(), ['a', -2147483647]);
  });

  const bad = [
    [{}, /must be a JSON array, got an object/],
    ['x', /must be a JSON array, got a string/],
    [null, /must be a JSON array, got null/],
    [[0], /element 0 is zero/],
    [[-0], /element 0 is zero/],
    [[1, 1.5], /element 1 must be an integer, got 1.5/],
    [[null], /got null/],
    [[true], /got a boolean/],
    [[[1]], /got an array/],
    [[{ retain: 1 }], /got an object/],
    [[''], /element 0 is an empty string/],
    [[2147483648], /beyond int range/],
    [[-2147483648], /beyond int range/],
    [[Number.NaN], /must be an integer/],
    [['\ude00'], /lone surrogate/],
  ];
  for (const [value, pattern] of bad) {
    test(`fromJSON rejects ${JSON.stringify(value)}`, () => rejects(() => op(value), pattern));
  }

  test('parse also rejects numbers written with a fraction or an exponent', () => {
    rejects(() => TextOperation.parse('[5.0]'), /not written as an integer: 5.0/);
    rejects(() => TextOperation.parse('[1E3]'), /1E3/);
    rejects(() => TextOperation.parse('[1,'), /not valid JSON/);
    assert.deepEqual(TextOperation.parse('["1.5e3 \\" 2.0", 3]').toJSON(), ['1.5e3 " 2.0', 3]);
  });
});
