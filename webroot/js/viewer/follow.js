// Following the writing on the projector: after each remote edit the view scrolls to where it
// happened, unless the facilitator scrolled away on purpose (wheel, touch, scroll keys, dragging
// the scrollbar); then following stops and `onChange(false)` lets the page offer "resume".
// Only input events count as "on purpose": the scroll events our own scrolling causes do not.

import { EditorView } from '@codemirror/view';

const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

export class Follower {
  constructor(view, onChange = () => {}) {
    this.view = view;
    this.onChange = onChange;
    this.following = true;
    const stop = () => this.setFollowing(false);
    const scroller = view.scrollDOM;
    scroller.addEventListener('wheel', stop, { passive: true });
    scroller.addEventListener('touchmove', stop, { passive: true });
    scroller.addEventListener('pointerdown', (e) => {
      if (e.target === scroller) stop(); // the scrollbar itself, not the text
    });
    scroller.ownerDocument.addEventListener('keydown', (e) => {
      if (SCROLL_KEYS.has(e.key) && !e.target.closest?.('button, select, a, input')) stop();
    });
  }

  /** A remote edit ending at `pos` was shown. */
  edited(pos) {
    if (this.following && pos !== null) this.scrollTo(pos);
  }

  scrollTo(pos) {
    const at = Math.min(pos, this.view.state.doc.length);
    this.view.dispatch({ effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  }

  /** "Resume following": back to the latest edit (`pos`, or the end when unknown). */
  resume(pos = null) {
    this.setFollowing(true);
    this.scrollTo(pos ?? this.view.state.doc.length);
  }

  setFollowing(on) {
    if (on === this.following) return;
    this.following = on;
    this.onChange(on);
  }
}
