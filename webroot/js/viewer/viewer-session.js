// A read-only client of the pad protocol (docs/protocol.md, "Read-only links"): it joins through a
// read-only socket, shows the text and every later revision, and never sends an op, a cursor or a
// profile (the server would refuse them with `read-only`). Used by the projector and the read-only
// page; this file never touches the DOM.
//
// view:  reset(text), apply(op) -> throws when the op does not fit the text shown
// ui:    status(connection), presence(writers, viewers), error(code, message)

import { TextOperation } from '../ot/text-operation.js';
import { unbatch } from '../client/batch.js';
import { Connection } from '../pad/connection.js';
import { randomId } from '../pad/identity.js';

/** ws:// or wss:// URL of a read-only link's socket on the page's own host. */
export function readOnlySocketUrl(readOnlyId, location = globalThis.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws/r/${encodeURIComponent(readOnlyId)}`;
}

export class ViewerSession {
  constructor({ url, view, ui, WebSocketImpl }) {
    this.view = view;
    this.ui = ui;
    this.clientId = randomId();
    this.rev = null;
    this.joined = false;
    this.connection = new Connection({
      url,
      WebSocketImpl,
      onOpen: () => this.sendJoin(),
      onMessage: (m) => this.receive(m),
      onState: (s) => this.onConnectionState(s),
    });
  }

  start() {
    this.connection.start();
  }

  sendJoin() {
    // With a rev the server replays what we missed; the name is never shown (viewers are not listed).
    const join = { type: 'join', clientId: this.clientId, name: 'viewer', batch: true };
    if (this.rev !== null) join.rev = this.rev;
    this.connection.send(join);
  }

  receive(m) {
    try {
      this.dispatch(m);
    } catch (e) {
      // An op that does not fit our text: start over with the full text.
      console.warn(`client=${this.clientId} cannot apply ${m?.type}; rejoining`, e);
      this.rev = null;
      this.connection.drop();
    }
  }

  dispatch(m) {
    switch (m?.type) {
      case 'joined':
        this.joined = true;
        if (typeof m.text === 'string') this.view.reset(m.text);
        this.rev = m.rev;
        this.connection.markHealthy();
        return this.ui.status('online');
      case 'op':
        if (m.rev <= this.rev) return undefined; // replay overlap: already shown
        if (m.rev !== this.rev + 1) throw new Error(`rev ${m.rev} after ${this.rev}`);
        this.view.apply(TextOperation.fromJSON(m.op), m.authorId ?? '');
        this.rev = m.rev;
        return undefined;
      case 'batch':
        return unbatch(m, this.clientId).forEach((inner) => this.dispatch(inner));
      case 'presence':
        return this.ui.presence(Array.isArray(m.members) ? m.members : [], Number(m.viewers) || 0);
      case 'error':
        return this.ui.error(m.code, m.message);
      default:
        return undefined; // additive protocol
    }
  }

  onConnectionState(state) {
    if (state !== 'open') this.joined = false;
    this.ui.status(state === 'open' ? 'connecting' : state);
  }
}
