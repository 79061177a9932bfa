// A read-only client of the pad protocol (docs/protocol.md, "Read-only links"): it joins through a
// read-only socket, shows the text and every later revision, and never sends an op, a cursor or a
// profile (the server would refuse them with `read-only`). It is the pad page's client core, fed by
// the same receiveServerMessage, that simply never edits. Used by the projector and the read-only
// page; this file never touches the DOM.
//
// view:  reset(text), apply(op) -> throws when the op does not fit the text shown
// ui:    status(connection), presence(writers, viewers), error(code, message), chat(frame) (optional),
//        password(errorMessage | null) (optional: the owner protects read-only views with the edit
//        password; an error frame asks for it, null once a join with it was accepted)

import { Client } from '../client/client.js';
import { receiveServerMessage } from '../client/server-messages.js';
import { Connection } from '../pad/connection.js';
import { randomId } from '../pad/identity.js';
import { PadPassword } from '../pad/pad-password.js';

const PASSWORD_ERRORS = ['password-required', 'wrong-password', 'password-rate-limited'];

/** ws:// or wss:// URL of a read-only link's socket on the page's own host. */
export function readOnlySocketUrl(readOnlyId, location = globalThis.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/r/${encodeURIComponent(readOnlyId)}`;
}

/**
 * The projector's socket: read-only, reached by the pad's name (the projector is opened from the
 * pad, by someone who may write anyway), so it works on a pad nobody wrote in yet, which has no
 * read-only id.
 */
export function projectorSocketUrl(padName, location = globalThis.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/${encodeURIComponent(padName)}/projector`;
}

export class ViewerSession {
  /** `WebSocketImpl` and `random` (the reconnect jitter's source) are for tests. */
  constructor({ url, view, ui, WebSocketImpl, random, tabStorage = globalThis.sessionStorage }) {
    this.view = view;
    this.ui = ui;
    this.password = new PadPassword(tabStorage, url);
    this.client = freshClient(randomId());
    this.connection = new Connection({
      url,
      WebSocketImpl,
      random,
      onOpen: () => this.sendJoin(),
      onMessage: (m) => this.receive(m),
      onState: (s) => this.onConnectionState(s),
    });
  }

  /** The revision shown, null before the first `joined`. */
  get rev() {
    return this.client.rev;
  }

  get joined() {
    return this.client.online;
  }

  start() {
    this.connection.start();
  }

  /** Ends this session (the page is gone): no socket, no timer. */
  close() {
    this.connection.stop();
  }

  sendJoin() {
    // With a rev the server replays what we missed; the name is never shown (viewers are not listed).
    const message = this.client.joinMessage({ name: 'viewer' });
    const password = this.password.forJoin();
    if (password !== null) message.password = password;
    this.connection.send(message);
  }

  /** The password typed in the prompt: a join that carries it (the refused join left the socket open). */
  unlock(password) {
    this.password.offer(password);
    this.sendJoin();
  }

  receive(m) {
    try {
      receiveServerMessage(this.client, m, this);
    } catch (e) {
      // An op that does not fit our text: start over with the full text.
      console.warn(`client=${this.client.clientId} cannot apply ${m?.type}; rejoining`, e);
      this.client = freshClient(this.client.secret);
      this.connection.drop();
    }
  }

  onJoined(m) {
    this.password.accepted();
    this.ui.password?.(null);
    if (typeof m.text === 'string') this.view.reset(this.client.document().text);
    this.connection.markHealthy();
    this.ui.status('online');
  }

  onRemoteOp(forEditor, m) {
    this.view.apply(forEditor, m.authorId ?? '');
  }

  onPresence(m) {
    this.ui.presence(Array.isArray(m.members) ? m.members : [], Number(m.viewers) || 0);
  }

  onServerError(m) {
    if (PASSWORD_ERRORS.includes(m.code)) {
      if (m.code !== 'password-required') this.password.refused();
      this.ui.password?.(m);
      return;
    }
    this.ui.error(m.code, m.message);
    if (m.code === 'pad-deleted') {
      // The pad is gone for good: keep the text shown, say so, and never reconnect.
      this.deleted = true;
      this.connection.stop();
      this.ui.status('deleted');
    }
  }

  /** Chat frames go to the page, which may show them (the projector only when asked to). */
  onChat(m) {
    this.ui.chat?.(m);
  }

  onConnectionState(state) {
    if (state !== 'open') this.client.disconnected();
    if (this.deleted) return; // 'stopped' after pad-deleted: the page keeps saying the pad is deleted
    this.ui.status(state === 'open' ? 'connecting' : state);
  }
}

/** A client core without a document; it never sends, as a viewer never edits. */
function freshClient(secret) {
  return new Client({ secret, send: () => {} });
}
