// The browser's pad-name rule against the table the server's rule is tested with too
// (src/test/resources/pad-names.json, read by PadNameTest): one rule on both sides.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { padNameFromLocation, padNameProblem } from '../../../webroot/js/pads.js';

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
