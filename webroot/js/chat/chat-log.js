// What one tab knows of a pad's chat, without the DOM: the messages in id order (each once, whether
// it came in the history sent after a join or live), what this person has not read yet, and the
// message this tab is sending. Server messages: docs/protocol.md ("chat").

/** Codes of `error` frames that refuse a chat message (the text stays in the input). */
const CHAT_CODES = ['chat-too-long', 'chat-rate-limited'];
/** Codes that refuse whatever was sent last: ours when a chat message is on its way. */
const SHARED_CODES = ['store-unavailable', 'rate-limited', 'read-only', 'quota-exceeded'];

export class ChatLog {
  /** `keep`: most messages held (the server keeps its own newest; this only bounds memory). */
  constructor({ keep = 500 } = {}) {
    this.keep = keep;
    this.messages = [];
    this.unread = 0;
    this.sending = null; // the text on its way, until its echo or a refusal
  }

  get lastId() {
    return this.messages.length ? this.messages[this.messages.length - 1].id : 0;
  }

  /**
   * Takes one `chat` frame. `open`: the person sees the chat now (nothing becomes unread).
   * Returns the messages it added, in order.
   */
  receive(frame, { selfClientId, open }) {
    const known = new Set(this.messages.map((m) => m.id));
    const firstJoin = frame.history === true && this.messages.length === 0;
    const added = (Array.isArray(frame.messages) ? frame.messages : [])
      .filter((m) => Number.isSafeInteger(m?.id) && !known.has(m.id) && typeof m.text === 'string');
    if (added.length === 0) return added;
    this.messages = [...this.messages, ...added].sort((a, b) => a.id - b.id).slice(-this.keep);
    for (const m of added) {
      const ours = m.clientId === selfClientId;
      if (ours && this.sending !== null && m.text === this.sending) this.sending = null;
      // A first history is the past, not news; a later one brings what was said while we were away.
      if (!ours && !open && !firstJoin) this.unread++;
    }
    return added;
  }

  /** The person opened the chat: everything is read. */
  read() {
    this.unread = 0;
  }

  /** A text leaves; false when one is already on its way (one at a time keeps refusals unambiguous). */
  send(text) {
    if (this.sending !== null) return false;
    this.sending = text;
    return true;
  }

  /** The socket could not take it, or dropped: the text is no longer on its way. */
  unsent() {
    this.sending = null;
  }

  /**
   * An `error` frame. Returns the code when it refuses our chat message (which is then no longer on
   * its way), else null: the error is someone else's business (a refused op names its `seq`).
   */
  refused(code, seq) {
    const aboutAnOp = Number.isInteger(seq) && seq > 0;
    if (CHAT_CODES.includes(code) || (this.sending !== null && !aboutAnOp && SHARED_CODES.includes(code))) {
      this.sending = null;
      return code;
    }
    return null;
  }
}
