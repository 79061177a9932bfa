import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isSafeLink } from '../../../webroot/js/markdown/safe-link.js';
import { decodeEntities } from '../../../webroot/js/markdown/entities.js';
import { newlines } from '../../../webroot/js/markdown/render-markdown.js';

describe('isSafeLink (the exports\' SafeLink rule)', () => {
  test('keeps http(s) and mailto, in any case, with spaces around', () => {
    for (const href of ['https://exemple.fr/été', 'http://x.org/a?b=c#d', 'HTTPS://X.ORG', ' mailto:zoe@exemple.fr ']) {
      assert.equal(isSafeLink(href), true, href);
    }
  });

  test('drops scripts, data, relative paths and obfuscations', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x',
      '/p/autre', 'java\tscript:alert(1)', 'https://x.org/a b', 'https://x.org/"onmouseover', 'https://x.org/\u0000',
      'https://', '', null, undefined]) {
      assert.equal(isSafeLink(href), false, String(href));
    }
  });
});

describe('decodeEntities', () => {
  test('decodes numeric references and leaves other text alone', () => {
    assert.equal(decodeEntities('&#233;t&#xE9; &#X41;'), 'été A');
    assert.equal(decodeEntities('5 < 6 & 7 > 2'), '5 < 6 & 7 > 2');
    assert.equal(decodeEntities('&#0; &#xD800; &#1114112;'), '\uFFFD \uFFFD \uFFFD');
    assert.equal(decodeEntities('&#; &#x; & ;'), '&#; &#x; & ;');
  });
});

describe('newlines', () => {
  test('counts line breaks', () => {
    assert.equal(newlines(''), 0);
    assert.equal(newlines('a\nb\n\nc'), 3);
  });
});
