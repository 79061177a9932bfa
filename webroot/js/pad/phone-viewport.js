// Phones: the on-screen keyboard must not hide the line being typed. Chrome on Android shrinks the
// page above the keyboard (interactive-widget=resizes-content in pad.html's viewport meta); other
// browsers (Safari on iOS) shrink only the visual viewport, so the page takes its height from it
// (--visual-height, used by body.pad in ardoise.css). Either way the text's scrolling area gets
// smaller, and when it does while the text has focus, the caret's line is scrolled back into view.

import { EditorView } from '@codemirror/view';

/** Follows `win.visualViewport` for `view`'s page; does nothing where the API is missing. */
export function keepCaretAboveKeyboard(view, win = globalThis) {
  const viewport = win.visualViewport;
  if (!viewport) return;
  const root = win.document.documentElement;
  const follow = () => {
    // Pinch-zoomed, the visual viewport is smaller than the page for another reason: keep the page.
    if (Math.abs(viewport.scale - 1) < 0.01) root.style.setProperty('--visual-height', `${viewport.height}px`);
    else root.style.removeProperty('--visual-height');
  };
  viewport.addEventListener('resize', follow);
  follow();
  if (!win.ResizeObserver) return;
  // Why observe the scroller rather than the viewport: its new size is laid out by then, so the
  // scroll lands in the same measure as CodeMirror's own reaction to the resize (which would
  // otherwise put the old top line back, undoing an earlier scroll).
  let lastHeight = view.scrollDOM.clientHeight;
  new win.ResizeObserver(() => {
    const height = view.scrollDOM.clientHeight;
    const shrank = height < lastHeight - 1;
    lastHeight = height;
    // Focus inside the text, whether or not the window has the system's focus (view.hasFocus asks both).
    if (shrank && view.contentDOM.contains(win.document.activeElement)) {
      view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'nearest', yMargin: 24 }) });
    }
  }).observe(view.scrollDOM);
}
