// The server refused our outstanding op beyond a write quota of our network (quota-exceeded) and
// said when to send it again: `retryAfter`, whole seconds (docs/protocol.md, "Errors"). The op was
// not applied and the client still holds it (and what was typed after it), so nothing is lost: it
// goes again, unchanged (same seq), once that time has passed. A little spread keeps a whole room
// behind one address from sending all at the same instant.

const DEFAULT_SECONDS = 5; // a server that names no time: a few seconds
const MAX_SECONDS = 120;

/** Milliseconds to wait before sending the refused op again. `random` returns [0, 1). */
export function quotaRetryDelay(message, random = Math.random) {
  const seconds = Number.isFinite(message?.retryAfter) && message.retryAfter > 0
    ? Math.min(message.retryAfter, MAX_SECONDS) : DEFAULT_SECONDS;
  return Math.ceil(seconds * 1000 + random() * 500);
}
