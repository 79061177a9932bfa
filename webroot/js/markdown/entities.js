// Character references in Markdown text (&amp;, &eacute;, &#233;, &#x41;) mean characters, as in
// the exports (CommonMark decodes them). Numeric ones are decoded here; a named one is handed to a
// <textarea> of a document that is never shown, and only when the whole string is one reference
// (letters and digits between & and ;), so no markup can ever reach the parser.

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
const REPLACEMENT = '\uFFFD';

let decoder = null;
const named = new Map();

function codePoint(n) {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return REPLACEMENT;
  return String.fromCodePoint(n);
}

function decodeNamed(reference) {
  if (named.has(reference)) return named.get(reference);
  decoder ??= document.implementation.createHTMLDocument('').createElement('textarea');
  decoder.innerHTML = reference; // matches REFERENCE: only [&#A-Za-z0-9;]
  // An unknown name stays as typed. Legacy names without ';' are not matched here.
  const value = decoder.value;
  named.set(reference, value);
  return value;
}

/** `text` with its character references replaced by the characters they name. */
export function decodeEntities(text) {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal, hex, name) => {
    if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    return decodeNamed(`&${name};`);
  });
}
