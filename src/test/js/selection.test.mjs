import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Range, Selection, transformSelection } from '../../../webroot/js/ot/selection.js';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';

const op = (json) => TextOperation.fromJSON(json);

test('a caret stays a caret and follows an insert at its position', () => {
  assert.deepEqual(transformSelection({ anchor: 2, head: 2 }, op([2, 'ab', 3])), { anchor: 4, head: 4 });
});

test('a selection grows with an insert inside and shrinks with a delete across', () => {
  assert.deepEqual(transformSelection({ anchor: 1, head: 4 }, op([2, 'xy', 3])), { anchor: 1, head: 6 });
  assert.deepEqual(transformSelection({ anchor: 4, head: 1 }, op([2, -3])), { anchor: 2, head: 1 });
});

test('lists, Range and Selection keep their shape', () => {
  const o = op(['ab', 5]);
  assert.deepEqual(transformSelection([{ anchor: 0, head: 1 }, { anchor: 3, head: 3 }], o),
    [{ anchor: 2, head: 3 }, { anchor: 5, head: 5 }]);
  assert.ok(transformSelection(new Range(1, 2), o).equals(new Range(3, 4)));
  const moved = transformSelection(Selection.createCursor(5), o);
  assert.ok(moved instanceof Selection && moved.equals(Selection.createCursor(7)));
  assert.ok(!moved.somethingSelected());
  assert.deepEqual(Selection.fromJSON({ ranges: [{ anchor: 1, head: 3 }] }).toJSON(), [{ anchor: 1, head: 3 }]);
  assert.ok(Selection.fromJSON([{ anchor: 1, head: 3 }]).somethingSelected());
});

test('an op in JSON form is accepted and bad ranges are refused', () => {
  assert.deepEqual(transformSelection({ anchor: 0, head: 0 }, ['x', 1]), { anchor: 1, head: 1 });
  assert.throws(() => transformSelection({ anchor: -1, head: 0 }, [1]), TypeError);
  assert.throws(() => transformSelection({ anchor: 0 }, [1]), TypeError);
});
