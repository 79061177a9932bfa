// Tells screen-reader users who is writing, without reading out every character: a polite live
// region says "Amélie is writing" when someone starts writing after a pause, and says nothing more
// while they go on. Announcements are at least MIN_GAP_MS apart; names that start writing meanwhile
// are said together in the next one.

const QUIET_MS = 15000; // an author silent this long "starts writing" again with their next edit
const MIN_GAP_MS = 5000;
const MAX_NAMES = 3;

export class WritingAnnouncer {
  /**
   * region: the element whose text screen readers announce (aria-live="polite").
   * say(names): the sentence for a list of names (translated by the page).
   * clock: { now(), setTimeout, clearTimeout } (the window in the page; fake ones in tests).
   */
  constructor({ region, say, clock }) {
    this.region = region;
    this.say = say;
    this.clock = clock;
    this.names = new Map(); // authorId -> display name, from presence
    this.lastEdit = new Map(); // authorId -> time of their latest edit
    this.waiting = new Set(); // authorIds to announce
    this.lastAnnounced = -Infinity;
    this.timer = null;
  }

  /** The members the server listed (presence): who may be writing, and their names. */
  presence(members) {
    for (const m of members) if (m.authorId && m.name) this.names.set(m.authorId, m.name);
  }

  /** A remote edit by authorId was applied to the editor. */
  remoteEdit(authorId) {
    const now = this.clock.now();
    const previous = this.lastEdit.get(authorId);
    this.lastEdit.set(authorId, now);
    if (!this.names.has(authorId)) return; // imports and restores by people not here: nothing to say
    if (previous !== undefined && now - previous < QUIET_MS) return;
    this.waiting.add(authorId);
    this.schedule(now);
  }

  schedule(now) {
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastAnnounced + MIN_GAP_MS - now);
    this.timer = this.clock.setTimeout(() => this.announce(), wait);
  }

  announce() {
    this.timer = null;
    const names = [...this.waiting].map((id) => this.names.get(id)).filter(Boolean).slice(0, MAX_NAMES);
    this.waiting.clear();
    if (names.length === 0) return;
    this.lastAnnounced = this.clock.now();
    this.region.textContent = this.say(names);
  }

  stop() {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
