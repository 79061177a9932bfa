import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { CompositionGuard, touchesRange } from '../../../webroot/js/pad/composition-guard.js';
import { randomOperation } from './support/generators.mjs';
import { casesFromEnv, forEachCase, seedFromEnv } from './support/random.mjs';

const SEED = seedFromEnv();
const CASES = casesFromEnv(500);

const op = (...components) => TextOperation.fromJSON(components);

/** Just what the guard reads of a CodeMirror view: text, caret line, composing, composition events. */
function fakeView(text) {
  const view = {
    text,
    head: text.length,
    composing: false,
    contentDOM: new EventTarget(),
    get state() {
      const doc = view.text;
      return {
        doc: {
          lineAt(pos) {
            const from = doc.lastIndexOf('\n', pos - 1) + 1;
            const end = doc.indexOf('\n', pos);
            return { from, to: end < 0 ? doc.length : end };
          },
        },
        selection: { main: { head: view.head } },
      };
    },
  };
  return view;
}

describe('touchesRange', () => {
  test('inserts and deletes inside or at the edges of the range touch it', () => {
    assert.equal(touchesRange(op(5, 'x', 5), 5, 8), true);
    assert.equal(touchesRange(op(8, 'x', 2), 5, 8), true);
    assert.equal(touchesRange(op(2, 'x', 8), 5, 8), false);
    assert.equal(touchesRange(op(9, 'x', 1), 5, 8), false);
    assert.equal(touchesRange(op(2, -4, 4), 5, 8), true);
    assert.equal(touchesRange(op(1, -2, 7), 5, 8), false);
    assert.equal(touchesRange(op(10), 5, 8), false);
  });
});

describe('CompositionGuard', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  test('other lines pass straight through, the composed line waits for compositionend', () => {
    const view = fakeView('un\ndeux');
    const applied = [];
    const guard = new CompositionGuard(view, (o, author) => {
      view.text = o.apply(view.text);
      applied.push(author);
    });
    view.contentDOM.dispatchEvent(new Event('compositionstart'));
    guard.remote(op('A', 7), 'a'); // line 1, the caret is on line 2
    assert.deepEqual(applied, ['a']);
    guard.remote(op(4, 'B', 4), 'b'); // line 2: waits
    guard.remote(op('C', 9), 'c'); // line 1, but after a waiting op: waits too (order)
    assert.deepEqual(applied, ['a']);
    assert.equal(guard.holding, true);
    view.contentDOM.dispatchEvent(new Event('compositionend'));
    mock.timers.tick(0);
    assert.deepEqual(applied, ['a', 'b', 'c']);
    assert.equal(view.text, 'CAun\nBdeux');
    assert.equal(guard.holding, false);
  });

  test('ops wait at most two seconds while a word stays composing', () => {
    const view = fakeView('mot');
    const guard = new CompositionGuard(view, (o) => { view.text = o.apply(view.text); });
    view.contentDOM.dispatchEvent(new Event('compositionstart'));
    guard.remote(op(3, '!'), 'a');
    mock.timers.tick(1999);
    assert.equal(view.text, 'mot');
    mock.timers.tick(1);
    assert.equal(view.text, 'mot!');
  });

  // The editor applies local ops to its text and the guard's flush; the client applies the waiting
  // ops first, then the transformed local ops: both must end with the same text.
  test('editor and client texts meet after random local and waiting ops', () => {
    forEachCase('composition guard', SEED, CASES, (random) => {
      const start = 'abc\ndéf\nghi';
      const view = fakeView(start);
      const guard = new CompositionGuard(view, (o) => { view.text = o.apply(view.text); });
      view.contentDOM.dispatchEvent(new Event('compositionstart'));
      let client = start;
      for (let step = 0; step < 8; step++) {
        if (random.chance(0.5)) {
          const { op: remote } = randomOperation(random, client);
          client = remote.apply(client);
          view.head = Math.min(view.head, view.text.length);
          guard.remote(remote, 'remote');
        } else {
          const { op: local } = randomOperation(random, view.text);
          view.text = local.apply(view.text);
          view.head = Math.min(view.head, view.text.length);
          client = guard.local(local).apply(client);
        }
      }
      guard.flush(true);
      assert.equal(view.text, client);
    });
  });
});
