// Pad names and the pads this browser has visited.
//
// A pad name is the server's padId (PadName.java, docs/protocol.md): in Unicode NFC, 1–64 code
// points, each a letter of any script, a combining mark (Mn, Mc), a decimal digit, "-" or "_".
// It is checked here only so people get the message before a round trip; both rules are tested
// against one table of names (src/test/resources/pad-names.json).

const NAME_PATTERN = /^[\p{L}\p{Mn}\p{Mc}\p{Nd}_-]+$/u;
const MAX_NAME_LENGTH = 64;
const RECENT_KEY = "ardoise.recentPads";
const MAX_RECENT = 20;

/** Returns null when `name` is a valid pad name, else an i18n key explaining why. */
export function padNameProblem(name) {
  if (typeof name !== "string" || name.length === 0) return "padName.empty";
  const nfc = name.normalize("NFC");
  // Counted in code points, as the server does: an astral letter is one character, not two.
  if ([...nfc].length > MAX_NAME_LENGTH) return "padName.tooLong";
  // A lone surrogate matches no property class, so it is refused like the server refuses it.
  if (!NAME_PATTERN.test(nfc)) return "padName.badCharacters";
  return null;
}

/** Turns what a person typed into a candidate name: trimmed, inner spaces become "-". */
export function normalizePadName(typed) {
  return String(typed ?? "").normalize("NFC").trim().replace(/\s+/g, "-");
}

/** The address of a pad's page. */
export function padUrl(name) {
  return `/pad.html?pad=${encodeURIComponent(name)}`;
}

/**
 * The pad named by the page address (`?pad=NAME` or a last path segment `/p/NAME`) in NFC, the
 * form the server names it by, or null.
 */
export function padNameFromLocation(location) {
  const fromQuery = new URLSearchParams(location.search).get("pad");
  if (fromQuery) return fromQuery.normalize("NFC");
  const match = /\/p\/([^/]+)\/?$/.exec(location.pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]).normalize("NFC");
  } catch {
    return null; // a broken %-escape names no pad
  }
}

function readRecent(storage) {
  try {
    const list = JSON.parse(storage.getItem(RECENT_KEY) || "[]");
    return Array.isArray(list)
      ? list.filter((entry) => entry && padNameProblem(entry.name) === null && Number.isFinite(entry.visitedAt))
      : [];
  } catch {
    return []; // unreadable or disabled storage: no history rather than a broken page
  }
}

/** Pads visited in this browser, most recent first: [{name, visitedAt}] (visitedAt in ms). */
export function recentPads(storage = globalThis.localStorage) {
  return readRecent(storage).sort((a, b) => b.visitedAt - a.visitedAt);
}

/** Records a visit to `name` now. */
export function rememberPad(name, storage = globalThis.localStorage, now = Date.now()) {
  const list = readRecent(storage).filter((entry) => entry.name !== name);
  list.unshift({ name, visitedAt: now });
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, MAX_RECENT)));
  } catch {
    // storage full or disabled: the visit is simply not remembered
  }
}

/** Removes `name` from the visited list. */
export function forgetPad(name, storage = globalThis.localStorage) {
  try {
    storage.setItem(RECENT_KEY, JSON.stringify(readRecent(storage).filter((entry) => entry.name !== name)));
  } catch {
    // nothing to do: storage is unavailable
  }
}
