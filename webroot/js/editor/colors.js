// Colours for people: an accessible palette and conversions used by the
// authorship and cursor decorations. The server hands these same colours out to people who pick
// none (ardoise.pad.Palette, in its own order; MemberColorsTest checks they match).

/** Dark enough for white label text (contrast ≥ 4.5:1), distinct hues. */
export const PALETTE = [
  "#b3261e", // red
  "#a04500", // orange
  "#6b5d00", // olive
  "#2e7d32", // green
  "#00695c", // teal
  "#0b57d0", // blue
  "#5e35b1", // violet
  "#ad1457", // raspberry
  "#4e5d6c", // slate
  "#7b4a2a", // brown
];

const HEX = /^#[0-9a-fA-F]{6}$/;

/** True for "#rrggbb", the protocol's colour form. */
export function isColor(value) {
  return typeof value === "string" && HEX.test(value);
}

/** "rgba(r, g, b, alpha)" for a "#rrggbb" colour; a neutral grey when the colour is malformed. */
export function withAlpha(color, alpha) {
  const hex = isColor(color) ? color : "#808080";
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The colour of someone whose colour is not known (yet): a neutral grey outside the palette. Never a
 * colour guessed from an id, which could be the viewer's own or someone else's.
 */
export const UNKNOWN_COLOR = "#9e9e9e";
