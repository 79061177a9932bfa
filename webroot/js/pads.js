// Pad names and the pads this browser has visited.
//
// A pad name (PadName.java, docs/protocol.md) is read in Unicode NFC: 1–64 code points, each a
// letter of any script, a combining mark (Mn, Mc), a decimal digit, "-" or "_". A pad is stored
// under the canonical form of its name (lower case, accents of Latin, Greek and Cyrillic letters
// removed), so "Bilan-Soir" and "bilan-soir" are one pad. Both are checked here only so people get
// the answer before a round trip; both rules are tested against one table of names
// (src/test/resources/pad-names.json) on both sides.

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
  if (INVISIBLE.test(nfc)) return "padName.badCharacters"; // it would look like another name
  const canonical = canonicalPadName(nfc);
  if (canonical === "") return "padName.badCharacters"; // only accents: nothing would be left
  // A compatibility character may stand for several, spaces included (U+FDFA).
  if (!NAME_PATTERN.test(canonical) || [...canonical].length > MAX_NAME_LENGTH) return "padName.badCharacters";
  return null;
}

// Letters and marks that draw nothing (PadName.invisible): Hangul fillers, the combining grapheme
// joiner, Khmer's inherent vowels.
const INVISIBLE = /[\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5]/u;

// The Combining Diacritical Marks block: the accents canonical names drop. Marks of other scripts
// (Indic vowel signs, Arabic vowel marks) belong to their letters and stay.
const ACCENTS = /[\u0300-\u036f]/g;

/**
 * The form the server stores a pad under (PadName.canonical): compatibility characters replaced
 * (NFKC: fullwidth letters, ligatures), lower case (Unicode default case mapping, as Java's
 * toLowerCase(Locale.ROOT)), then the accents removed, in NFC.
 */
export function canonicalPadName(name) {
  return String(name).normalize("NFKC").toLowerCase().normalize("NFD").replace(ACCENTS, "").normalize("NFC");
}

const SCRIPTS = [["latin", /\p{Script=Latin}/u], ["greek", /\p{Script=Greek}/u], ["cyrillic", /\p{Script=Cyrillic}/u]];

/**
 * The look-alike scripts a name mixes (["cyrillic", "latin"] for "ѕecret" typed with a Cyrillic
 * "ѕ"), or [] when it uses one at most: such a name may pass for another one, so the share dialog
 * says so before it is handed out.
 */
export function mixedScripts(name) {
  const found = SCRIPTS.filter(([, pattern]) => pattern.test(String(name))).map(([script]) => script);
  return found.length > 1 ? found.sort() : [];
}

/** A link as people read it: without the scheme, the path's %-escapes decoded ("host:9000/p/réunion"). */
export function readableLink(url) {
  const bare = String(url).replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
  try {
    return decodeURI(bare);
  } catch {
    return bare; // a broken escape is shown as it is rather than not at all
  }
}

/**
 * The browser's IANA time zone ("Europe/Paris"), sent with export links so an export's time line
 * reads in the reader's time (the server falls back to UTC on a zone it does not know); "" if none.
 */
export function browserTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    return "";
  }
}

/** Edit distance between two names, counted in code points (for "did you mean"). */
function distance(a, b) {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length];
}

/**
 * The visited pad whose name is closest to `name` (canonical forms compared), if it is close
 * enough to be a typo: at most a quarter of the name's length, at least 2, away, and not the same
 * pad. Else null.
 */
export function closestPad(name, pads) {
  const wanted = canonicalPadName(name);
  const limit = Math.max(2, Math.floor([...wanted].length / 4));
  let best = null;
  for (const pad of pads) {
    const d = distance(wanted, canonicalPadName(pad.name));
    if (d > 0 && d <= limit && (best === null || d < best.d)) best = { name: pad.name, d };
  }
  return best?.name ?? null;
}

/** Turns what a person typed into a candidate name: trimmed, inner spaces become "-". */
export function normalizePadName(typed) {
  return String(typed ?? "").normalize("NFC").trim().replace(/\s+/g, "-");
}

/**
 * The address of a pad's page. /p/NAME, not /pad.html?pad=NAME: the server sends another spelling
 * of the name on to the pad it opens, so the address names the pad one way.
 */
export function padUrl(name) {
  return `/p/${encodeURIComponent(name)}`;
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
