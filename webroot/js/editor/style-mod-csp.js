// The import map sends every "style-mod" import here.
//
// Why: upstream style-mod injects a <style> element into documents, which a
// Content-Security-Policy of `style-src 'self'` refuses (it would need
// 'unsafe-inline' or a per-response nonce). A constructed stylesheet
// (new CSSStyleSheet + replaceSync + adoptedStyleSheets) is CSSOM, which CSP
// does not govern, so CodeMirror's themes work under the strict policy.
// Browsers without constructed stylesheets (before Chrome 73, Firefox 101,
// Safari 16.4) fall back to upstream behaviour.
import { StyleModule } from "/webjars/style-mod/4.1.3/src/style-mod.js";

const upstreamMount = StyleModule.mount;
const mounted = new WeakMap(); // Document | ShadowRoot -> { sheet, modules }

function supportsConstructedSheets(root) {
  const doc = root.ownerDocument || root;
  const win = doc.defaultView;
  return Boolean(win && "adoptedStyleSheets" in root && win.CSSStyleSheet
    && typeof win.CSSStyleSheet.prototype.replaceSync === "function");
}

// Same ordering rule as upstream: modules later in `modules` take precedence,
// modules mounted earlier and not named again keep their place.
// Returns whether the list changed.
function merge(current, modules) {
  let j = 0;
  let changed = false;
  for (const mod of modules) {
    let index = current.indexOf(mod);
    if (index < j && index > -1) {
      current.splice(index, 1);
      j--;
      index = -1;
    }
    if (index === -1) {
      current.splice(j++, 0, mod);
      changed = true;
    } else {
      j = index + 1;
    }
  }
  return changed;
}

StyleModule.mount = function mount(root, modules, options) {
  if (!supportsConstructedSheets(root)) return upstreamMount.call(StyleModule, root, modules, options);
  let entry = mounted.get(root);
  if (!entry) {
    const win = (root.ownerDocument || root).defaultView;
    entry = { sheet: new win.CSSStyleSheet(), modules: [] };
    mounted.set(root, entry);
  }
  const list = Array.isArray(modules) ? modules : [modules];
  if (merge(entry.modules, list)) {
    entry.text = entry.modules.map((mod) => mod.getRules()).join("\n");
    entry.sheet.replaceSync(entry.text);
  }
  if (!root.adoptedStyleSheets.includes(entry.sheet)) {
    // Adopted sheets cascade after the page's own sheets, so page CSS that must
    // override CodeMirror goes through EditorView.theme (see editor.js).
    root.adoptedStyleSheets = [entry.sheet, ...root.adoptedStyleSheets];
  }
};

export { StyleModule };
