// The colour of every author of a pad, people who left included (GET /api/pads/{pad}/authors,
// docs/history.md): their text keeps the colour they had, whoever looks at it.

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Map authorId -> "#rrggbb" from the server's answer {authors: {id: {name, color}}}; bad entries are left out. */
export function authorColorsFrom(answer) {
  const colors = new Map();
  const authors = answer?.authors;
  if (!authors || typeof authors !== 'object') return colors;
  for (const [id, profile] of Object.entries(authors)) {
    if (id && COLOR.test(profile?.color ?? '')) colors.set(id, profile.color.toLowerCase());
  }
  return colors;
}

/** Resolves with the pad's author colours (rejects when the server cannot answer). */
export async function fetchAuthorColors(padId, fetchImpl = globalThis.fetch) {
  const response = await fetchImpl(`/api/pads/${encodeURIComponent(padId)}/authors`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`authors: HTTP ${response.status}`);
  return authorColorsFrom(await response.json());
}
