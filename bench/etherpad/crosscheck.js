'use strict';
// Recomputes the cases of ardoise.bench.load.EtherpadCrossCheck (JSON lines on stdin) with the
// installed Etherpad's own Changeset.js and compares them byte for byte: every changeset must pass
// Etherpad's checkRep (the server refuses it otherwise), and follow, compose and apply must give
// the same results. Usage: node crosscheck.js <Etherpad's src folder> < cases.jsonl
const path = require('path');
const src = process.argv[2];
const Changeset = require(path.join(src, 'static/js/Changeset'));
const AttributePool = require(path.join(src, 'static/js/AttributePool'));
const pool = new AttributePool();
pool.putAttrib(['author', 'a.one']); // *0
pool.putAttrib(['author', 'a.two']); // *1
const lines = require('fs').readFileSync(0, 'utf8').trim().split('\n');
let differences = 0;
const differ = (what, c, got) => {
  if (differences++ < 5) console.log(`${what} differs: ${JSON.stringify(c)} → Etherpad: ${JSON.stringify(got)}`);
};
for (const line of lines) {
  const c = JSON.parse(line);
  for (const k of ['a', 'b', 'then', 'follow', 'compose']) {
    try { Changeset.checkRep(c[k]); } catch (e) { differ(`checkRep of ${k}`, c, e.message); }
  }
  const follow = Changeset.follow(c.a, c.b, c.reverse, pool);
  if (follow !== c.follow) differ('follow', c, follow);
  const compose = Changeset.compose(c.a, c.then, pool);
  if (compose !== c.compose) differ('compose', c, compose);
  const applied = Changeset.applyToText(c.a, c.text);
  if (applied !== c.applied) differ('apply', c, applied);
}
console.log(`Etherpad changesets cross-checked: ${lines.length} cases, ${differences} differences`);
process.exit(differences ? 1 : 0);
