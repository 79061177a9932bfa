// Markdown that looks like Markdown while one writes: headings larger and bold, **bold** bold,
// *italic* italic, the syntax characters dimmed, and wrapped list items hanging under their text
// rather than under their marker.
//
// Highlighting is CodeMirror's StreamLanguage over markdown-mode.js: parsed incrementally and only
// as far as the viewport, so a keystroke on a long pad re-reads a line or two, not the pad. The
// styles are mark decorations beside the authorship and remote-cursor ones, which they never
// replace. Colours are CSS variables (pad-theme.css), so the dark theme needs no second style.
import { StreamLanguage, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { markdownMode } from "./markdown-mode.js";

const markdownLanguage = StreamLanguage.define(markdownMode);

const markdownStyle = HighlightStyle.define([
  { tag: tags.heading1, fontSize: "1.6em", fontWeight: "700", lineHeight: "1.3" },
  { tag: tags.heading2, fontSize: "1.35em", fontWeight: "700", lineHeight: "1.3" },
  { tag: tags.heading3, fontSize: "1.17em", fontWeight: "700" },
  { tag: [tags.heading4, tags.heading5, tags.heading6], fontWeight: "700" },
  { tag: tags.strong, fontWeight: "700" },
  { tag: tags.emphasis, fontStyle: "italic" },
  { tag: tags.strikethrough, textDecoration: "line-through" },
  { tag: tags.link, color: "var(--md-link)", textDecoration: "underline" },
  { tag: tags.url, color: "var(--md-mark)" },
  { tag: tags.quote, color: "var(--muted)", fontStyle: "italic" },
  { tag: tags.monospace, fontFamily: "var(--mono-font)", fontSize: "0.92em", backgroundColor: "var(--md-code)" },
  // Last, so its colour wins over link and quote colours on the characters it marks.
  { tag: [tags.processingInstruction, tags.contentSeparator], color: "var(--md-mark)", fontWeight: "400" },
]);

// A list item's marker, checkbox included: "- ", "12. ", "  - [ ] ".
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

// Width of a marker's text in the editor's font, cached per font and text: a canvas measures it
// without touching the editable DOM.
function markerWidths() {
  const cache = new Map();
  let context = null;
  return (font, text) => {
    const key = `${font}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context ??= document.createElement("canvas").getContext("2d");
      context.font = font;
      width = Math.round(context.measureText(text.replace(/\t/g, "    ")).width * 10) / 10;
      if (cache.size > 500) cache.clear();
      cache.set(key, width);
    }
    return width;
  };
}

function editorFont(view) {
  const style = getComputedStyle(view.contentDOM);
  return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

// Hanging indent for visible list lines: the line is padded by its marker's width and its first
// line pulled back by as much, so wrapped lines start under the item's text.
const hangingLists = ViewPlugin.fromClass(class {
  constructor(view) {
    this.measure = markerWidths();
    this.font = editorFont(view);
    this.decorations = this.build(view);
  }

  update(update) {
    // The font is read again only when the geometry changes (a font-size clamp follows the width).
    if (update.geometryChanged) this.font = editorFont(update.view);
    if (update.docChanged || update.viewportChanged || update.geometryChanged) {
      this.decorations = this.build(update.view);
    }
  }

  build(view) {
    const builder = new RangeSetBuilder();
    const font = this.font;
    for (const { from, to } of view.visibleRanges) {
      for (let pos = from; pos <= to;) {
        const line = view.state.doc.lineAt(pos);
        const marker = LIST_ITEM.exec(line.text);
        if (marker) {
          const hang = this.measure(font, marker[0]);
          builder.add(line.from, line.from, Decoration.line({
            class: "cm-md-list",
            attributes: { style: `--md-hang: ${hang}px` },
          }));
        }
        pos = line.to + 1;
      }
    }
    return builder.finish();
  }
}, { decorations: (plugin) => plugin.decorations });

const markdownTheme = EditorView.theme({
  ".cm-line.cm-md-list": {
    paddingLeft: "calc(var(--pad-line-x) + var(--md-hang))",
    textIndent: "calc(-1 * var(--md-hang))",
  },
});

/** The editor extension: Markdown highlighting and hanging list items. */
export function markdown() {
  return [markdownLanguage, syntaxHighlighting(markdownStyle), hangingLists, markdownTheme];
}
