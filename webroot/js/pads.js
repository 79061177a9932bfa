// Pad names and the pads this browser has visited.
//
// A pad name is 1–64 UTF-16 code units of letters of any script, digits, "-"
// and "_": the same rule as the server's padId, checked here only so people get
// the message before a round trip.

const NAME_PATTERN = /^[\p{L}\p{Nd}_-]+$/u;
const MAX_NAME_LENGTH = 64;
const RECENT_KEY = "ardoise.recentPads";
const MAX_RECENT = 20;

/** Returns null when `name` is a valid pad name, else an i18n key explaining why. */
export function padNameProblem(name) {
  if (typeof name !== "string" || name.length === 0) return "padName.empty";
  if (name.length > MAX_NAME_LENGTH) return "padName.tooLong";
  if (!NAME_PATTERN.test(name)) return "padName.badCharacters";
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

/** The pad named by the page address (`?pad=NAME` or a last path segment `/p/NAME`), or null. */
export function padNameFromLocation(location) {
  const fromQuery = new URLSearchParams(location.search).get("pad");
  if (fromQuery) return fromQuery;
  const match = /\/p\/([^/]+)\/?$/.exec(location.pathname);
  return match ? decodeURIComponent(match[1]) : null;
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
