// The formatting toolbar above the editor: heading, bold, italic, lists, checklist, link, search,
// and the light/dark switch. Touch targets are 44 px; on a narrow phone the bar scrolls sideways
// inside itself (css/editor-toolbar.css) instead of widening the page.
//
// Buttons never take the focus from the editor (pointerdown and mousedown are cancelled), so a
// tap keeps the selection and the phone's keyboard open. One Tab stop, arrows move between the
// buttons (WAI-ARIA toolbar pattern).
import { cycleHeading, insertLink, toggleBold, toggleItalic, toggleList } from "./format-commands.js";
import { openSearchPanel } from "./search.js";
import { wireThemeSwitch } from "./theme.js";

const SVG = "http://www.w3.org/2000/svg";

// Icons drawn with a 24-unit grid in currentColor: [element, attributes] pairs.
const LINES = [["path", { d: "M10 6h10M10 12h10M10 18h10" }]];
const ICONS = {
  bullet: [...LINES, ["circle", { cx: 5, cy: 6, r: 1.6, fill: "currentColor" }],
    ["circle", { cx: 5, cy: 12, r: 1.6, fill: "currentColor" }], ["circle", { cx: 5, cy: 18, r: 1.6, fill: "currentColor" }]],
  number: [...LINES, ["path", { d: "M4 4.5l1.5-1v5M3.5 14a1.6 1.6 0 0 1 3 .5c0 1-3 2-3 3.5h3" }]],
  check: [...LINES, ["rect", { x: 2.5, y: 3.5, width: 5, height: 5, rx: 1 }], ["path", { d: "M3.8 6l1.2 1.2 2.6-2.8" }],
    ["rect", { x: 2.5, y: 15.5, width: 5, height: 5, rx: 1 }]],
  link: [["path", { d: "M10 14a4.2 4.2 0 0 0 6 0l3.2-3.2a4.2 4.2 0 0 0-6-6L12 6" }],
    ["path", { d: "M14 10a4.2 4.2 0 0 0-6 0l-3.2 3.2a4.2 4.2 0 0 0 6 6L12 18" }]],
  search: [["circle", { cx: 10.5, cy: 10.5, r: 6 }], ["path", { d: "M15 15l5.5 5.5" }]],
  theme: [["circle", { cx: 12, cy: 12, r: 8 }], ["path", { d: "M12 4a8 8 0 0 1 0 16z", fill: "currentColor" }]],
};

// name (i18n key format.NAME), shortcut shown in the title, what it runs, text glyph (else an icon).
const BUTTONS = [
  { name: "heading", shortcut: "Alt+1…3", run: cycleHeading, glyph: "H" },
  { name: "bold", shortcut: "B", run: toggleBold, glyph: "B" },
  { name: "italic", shortcut: "I", run: toggleItalic, glyph: "I" },
  { name: "bullet", run: toggleList("bullet") },
  { name: "number", run: toggleList("number") },
  { name: "check", run: toggleList("check") },
  { name: "link", shortcut: "K", run: insertLink },
  { name: "search", shortcut: "F", run: openSearchPanel },
];

function icon(doc, name) {
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", "format-icon");
  for (const [tag, attributes] of ICONS[name]) {
    const element = doc.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
    svg.append(element);
  }
  return svg;
}

function button(doc, name, glyph) {
  const element = doc.createElement("button");
  element.type = "button";
  element.className = `format-button format-${name}`;
  element.dataset.format = name;
  element.tabIndex = -1;
  if (glyph) {
    const text = doc.createElement("span");
    text.className = "format-glyph";
    text.setAttribute("aria-hidden", "true");
    text.textContent = glyph;
    element.append(text);
  } else {
    element.append(icon(doc, name));
  }
  // A tap or click must not move the focus: the editor keeps its selection and the keyboard.
  for (const type of ["pointerdown", "mousedown"]) element.addEventListener(type, (event) => event.preventDefault());
  return element;
}

function label(buttons, i18n) {
  const mod = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? "") ? "⌘" : "Ctrl+";
  for (const { name, shortcut, element } of buttons) {
    const text = i18n.t(`format.${name}`);
    element.setAttribute("aria-label", text);
    element.title = shortcut ? i18n.t("format.withShortcut", { action: text, keys: `${mod}${shortcut}` }) : text;
  }
}

// Arrow keys, Home and End move the one Tab stop along the bar.
function roveFocus(bar) {
  bar.addEventListener("keydown", (event) => {
    const items = [...bar.querySelectorAll("button")];
    const index = items.indexOf(event.target);
    if (index < 0) return;
    const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = items[(target + items.length) % items.length];
    items.forEach((item) => { item.tabIndex = item === next ? 0 : -1; });
    next.focus();
  });
}

/** Puts the toolbar right above the editor and returns it. */
export function mountFormatToolbar(view, i18n) {
  const doc = view.dom.ownerDocument;
  const bar = doc.createElement("div");
  bar.className = "format-toolbar";
  bar.setAttribute("role", "toolbar");
  const buttons = BUTTONS.map((spec) => ({ ...spec, element: button(doc, spec.name, spec.glyph) }));
  for (const { element, run } of buttons) {
    element.addEventListener("click", () => {
      run(view);
      if (!view.dom.querySelector(".cm-search")?.contains(doc.activeElement)) view.focus();
    });
    bar.append(element);
  }
  const theme = button(doc, "theme");
  theme.id = "theme-switch";
  bar.append(theme);
  buttons[0].element.tabIndex = 0;
  const relabel = () => {
    bar.setAttribute("aria-label", i18n.t("format.toolbar"));
    label(buttons, i18n);
  };
  relabel();
  i18n.onChange(relabel);
  wireThemeSwitch(theme, i18n);
  roveFocus(bar);
  view.dom.before(bar);
  return bar;
}
