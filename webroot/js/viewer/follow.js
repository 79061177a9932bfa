// Following the writing on the projector: after each remote edit the view scrolls to where it
// happened, unless the facilitator scrolled away on purpose (wheel, touch, scroll keys, dragging
// the scrollbar); then following stops and `onChange(false)` lets the page offer "resume".
// Only input events count as "on purpose": the scroll events our own scrolling causes do not.

const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

export class Follower {
  /**
   * `scrollers`: the elements the facilitator may scroll (the rendered text, the raw text).
   * `reveal(pos)`: shows document position `pos` (null: the end).
   */
  constructor(scrollers, reveal, onChange = () => {}) {
    this.reveal = reveal;
    this.onChange = onChange;
    this.following = true;
    const stop = () => this.setFollowing(false);
    for (const scroller of scrollers) {
      scroller.addEventListener('wheel', stop, { passive: true });
      scroller.addEventListener('touchmove', stop, { passive: true });
      scroller.addEventListener('pointerdown', (e) => {
        if (e.target === scroller) stop(); // the scrollbar itself, not the text
      });
    }
    scrollers[0].ownerDocument.addEventListener('keydown', (e) => {
      if (SCROLL_KEYS.has(e.key) && !e.target.closest?.('button, select, a, input')) stop();
    });
  }

  /** A remote edit ending at `pos` was shown. */
  edited(pos) {
    if (this.following && pos !== null) this.reveal(pos);
  }

  /** "Resume following": back to the latest edit (`pos`, or the end when unknown). */
  resume(pos = null) {
    this.setFollowing(true);
    this.reveal(pos);
  }

  setFollowing(on) {
    if (on === this.following) return;
    this.following = on;
    this.onChange(on);
  }
}
