import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client, Synchronized } from '../../../webroot/js/client/client.js';
import { TextOperation } from '../../../webroot/js/ot/text-operation.js';
import { dropOutstanding } from '../../../webroot/js/pad/refused-op.js';

function joined(text) {
  const sent = [];
  const client = new Client({ clientId: 'tab-0123456789abcdef', authorId: 'me', send: (m) => sent.push(m) });
  client.onJoined({ type: 'joined', rev: 4, lastSeq: 2, text, authors: [[text.length, 'srv']] });
  return { client, sent };
}

const at = (length, pos, insert, remove = 0) =>
  new TextOperation().retain(pos).insert(insert).delete(remove).retain(length - pos - remove);

describe('dropOutstanding (pad-too-large)', () => {
  test('alone: the edit is undone and its seq is free again', () => {
    const { client, sent } = joined('abc');
    let editor = 'abc';
    const op = at(3, 1, 'XYZ', 1);
    editor = op.apply(editor);
    client.applyClient(op);
    assert.equal(sent.at(-1).seq, 3);
    editor = dropOutstanding(client).apply(editor);
    assert.equal(editor, 'abc');
    assert.ok(client.state instanceof Synchronized);
    client.applyClient(at(3, 3, '!'));
    assert.equal(sent.at(-1).seq, 3, 'the refused seq is used again, no seq-gap');
  });

  test('with later edits: only the refused one is undone, the rest is sent under its seq', () => {
    const { client, sent } = joined('abc');
    let editor = 'abc';
    const big = at(3, 3, 'BIG');
    editor = big.apply(editor);
    client.applyClient(big);
    const later = at(6, 0, '>');
    editor = later.apply(editor);
    client.applyClient(later);
    assert.equal(editor, '>abcBIG');
    editor = dropOutstanding(client).apply(editor);
    assert.equal(editor, '>abc');
    assert.equal(sent.at(-1).seq, 3);
    assert.deepEqual(sent.at(-1).op, ['>', 3]);
    assert.equal(client.document().text, editor);
  });
});
