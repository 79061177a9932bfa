// Which link targets count as links, by the exports' rule (ardoise.http.export.SafeLink): an
// allow-list, so javascript:, data:, vbscript:, obfuscated variants and relative paths stay plain
// text. The projector never makes anything clickable; a safe link is only drawn as a link.

const ALLOWED = /^(https?:\/\/|mailto:)[^\s\p{Cc}"<>\\`]+$/u;

/** Whether `href` may be shown as a link (the same answer as the exports give). */
export function isSafeLink(href) {
  if (typeof href !== 'string') return false;
  return ALLOWED.test(href.trim().toLowerCase());
}
