// The projector's text size (buttons A−/A+ and the keys - and +), theme (light/dark) and form
// (rendered Markdown or raw text), applied to the page and remembered in localStorage for the next
// session on this machine.

const SIZE_KEY = 'ardoise.projector.fontSize';
const THEME_KEY = 'ardoise.projector.theme';
const RAW_KEY = 'ardoise.projector.raw';
/** Text sizes in rem, smallest to largest; 2 rem is 32 px at the default root size. */
export const SIZES = [1.5, 2, 2.5, 3, 3.5, 4, 5, 6, 7.5];
// Sixteen lines of body text on a 1280×720 projector, still readable from the back of a room.
const DEFAULT_SIZE = 2;

function read(storage, key) {
  try {
    return storage.getItem(key);
  } catch (e) {
    return null;
  }
}

function write(storage, key, value) {
  try {
    storage.setItem(key, value);
  } catch (e) {
    // not remembered, still applied
  }
}

/**
 * Wires the size buttons, the +/- keys, the theme switch and the raw-text switch of the projector
 * page; `onRawChange(raw)` runs now and on every switch.
 */
export function projectorSettings(doc, i18n, onRawChange, storage = globalThis.localStorage) {
  const body = doc.body;
  const phone = doc.defaultView.matchMedia('(max-width: 40rem)').matches;
  let size = Number(read(storage, SIZE_KEY));
  if (!SIZES.includes(size)) size = phone ? 1.5 : DEFAULT_SIZE;
  const smaller = doc.getElementById('font-smaller');
  const larger = doc.getElementById('font-larger');
  const applySize = () => {
    body.style.setProperty('--projector-font-size', `${size}rem`);
    smaller.disabled = size === SIZES[0];
    larger.disabled = size === SIZES[SIZES.length - 1];
  };
  const step = (delta) => {
    const next = SIZES[SIZES.indexOf(size) + delta];
    if (next === undefined) return;
    size = next;
    write(storage, SIZE_KEY, String(size));
    applySize();
  };
  smaller.addEventListener('click', () => step(-1));
  larger.addEventListener('click', () => step(1));
  doc.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest?.('select, input')) return;
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-' || e.key === '_') step(-1);
  });
  applySize();

  const toggle = doc.getElementById('theme-toggle');
  let theme = read(storage, THEME_KEY) === 'dark' ? 'dark' : 'light';
  const applyTheme = () => {
    body.dataset.theme = theme;
    toggle.setAttribute('aria-pressed', String(theme === 'dark'));
  };
  toggle.addEventListener('click', () => {
    theme = theme === 'dark' ? 'light' : 'dark';
    write(storage, THEME_KEY, theme);
    applyTheme();
  });
  applyTheme();

  switchSetting(doc.getElementById('raw-toggle'), storage, RAW_KEY, onRawChange);
}

/** An on/off button (aria-pressed) remembered under `key`. */
function switchSetting(button, storage, key, onChange) {
  let on = read(storage, key) === 'true';
  const apply = () => {
    button.setAttribute('aria-pressed', String(on));
    onChange(on);
  };
  button.addEventListener('click', () => {
    on = !on;
    write(storage, key, String(on));
    apply();
  });
  apply();
}
