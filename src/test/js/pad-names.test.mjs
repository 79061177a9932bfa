// The browser's pad-name rule against the table the server's rule is tested with too
// (src/test/resources/pad-names.json, read by PadNameTest): one rule on both sides.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { canonicalPadName, closestPad, mixedScripts, padNameFromLocation, padNameProblem, padUrl, readableLink } from '../../../webroot/js/pads.js';

const file = new URL('../resources/pad-names.json', import.meta.url);
const rows = JSON.parse(readFileSync(file, 'utf8'));

const show = (name) => JSON.stringify(name).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('padNameProblem follows the shared table', () => {
  test('the table holds valid and invalid names', () => {
    assert.ok(rows.length >= 30, `only ${rows.length} rows`);
    assert.ok(rows.some((r) => r.valid) && rows.some((r) => !r.valid));
  });

  rows.forEach(({ name, valid, why }, i) => {
    test(`[${i}] ${why}`, () => {
      const problem = padNameProblem(name);
      assert.equal(problem === null, valid, `${show(name)} gave ${problem}`);
    });
  });
});

describe('canonicalPadName follows the shared table', () => {
  test('the table holds names whose canonical form differs', () => {
    assert.ok(rows.filter((r) => r.valid && r.canonical !== r.name.normalize('NFC')).length >= 10);
  });

  rows.filter((r) => r.valid).forEach(({ name, canonical, why }, i) => {
    test(`[${i}] ${why}`, () => {
      assert.equal(canonicalPadName(name), canonical, show(name));
      assert.equal(padNameProblem(canonical), null, 'the canonical form is a valid name');
      assert.equal(canonicalPadName(canonical), canonical, 'canonical twice is canonical once');
    });
  });
});

describe('links and near names', () => {
  test('padUrl goes through /p/ so the server can send another spelling on', () => {
    assert.equal(padUrl('Réunion'), '/p/R%C3%A9union');
  });

  test('readableLink drops the scheme and decodes the path', () => {
    assert.equal(readableLink('http://192.168.1.20:9000/p/r%C3%A9union-tours'), '192.168.1.20:9000/p/réunion-tours');
    assert.equal(readableLink('https://pad.example.org/p/%E4%BC%9A%E8%AD%B0'), 'pad.example.org/p/会議');
    assert.equal(readableLink('http://h/p/%E0%A4'), 'h/p/%E0%A4');
  });

  test('closestPad finds a typo among visited pads, not a stranger nor the same pad', () => {
    const pads = [{ name: 'bilan-soir-tw7f' }, { name: 'atelier-lundi' }, { name: 'reunion-tours' }];
    assert.equal(closestPad('Bilan-Soir-TW7E', pads), 'bilan-soir-tw7f');
    assert.equal(closestPad('Réunion-Tour', pads), 'reunion-tours');
    assert.equal(closestPad('cuisine', pads), null);
    assert.equal(closestPad('Bilan-Soir-TW7F', pads), null);
    assert.equal(closestPad('x', []), null);
  });
});

describe('padNameProblem reasons', () => {
  test('name each way a name can be wrong', () => {
    assert.equal(padNameProblem(''), 'padName.empty');
    assert.equal(padNameProblem(null), 'padName.empty');
    assert.equal(padNameProblem('x'.repeat(65)), 'padName.tooLong');
    assert.equal(padNameProblem('a b'), 'padName.badCharacters');
  });
});

describe('padNameFromLocation', () => {
  const at = (pathname, search = '') => padNameFromLocation({ pathname, search });

  test('reads ?pad= or /p/NAME and gives the NFC form the server uses', () => {
    assert.equal(at('/pad.html', '?pad=re%CC%81union'), 'r\u00e9union');
    assert.equal(at('/p/re%CC%81union'), 'r\u00e9union');
    assert.equal(at('/p/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80'), '\u0939\u093f\u0928\u094d\u0926\u0940');
  });

  test('names no pad for another address or a broken escape', () => {
    assert.equal(at('/index.html'), null);
    assert.equal(at('/p/%E0%A4'), null);
  });
});

describe('mixedScripts flags look-alike alphabets', () => {
  test('a Cyrillic letter among Latin ones is flagged', () => {
    assert.deepEqual(mixedScripts('\u0455ecret'), ['cyrillic', 'latin']);
    assert.deepEqual(mixedScripts('\u03b1lpha-beta'), ['greek', 'latin']);
  });
  test('one alphabet, digits and signs are not', () => {
    for (const name of ['réunion-2024', 'совещание', 'συνάντηση', 'हिन्दी', '2024_-']) assert.deepEqual(mixedScripts(name), [], name);
  });
});
