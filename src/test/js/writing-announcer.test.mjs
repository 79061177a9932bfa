import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WritingAnnouncer } from '../../../webroot/js/pad/writing-announcer.js';

/** A clock whose time moves only when the test says so. */
class FakeClock {
  constructor() { this.time = 0; this.timers = []; }
  now() { return this.time; }
  setTimeout(fn, ms) { const t = { at: this.time + ms, fn }; this.timers.push(t); return t; }
  clearTimeout(t) { this.timers = this.timers.filter((x) => x !== t); }
  advance(ms) {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
    }
    this.time = end;
  }
}

function announcer() {
  const clock = new FakeClock();
  const region = { textContent: '', changes: 0 };
  const watched = {
    get textContent() { return region.textContent; },
    set textContent(v) { region.textContent = v; region.changes++; },
  };
  const a = new WritingAnnouncer({ region: watched, say: (names) => `${names.join(' et ')} écrit`, clock });
  a.presence([{ authorId: 'a1', name: 'Amélie' }, { authorId: 'k1', name: 'Karim' }]);
  return { a, clock, region };
}

describe('writing announcer', () => {
  test('a burst of keystrokes gives one announcement', () => {
    const { a, clock, region } = announcer();
    for (let i = 0; i < 200; i++) { a.remoteEdit('a1'); clock.advance(100); }
    assert.equal(region.textContent, 'Amélie écrit');
    assert.equal(region.changes, 1);
  });

  test('someone starting during the gap is announced in the next sentence, not at once', () => {
    const { a, clock, region } = announcer();
    a.remoteEdit('a1');
    clock.advance(1000);
    assert.equal(region.changes, 1);
    a.remoteEdit('k1');
    clock.advance(1000);
    assert.equal(region.changes, 1, 'at most one announcement per gap');
    clock.advance(5000);
    assert.equal(region.textContent, 'Karim écrit');
    assert.equal(region.changes, 2);
  });

  test('writing again after a pause is announced again', () => {
    const { a, clock, region } = announcer();
    a.remoteEdit('a1');
    clock.advance(20000);
    a.remoteEdit('a1');
    clock.advance(10);
    assert.equal(region.changes, 2);
  });

  test('edits by someone not present (an import) say nothing', () => {
    const { a, clock, region } = announcer();
    a.remoteEdit('import-xyz');
    clock.advance(60000);
    assert.equal(region.changes, 0);
  });
});
