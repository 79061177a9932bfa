// One pad open in this tab: the client core, its socket and its saved state, driven by the server's
// messages (docs/protocol.md), which reach it through receiveServerMessage (the core changes first,
// then the on… methods below update the editor, the saved state and the UI). The page gives it an
// `editor` (what CodeMirror shows) and a `ui` (status bar, participants); this file never touches the DOM.
//
// editor: reset(attributedDoc), applyRemote(op, authorId), setEditable(bool),
//         applySnapshot(op, attributedDoc) (op moves the text onto the snapshot, keeping the caret;
//         the doc's runs give every character its author),
//         setRemoteCursor(member, {anchor, head} | null), setAuthorColors(Map authorId -> color),
//         setLocalAuthor(authorId) (optional: whom this tab's inserts are shown as, learnt from `joined`)
// ui:     status({connection, pending, storageFailed}) (pending: characters not yet acknowledged, null
//         while no text is known), presence(members, ownClientId), error(code, message),
//         chat(message) (a `chat` frame), chatRefused(errorMessage) → true when the error refused
//         our chat message (then shown by the chat, not the status bar); both optional,
//         ownColor(color) (the pad gave this tab another colour than its profile's: not picked, and taken)
//         policy(view) (WriteGate.view(): lock, password, deletion date), passwordRefused(errorMessage)

import { Client, ResyncError } from '../client/client.js';
import { receiveServerMessage } from '../client/server-messages.js';
import { Connection, padSocketUrl } from './connection.js';
import { PadPresence } from './presence.js';
import { dropOutstanding } from './refused-op.js';
import { StateWriter, sweepAbandoned } from './saved-state.js';
import { browserAuthorSecret } from './identity.js';
import { fetchAuthorColors } from './author-colors.js';
import { PadAccess } from './pad-access.js';

const CURSOR_INTERVAL_MS = 100;

/** Whether a saved client state (Client.toStorage()) holds unsent ops. */
export const hasPending = (stored) => Boolean(stored && (stored.outstanding || stored.buffer));

/**
 * Characters inserted or deleted between the acknowledged text and the text shown (the client
 * state's outstanding op composed with its buffer): "14 characters not saved yet" after typing
 * "Bonjour à tous" is what the person wrote, whereas a count of ops or keystrokes (one per key, more
 * with autocorrect, also for what was typed and erased again) reads as a backlog.
 */
export function unsavedCharacters(state) {
  if (!state.outstanding) return 0;
  const unsaved = state.buffer ? state.outstanding.compose(state.buffer) : state.outstanding;
  let count = 0;
  for (const c of unsaved.ops) {
    if (typeof c === 'string') count += [...c].length; // an emoji is one character (two code units)
    else if (c < 0) count -= c;
  }
  return count;
}

export class PadSession {
  /**
   * `chosen` comes from chooseClient (choose-client.js). `transport` is for tests: {url,
   * WebSocketImpl, random} replace the page's socket address, WebSocket and reconnect jitter.
   */
  constructor({ padId, profile, editor, ui, chosen, storage = globalThis.localStorage, tabStorage = globalThis.sessionStorage, transport = {} }) {
    // Who wrote in this pad, with their colours, for the text of people who are not here (null: not asked).
    this.fetchAuthors = transport.fetchAuthors ?? (globalThis.location ? fetchAuthorColors : null);
    Object.assign(this, { padId, profile, editor, ui, connectionState: 'connecting', joinFresh: false });
    Object.assign(this, { lastCursor: null, lastCursorAt: 0, cursorTimer: null });
    // Where the others place our caret from our last op (TextOperation.caretAfter), in this editor's
    // positions; null once a cursor message told them otherwise.
    this.impliedCaret = null;
    this.client = this.createClient(storage, chosen);
    this.presence = new PadPresence({ storage, padId, editor, ui, self: () => this.self() });
    this.writer = new StateWriter(storage, padId, this.client);
    this.access = new PadAccess(this, tabStorage);
    sweepAbandoned(storage, padId, this.client.secret, hasPending);
    this.connection = new Connection({
      url: transport.url ?? padSocketUrl(padId),
      WebSocketImpl: transport.WebSocketImpl,
      random: transport.random,
      onOpen: () => this.sendJoin(),
      onMessage: (m) => this.receive(m),
      onState: (s) => this.onConnectionState(s),
    });
  }

  /** {secret, saved}: the saved state is restored when it is usable. */
  createClient(storage, { secret, saved }) {
    const options = {
      send: (m) => this.send(m),
      onError: (e) => console.warn(`pad=${this.padId} client=${this.client?.clientId}`, e),
    };
    if (saved) {
      try {
        return Client.fromStorage(saved.stored, { secret, authorSecret: browserAuthorSecret(storage), ...options });
      } catch (e) {
        console.warn(`pad=${this.padId} saved state unusable, starting fresh`, e);
      }
    }
    return new Client({ secret, authorSecret: browserAuthorSecret(storage), ...options });
  }

  start() {
    const doc = this.client.document();
    // Restored: show and edit at once, even offline; the server catches up when it answers.
    if (doc) this.editor.reset(doc);
    this.editor.setEditable(Boolean(doc));
    this.presence.showOnlySelf();
    this.connection.start();
    this.report();
  }

  /** Joined on a live socket: the core is online and ops and cursors may be sent. */
  get joined() {
    return this.client.online;
  }

  self() {
    const { name, color } = this.profile;
    return { clientId: this.client.clientId, authorId: this.client.authorId, name, color };
  }

  /** The page is being hidden or unloaded: write the full state now. */
  flush() { this.writer.compact(); }

  /** Ends this session (the page is gone): no socket, no timer, no further write. */
  close() {
    clearTimeout(this.cursorTimer);
    clearTimeout(this.resendTimer);
    clearTimeout(this.profileTimer);
    this.connection.stop();
    this.writer.stop();
  }

  /**
   * The pad was deleted on the server: the socket closes for good (no reconnect), nothing is sent or
   * saved any more, and the text stays on screen, read-only, for the person to keep a copy.
   */
  padDeleted() {
    clearTimeout(this.cursorTimer);
    clearTimeout(this.resendTimer);
    clearTimeout(this.profileTimer);
    this.deleted = true;
    this.connection.stop(); // reported as 'deleted', never reconnects
    this.writer.forget();
    this.editor.setEditable(false);
    this.ui.padDeleted?.();
  }

  send(message) {
    if (!message) return false;
    if (!this.joined && message.type !== 'join') return false;
    if (message.type === 'op') this.connection.expectReply();
    return this.connection.send(message);
  }

  /** `fresh`: ask for the whole text instead of a replay (our rev is unknown to the server, or wrong). */
  sendJoin(fresh = this.joinFresh) {
    const { name, color, colorChosen } = this.profile;
    // A colour the person did not pick is a preference: the pad keeps it only if nobody there has it.
    const message = this.client.joinMessage(colorChosen ? { name, color } : { name, preferredColor: color });
    if (fresh) delete message.rev;
    this.access.addToJoin(message);
    this.connection.send(message);
  }

  setProfile(profile) {
    this.profile = profile;
    if (!this.joined) return this.presence.showOnlySelf();
    this.presence.remember([]);
    return this.connection.send({ type: 'profile', name: profile.name, color: profile.color });
  }

  /** Sends a chat message; false when it could not leave (not joined, no socket). */
  sendChat(text) {
    return this.joined && this.connection.send({ type: 'chat', text });
  }

  onChat(m) {
    this.ui.chat?.(m);
  }

  /** A local edit from the binding. */
  localOperation(op) {
    if (this.client.rev === null) return; // the editor is read-only until the first joined
    this.client.applyClient(op);
    this.impliedCaret = op.caretAfter() ?? this.impliedCaret;
    this.writer.changed();
    this.report();
  }

  /** The local selection moved; shared only when no op is waiting (the server could not place it). */
  localSelection(range) {
    this.lastSelection = range;
    if (this.cursorTimer) return; // a send is already scheduled; it will take the latest selection
    // At most one cursor message per CURSOR_INTERVAL_MS: a held arrow key must not eat the
    // connection's message budget (the server rate-limits every message, ops included).
    const wait = this.lastCursorAt + CURSOR_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.cursorTimer = setTimeout(() => {
        this.cursorTimer = null;
        this.sendCursor();
      }, wait);
    } else {
      this.sendCursor();
    }
  }

  sendCursor() {
    const range = this.lastSelection;
    const message = range && this.client.cursorMessage(range.anchor, range.head);
    if (!message) return;
    // A caret where our last op left it: the others already placed it there from the op itself.
    // Why it matters: a typist would otherwise send a cursor after every ack, half its messages.
    if (range.anchor === range.head && range.head === this.impliedCaret) return;
    const key = `${message.rev}:${range.anchor}:${range.head}`;
    if (key === this.lastCursor) return;
    this.lastCursor = key;
    this.lastCursorAt = Date.now();
    this.impliedCaret = null;
    this.connection.send(message);
  }

  receive(message) {
    try {
      receiveServerMessage(this.client, message, this);
    } catch (e) {
      // A message we cannot apply means our document and the server's differ: start over from the
      // server's text (a replay from our rev would bring the same message again). A ResyncError is
      // a known race (Client.serverAck), anything else a bug.
      const log = e instanceof ResyncError ? console.warn : console.error;
      log(`pad=${this.padId} client=${this.client.clientId} cannot apply ${message?.type}; joining again for the text`, e);
      this.joinFresh = true;
      this.connection.drop();
    }
  }

  onJoined(m, forEditor) {
    if (typeof m.text === 'string') this.joinFresh = false;
    // Members who joined meanwhile never saw our ops or our cursor: tell them where we are. Reset
    // before the editor changes, as the editor reports its selection (a cursor) as it changes.
    this.lastCursor = null;
    this.impliedCaret = null;
    this.editor.setLocalAuthor?.(this.client.authorId);
    if (typeof m.text === 'string') {
      // A snapshot replacing a text we showed: its authors too, not only its characters.
      if (forEditor) this.editor.applySnapshot(forEditor, this.client.document());
      else this.editor.reset(this.client.document());
      this.writer.compact();
    } else {
      this.writer.changed();
    }
    this.editor.setEditable(this.access.joined(m.policy));
    this.connection.markHealthy();
    this.learnAuthors();
    this.sendCursor();
    this.report();
  }

  onAck(acknowledged) {
    this.ui.error(null);
    this.access.revised();
    this.writer.recordServerOp(acknowledged, this.client.authorId);
    if (!this.client.hasPending()) this.sendCursor();
    this.report();
  }

  onRemoteOp(forEditor, m) {
    this.access.revised();
    this.editor.applyRemote(forEditor, m.authorId ?? '');
    if (m.authorId && !this.presence.knowsColor(m.authorId)) this.learnAuthors(); // e.g. a restore by someone not here
    this.writer.recordServerOp(m.op, m.authorId ?? '');
    if (this.impliedCaret !== null) this.impliedCaret = forEditor.transformIndex(this.impliedCaret);
    // An op moves its author's caret (docs/protocol.md). forEditor is the op as this editor applied
    // it (after our unacknowledged edits), so its caret is already in this editor's positions.
    const caret = forEditor.caretAfter();
    if (caret !== null && this.presence.isMember(m.clientId)) this.presence.showCursor(m.clientId, { anchor: caret, head: caret });
  }

  onRemoteCursor(clientId, range) {
    if (this.presence.isMember(clientId)) this.presence.showCursor(clientId, range);
  }

  onPresence(m) {
    const own = Array.isArray(m.members) ? m.members.find((member) => member.clientId === this.client.clientId) : null;
    if (own && own.color !== this.profile.color && !this.profile.colorChosen && /^#[0-9a-f]{6}$/i.test(own.color ?? '')) {
      this.profile = { ...this.profile, color: own.color };
      this.ui.ownColor?.(own.color);
    }
    this.presence.update(m.members);
  }

  /** Asks the server who wrote in this pad, with which colour (one request at a time; errors are ignored). */
  learnAuthors() {
    if (!this.fetchAuthors) return;
    if (this.authorsRequest) {
      this.authorsAgain = true;
      return;
    }
    this.authorsRequest = this.fetchAuthors(this.padId)
      .then((colors) => this.presence.rememberAuthors(colors))
      .catch(() => {}) // colours are a comfort: the next joined asks again
      .finally(() => {
        this.authorsRequest = null;
        if (this.authorsAgain) {
          this.authorsAgain = false;
          this.learnAuthors();
        }
      });
  }

  /**
   * Refusals of our outstanding op that a later resend cures (rate limit, store outage) are resent
   * after a pause; refusals meaning our state is wrong (bad-op, bad-rev, seq-gap) rejoin from rev.
   * rev-too-old (our op is based too far behind the head for the server to rebase it) rejoins for
   * the text: a replay would come after the resend of the op at the same old rev; the text rebases
   * the pending ops here (Client.rebase), they are resent on the head, and nothing is lost or shown.
   */
  onServerError(m) {
    if (m.code === 'pad-deleted') {
      this.padDeleted();
      return;
    }
    const forChat = this.ui.chatRefused?.(m) === true;
    const ours = m.seq !== undefined && m.seq === this.client.state.seq;
    if (this.access.serverError(m, ours)) return;
    // rate-limited names no seq (the server drops the frame unread): resending is harmless (dedupe).
    if ((m.code === 'rate-limited' && this.client.hasPending()) || (ours && m.code === 'store-unavailable')) {
      clearTimeout(this.resendTimer);
      this.resendTimer = setTimeout(() => this.send(this.client.resend()), m.code === 'rate-limited' ? 1000 : 3000);
    } else if (ours && m.code === 'pad-too-large') {
      this.editor.applyRemote(dropOutstanding(this.client), this.client.authorId);
        this.writer.changed();
      this.report();
    } else if (ours && m.code === 'rev-too-old') {
      this.joinFresh = true;
      this.connection.drop();
      console.warn(`pad=${this.padId} client=${this.client.clientId} op too far behind the head; joining again for the text`);
      return;
    } else if (ours && ['bad-op', 'bad-rev', 'seq-gap'].includes(m.code)) {
      this.connection.drop();
    } else if (m.code === 'profile-rate-limited') {
      // The change was not applied: the profile as it is now (the person may have changed it again) goes a second later.
      clearTimeout(this.profileTimer);
      this.profileTimer = setTimeout(() => this.joined && this.setProfile(this.profile), 1000);
    } else if (!this.joined && m.code === 'bad-rev') {
      this.sendJoin(true); // the pad is behind our rev (it was reset): take its text, rebase our edits
      return;
    }
    console.warn(`pad=${this.padId} client=${this.client.clientId} server error ${m.code}: ${m.message}`);
    if (!['rate-limited', 'profile-rate-limited'].includes(m.code) && !forChat) this.ui.error(m.code, m.message);
  }

  /** A policy frame: the owner changed something, or our `unlock` succeeded. */
  onPolicy(m) {
    this.access.policy(m);
  }

  /** The person typed the edit password (the page's prompt). */
  unlock(password) {
    this.access.unlock(password);
  }

  onConnectionState(state) {
    this.connectionState = state;
    if (state !== 'open' && this.joined) {
      this.client.disconnected();
      this.presence.showOnlySelf();
    }
    this.report();
  }

  report() {
    const connection = this.deleted ? 'deleted' : this.joined ? 'online'
      : this.connectionState === 'open' ? 'connecting' : this.connectionState;
    // No text yet (first visit, not joined): nothing typed, nothing to claim saved.
    // Deleted: nothing will be saved any more, so nothing is claimed about saving.
    const pending = this.client.rev === null || this.deleted ? null
      : this.client.hasPending() ? Math.max(1, unsavedCharacters(this.client.state)) : 0;
    this.ui.status({ connection, pending, storageFailed: this.writer.failed });
  }
}

