// Phones: the on-screen keyboard must not hide the line being typed. Chrome on Android shrinks the
// page above the keyboard (interactive-widget=resizes-content in pad.html's viewport meta); other
// browsers (Safari on iOS) shrink only the visual viewport, so the page takes its height from it
// (--visual-height, used by body.pad in ardoise.css). Either way, when the visible area shrinks
// while the text has focus, the caret's line is scrolled back into view.

import { EditorView } from '@codemirror/view';

/** Follows `win.visualViewport` for `view`'s page; does nothing where the API is missing. */
export function keepCaretAboveKeyboard(view, win = globalThis) {
  const viewport = win.visualViewport;
  if (!viewport) return;
  const root = win.document.documentElement;
  let lastHeight = viewport.height;
  const follow = () => {
    // Pinch-zoomed, the visual viewport is smaller than the page for another reason: keep the page.
    if (Math.abs(viewport.scale - 1) < 0.01) root.style.setProperty('--visual-height', `${viewport.height}px`);
    else root.style.removeProperty('--visual-height');
    const shrank = viewport.height < lastHeight - 1;
    lastHeight = viewport.height;
    // Focus inside the text, whether or not the window has the system's focus (view.hasFocus asks both,
    // and a phone's window may lose it to the keyboard or a notification as the keyboard comes up).
    if (shrank && view.contentDOM.contains(win.document.activeElement)) {
      const head = view.state.selection.main.head;
      view.dispatch({ effects: EditorView.scrollIntoView(head, { y: 'nearest', yMargin: 24 }) });
    }
  };
  viewport.addEventListener('resize', follow);
  follow();
}
