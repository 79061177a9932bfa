import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownMode } from '../../../webroot/js/editor/markdown-mode.js';
import { tokenize } from './support/string-stream.mjs';

const MARK = 'processingInstruction';
const line = (text) => tokenize(markdownMode, text)[0];

describe('markdown mode', () => {
  test('headings: the # is a dimmed mark of the heading, the text the heading', () => {
    assert.deepEqual(line('# Ordre du jour'), [['# ', `heading1 ${MARK}`], ['Ordre du jour', 'heading1']]);
    assert.deepEqual(line('### Décisions **fermes**'), [
      ['### ', `heading3 ${MARK}`], ['Décisions ', 'heading3'], ['**', `heading3 strong ${MARK}`],
      ['fermes', 'heading3 strong'], ['**', `heading3 strong ${MARK}`]]);
    assert.deepEqual(line('#hashtag'), [['#hashtag', null]]);
  });

  test('bold, italic, struck and code: marks dimmed, content styled', () => {
    assert.deepEqual(line('un **mot** et *un autre*'), [
      ['un ', null], ['**', `strong ${MARK}`], ['mot', 'strong'], ['**', `strong ${MARK}`], [' et ', null],
      ['*', `emphasis ${MARK}`], ['un autre', 'emphasis'], ['*', `emphasis ${MARK}`]]);
    assert.deepEqual(line('~~non~~ `x*y`'), [
      ['~~', `strikethrough ${MARK}`], ['non', 'strikethrough'], ['~~', `strikethrough ${MARK}`], [' ', null],
      ['`', `monospace ${MARK}`], ['x*y', 'monospace'], ['`', `monospace ${MARK}`]]);
  });

  test('a star between spaces and an underscore inside a word are text', () => {
    assert.deepEqual(line('2 * 3 = 6'), [['2 * 3 = 6', null]]);
    assert.deepEqual(line('nom_de_fichier'), [['nom_de_fichier', null]]);
    assert.deepEqual(line('\\*pas italique\\*'), [['\\*pas italique\\*', null]]);
  });

  test('emphasis left open ends with its line', () => {
    const [first, second] = tokenize(markdownMode, '**ouvert\nnormal');
    assert.deepEqual(first, [['**', `strong ${MARK}`], ['ouvert', 'strong']]);
    assert.deepEqual(second, [['normal', null]]);
  });

  test('list markers, checkboxes and nested items are marks', () => {
    assert.deepEqual(line('- point'), [['- ', `list ${MARK}`], ['point', null]]);
    assert.deepEqual(line('12. point'), [['12. ', `list ${MARK}`], ['point', null]]);
    assert.deepEqual(line('- [x] fait'), [['- [x] ', `list ${MARK}`], ['fait', null]]);
    assert.deepEqual(line('  * sous-point'), [['  * ', `list ${MARK}`], ['sous-point', null]]);
    assert.deepEqual(line('---'), [['---', `contentSeparator ${MARK}`]]);
  });

  test('links and addresses', () => {
    assert.deepEqual(line('voir [le site](https://exemple.org) ou https://a.fr/x.'), [
      ['voir ', null], ['[', MARK], ['le site', 'link'], ['](', MARK], ['https://exemple.org', 'url'], [')', MARK],
      [' ou ', null], ['https://a.fr/x', 'url'], ['.', null]]);
    assert.deepEqual(line('[pas un lien]'), [['[pas un lien]', null]]);
  });

  test('fenced code keeps its lines plain until the fence closes', () => {
    const lines = tokenize(markdownMode, '```\n# pas un titre\n```\n# titre');
    assert.deepEqual(lines, [
      [['```', `monospace ${MARK}`]], [['# pas un titre', 'monospace']], [['```', `monospace ${MARK}`]],
      [['# ', `heading1 ${MARK}`], ['titre', 'heading1']]]);
  });

  test('quotes', () => {
    assert.deepEqual(line('> citation *ici*'), [
      ['> ', `quote ${MARK}`], ['citation ', 'quote'], ['*', `quote emphasis ${MARK}`], ['ici', 'quote emphasis'],
      ['*', `quote emphasis ${MARK}`]]);
  });
});
