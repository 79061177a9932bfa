// How long a pad is kept after its last edit, in words: the choices an owner picks from ("1 semaine",
// "3 mois"…) and the line every member sees ("Ce pad sera supprimé le 5 décembre 2027"), with the
// date in the reader's locale at day precision (the server deletes at the hour the last edit plus the
// lifetime ends; a day is what a person plans with).

const NAMED = { 7: 'lifetime.week', 30: 'lifetime.month', 90: 'lifetime.threeMonths', 365: 'lifetime.year' };

/** "1 jour", "1 semaine", "3 mois", "sans limite de temps"… for `days` (0: forever). */
export function lifetimeLabel(i18n, days) {
  if (days === 0) return i18n.t('lifetime.forever');
  if (NAMED[days]) return i18n.t(NAMED[days]);
  return i18n.t('lifetime.days', { count: days });
}

/** The reader's locale in the page's language: en-GB writes "5 December 2027", en-US "December 5, 2027". */
export function readerLocale(lang, preferred = globalThis.navigator?.languages ?? []) {
  return preferred.find((tag) => typeof tag === 'string' && tag.toLowerCase().split('-')[0] === lang) ?? lang;
}

/**
 * The line for a policy view (write-gate.js), or null while the server said nothing about it. A
 * lifetime without a date (a store that reports none for a pad not written yet) ends a lifetime
 * from now: the pad cannot live longer than that without an edit.
 */
export function deletionLine(i18n, view, preferred, now = Date.now()) {
  if (!view?.known || view.lifetimeDays === null) return null;
  if (view.lifetimeDays === 0) return i18n.t('policy.keptForever');
  const at = view.deletesAt ?? now + view.lifetimeDays * 86_400_000;
  const date = new Intl.DateTimeFormat(readerLocale(i18n.lang, preferred), { dateStyle: 'long' }).format(new Date(at));
  return i18n.t('policy.deletesOn', { date });
}

/** Fills a <select> with the server's choices (days), the default selected. */
export function fillLifetimeSelect(select, i18n, choices, selected) {
  const doc = select.ownerDocument;
  select.replaceChildren(...choices.map((days) => {
    const option = doc.createElement('option');
    option.value = String(days);
    option.textContent = lifetimeLabel(i18n, days);
    return option;
  }));
  if (choices.includes(selected)) select.value = String(selected);
}

/** Reads {lifetimeChoices, defaultLifetimeDays} from an answer of the server, or null. */
export function readChoices(body) {
  const choices = Array.isArray(body?.lifetimeChoices) ? body.lifetimeChoices.filter((d) => Number.isInteger(d) && d >= 0) : [];
  if (choices.length === 0) return null;
  const fallback = choices.includes(body.defaultLifetimeDays) ? body.defaultLifetimeDays : choices[0];
  return { choices, defaultDays: fallback };
}
