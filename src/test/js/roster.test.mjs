import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Client } from '../../../webroot/js/client/client.js';
import { receiveServerMessage } from '../../../webroot/js/client/server-messages.js';

const anne = { clientId: 'a', authorId: 'a', name: 'Anne', color: '#e69f00' };
const bruno = { clientId: 'b', authorId: 'b', name: 'Bruno', color: '#56b4e9' };
const chloe = { clientId: 'c', authorId: 'c', name: 'Chloé', color: '#009e73' };

/** What the page hears of each presence message: the whole list, as names, and the viewers. */
function listening() {
  const client = new Client({ secret: 'tab-secret-0123456789', clientId: 'a', send: () => {} });
  const heard = [];
  const listener = { onPresence: (m) => heard.push(`${m.members.map((x) => x.name).join(',')} / ${m.viewers}`) };
  return { heard, receive: (m) => receiveServerMessage(client, m, listener) };
}

describe('presence: the whole list once, then changes', () => {
  test('joins, leaves, renames and viewers make the list the server holds', () => {
    const p = listening();
    p.receive({ type: 'presence', members: [anne, bruno] });
    p.receive({ type: 'presence', changed: [chloe], left: [], viewers: 2 });
    p.receive({ type: 'presence', changed: [{ ...bruno, name: 'Bruno L.' }], left: [], viewers: 2 });
    p.receive({ type: 'presence', changed: [], left: ['a'], viewers: 1 });
    assert.deepEqual(p.heard, ['Anne,Bruno / 0', 'Anne,Bruno,Chloé / 2', 'Anne,Bruno L.,Chloé / 2', 'Bruno L.,Chloé / 1']);
  });

  test('a whole list after a rejoin replaces what was known', () => {
    const p = listening();
    p.receive({ type: 'presence', members: [anne, bruno], viewers: 3 });
    p.receive({ type: 'presence', members: [chloe] });
    p.receive({ type: 'presence', changed: [anne], left: ['nobody'], viewers: 0 });
    assert.deepEqual(p.heard, ['Anne,Bruno / 3', 'Chloé / 0', 'Chloé,Anne / 0']);
  });

  test('each connection keeps its own list', () => {
    const one = listening();
    const two = listening();
    one.receive({ type: 'presence', members: [anne] });
    two.receive({ type: 'presence', members: [bruno] });
    one.receive({ type: 'presence', changed: [chloe], left: [], viewers: 0 });
    assert.deepEqual(one.heard, ['Anne / 0', 'Anne,Chloé / 0']);
    assert.deepEqual(two.heard, ['Bruno / 0']);
  });
});
