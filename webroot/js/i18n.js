// UI strings: French for fr-* browsers, English otherwise, a switch remembered
// in localStorage. Every visible string comes from /i18n/{lang}.json.
//
// Markup marks translatable places with data attributes, filled by apply():
//   data-i18n="key"              -> textContent
//   data-i18n-placeholder="key"  -> placeholder
//   data-i18n-title="key"        -> title
//   data-i18n-aria-label="key"   -> aria-label

export const LANGUAGES = ["fr", "en"];
const STORAGE_KEY = "ardoise.lang";

/** Picks "fr" or "en": the stored choice first, then the browser's preferred languages. */
export function pickLanguage(stored, preferred) {
  if (LANGUAGES.includes(stored)) return stored;
  const first = (preferred || []).find((tag) => typeof tag === "string" && tag.length > 0) || "";
  return first.toLowerCase().split("-")[0] === "fr" ? "fr" : "en";
}

function readStored(storage) {
  try {
    return storage ? storage.getItem(STORAGE_KEY) : null;
  } catch {
    return null; // storage can be disabled (private mode, policy): fall back to the browser
  }
}

async function fetchStrings(lang) {
  // Beside this module's own address, so a release's texts come with its code (/v/{tag}/…).
  const response = await fetch(new URL(`../i18n/${lang}.json`, import.meta.url), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`i18n: ${lang}.json answered ${response.status}`);
  return response.json();
}

export class I18n {
  constructor(lang, strings, storage) {
    this.lang = lang;
    this.strings = strings;
    this.storage = storage;
    this.listeners = [];
    this.plural = new Intl.PluralRules(lang);
  }

  /** Looks up `key`, picking `key.one`/`key.other` when params.count is given; fills {name} placeholders. */
  t(key, params = {}) {
    let value = this.strings[key];
    if (typeof params.count === "number") {
      const form = this.plural.select(params.count);
      value = this.strings[`${key}.${form}`] ?? this.strings[`${key}.other`] ?? value;
    }
    if (typeof value !== "string") return key; // visible but harmless: a missing key shows itself
    return value.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  /** Date and time in the UI language, e.g. "23 nov. 2026, 14:05". */
  formatDate(date) {
    return new Intl.DateTimeFormat(this.lang, { dateStyle: "medium", timeStyle: "short" }).format(date);
  }

  /** Translates every marked element under `root` and sets <html lang>. */
  apply(root = document) {
    const doc = root.ownerDocument || root;
    doc.documentElement.lang = this.lang;
    const fill = (attribute, write) => {
      for (const element of root.querySelectorAll(`[${attribute}]`)) write(element, this.t(element.getAttribute(attribute)));
    };
    fill("data-i18n", (element, text) => { element.textContent = text; });
    fill("data-i18n-placeholder", (element, text) => { element.placeholder = text; });
    fill("data-i18n-title", (element, text) => { element.title = text; });
    fill("data-i18n-aria-label", (element, text) => element.setAttribute("aria-label", text));
  }

  /** Switches language, remembers it, re-applies the page and tells listeners. */
  async setLanguage(lang) {
    if (!LANGUAGES.includes(lang) || lang === this.lang) return;
    this.strings = await fetchStrings(lang);
    this.lang = lang;
    this.plural = new Intl.PluralRules(lang);
    try {
      this.storage?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered, still switched
    }
    this.apply(document);
    for (const listener of this.listeners) listener(lang);
  }

  /** Calls `listener(lang)` after each language switch (for text built in JavaScript). */
  onChange(listener) {
    this.listeners.push(listener);
  }
}

/** Loads the strings for this browser and translates the page. */
export async function loadI18n({ storage = globalThis.localStorage, preferred = navigator.languages } = {}) {
  const lang = pickLanguage(readStored(storage), preferred?.length ? preferred : [navigator.language]);
  const i18n = new I18n(lang, await fetchStrings(lang), storage);
  i18n.apply(document);
  return i18n;
}

/** Wires a <select> (options fr/en) to the language switch. */
export function bindLanguageSelect(select, i18n) {
  select.value = i18n.lang;
  select.addEventListener("change", () => i18n.setLanguage(select.value));
  i18n.onChange((lang) => { select.value = lang; });
}
