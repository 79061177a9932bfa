// Light or dark pad page: "auto" follows the system's prefers-color-scheme; a switch cycles
// auto → light → dark, remembered in localStorage. The choice is <html data-theme>, which
// css/pad-theme.css turns into colour variables for the page and the editor alike.

const STORAGE_KEY = "ardoise.theme";
export const THEMES = ["auto", "light", "dark"];

export function loadTheme(storage = globalThis.localStorage) {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return THEMES.includes(stored) ? stored : "auto";
  } catch {
    return "auto"; // storage disabled: follow the system
  }
}

function saveTheme(theme, storage) {
  try {
    if (theme === "auto") storage?.removeItem(STORAGE_KEY);
    else storage?.setItem(STORAGE_KEY, theme);
  } catch {
    // not remembered, still applied
  }
}

/** Sets <html data-theme>; call early so the page does not flash the other theme. */
export function applyTheme(doc, theme) {
  doc.documentElement.dataset.theme = theme;
}

/** Wires the switch button (its label names the current choice, its title the next one). */
export function wireThemeSwitch(button, i18n, { storage = globalThis.localStorage } = {}) {
  const doc = button.ownerDocument;
  let theme = loadTheme(storage);
  const label = () => {
    const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    button.dataset.theme = theme;
    button.setAttribute("aria-label", i18n.t("theme.current", { theme: i18n.t(`theme.${theme}`) }));
    button.title = i18n.t("theme.switchTo", { theme: i18n.t(`theme.${next}`) });
  };
  applyTheme(doc, theme);
  label();
  button.addEventListener("click", () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    saveTheme(theme, storage);
    applyTheme(doc, theme);
    label();
  });
  i18n.onChange(label);
}
