// Laws of the algebra over many seeded random cases (ARDOISE_SEED replays, ARDOISE_CASES soaks).
// Expected texts come from the generator's own string slicing, not from TextOperation.apply.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AttributedText } from '../../../webroot/js/ot/attributed-text.js';
import { TextOperation, isDelete, isInsert, isRetain } from '../../../webroot/js/ot/text-operation.js';
import { randomOperation, randomText } from './support/generators.mjs';
import { casesFromEnv, forEachCase, seedFromEnv } from './support/random.mjs';

const SEED = seedFromEnv();
const CASES = casesFromEnv(10000);

function assertCanonical(op) {
  op.ops.forEach((c, i) => {
    assert.ok(isRetain(c) || (isInsert(c) && c !== '') || isDelete(c), `empty component ${c} in ${op}`);
    if (i === 0) return;
    const prev = op.ops[i - 1];
    const sameKind = (isRetain(c) && isRetain(prev)) || (isInsert(c) && isInsert(prev)) || (isDelete(c) && isDelete(prev));
    assert.ok(!sameKind, `adjacent components of one kind in ${op}`);
    assert.ok(!(isInsert(c) && isDelete(prev)), `insert after delete in ${op}`);
  });
}

/** Random author runs covering `text`, cut only at surrogate-pair boundaries. */
function randomAttribution(random, text) {
  let doc = AttributedText.EMPTY;
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + 1 + random.int(4));
    if (end < text.length && text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end++;
    doc = doc.apply(new TextOperation().retain(i).insert(text.slice(i, end)), random.pick(['ana', 'bob', '']));
    i = end;
  }
  return doc;
}

test(`algebra laws over ${CASES} random cases (seed ${SEED})`, (t) => {
  t.diagnostic(`ARDOISE_SEED=${SEED} ARDOISE_CASES=${CASES}`);
  forEachCase('algebra laws', SEED, CASES, (random) => {
    const doc = randomText(random, 12);
    const a = randomOperation(random, doc);
    const b = randomOperation(random, doc);
    const c = randomOperation(random, a.result);
    const context = `doc=${JSON.stringify(doc)} a=${a.op} b=${b.op} c=${c.op}`;

    // apply and lengths
    assert.equal(a.op.baseLength, doc.length, context);
    assert.equal(a.op.apply(doc), a.result, context);
    assert.equal(a.op.targetLength, a.result.length, context);
    assertCanonical(a.op);
    assert.ok(TextOperation.fromJSON(JSON.parse(JSON.stringify(a.op))).equals(a.op), `JSON round trip ${context}`);

    // compose
    const ac = a.op.compose(c.op);
    assertCanonical(ac);
    assert.equal(ac.apply(doc), c.result, `compose ${context}`);

    // invert
    assert.equal(a.op.invert(doc).apply(a.result), doc, `invert ${context}`);

    // TP1 on text, on operations and on attribution
    const [aPrime, bPrime] = TextOperation.transform(a.op, b.op);
    assertCanonical(aPrime);
    assertCanonical(bPrime);
    assert.equal(bPrime.apply(a.result), aPrime.apply(b.result), `TP1 ${context}`);
    assert.ok(a.op.compose(bPrime).equals(b.op.compose(aPrime)), `TP1 compose ${context} a'=${aPrime} b'=${bPrime}`);
    const attributed = randomAttribution(random, doc);
    const viaA = attributed.apply(a.op, 'A').apply(bPrime, 'B');
    const viaB = attributed.apply(b.op, 'B').apply(aPrime, 'A');
    assert.deepEqual(viaA.toJSON(), viaB.toJSON(), `TP1 attribution ${context}`);

    // transformIndex stays in the new document and keeps order
    let previous = 0;
    for (let i = 0; i <= doc.length; i++) {
      const moved = a.op.transformIndex(i);
      assert.ok(moved >= previous && moved <= a.op.targetLength, `transformIndex(${i}) = ${moved} ${context}`);
      previous = moved;
    }
  });
});
