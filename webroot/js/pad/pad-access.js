// What the owner's policy (lock, edit password, lifetime) means for one PadSession: the write gate
// (an op refused by the policy is kept and resent once writing is allowed: write-gate.js), the
// password this tab gives (pad-password.js), and what the page is told (ui.policy,
// ui.passwordRefused). Split from pad-session.js, which stays about ops, acks and the socket.

import { POLICY_REFUSALS, WriteGate } from './write-gate.js';
import { PadPassword } from './pad-password.js';

export class PadAccess {
  constructor(session, tabStorage) {
    this.session = session;
    this.password = new PadPassword(tabStorage, session.padId);
    this.gate = new WriteGate({
      onChange: (view) => this.changed(view),
      resend: () => session.send(session.client.resend()),
    });
  }

  /** Whether the editor may take typing now. */
  get canWrite() {
    return this.gate.canWrite;
  }

  /** Adds the password this tab knows to a `join` message. */
  addToJoin(message) {
    const password = this.password.forJoin();
    if (password !== null) message.password = password;
  }

  /** The policy of `joined`; returns whether the editor may take typing. */
  joined(policy) {
    if (readCanWrite(policy)) this.password.accepted();
    this.gate.joined(policy);
    return this.gate.canWrite;
  }

  /** A `policy` frame: the owner changed something, or our `unlock` succeeded. */
  policy(message) {
    if (readCanWrite(message)) this.password.accepted();
    this.gate.update(message);
  }

  /** A new revision of the pad: the deletion date moves (every edit restarts the lifetime). */
  revised() {
    this.gate.revised();
  }

  /** The person typed the edit password: `unlock` on a joined socket, else a join that carries it. */
  unlock(password) {
    this.password.offer(password);
    if (this.session.joined) this.session.connection.send({ type: 'unlock', password });
    else this.session.sendJoin();
  }

  /**
   * Refusals by the pad's policy (docs/protocol.md): our op is kept and held (pad-locked,
   * password-required), a join refused for want of a password asks for one (as does a socket the
   * server closes because the owner now protects reading too: no seq), a wrong password is
   * forgotten and said (a refused join goes again without it). True when `m` was one of them.
   */
  serverError(m, ours) {
    const session = this.session;
    if (POLICY_REFUSALS.includes(m.code) && (ours || m.seq === undefined || !session.joined)) {
      this.gate.refused(m.code);
      session.report();
      return true;
    }
    if (m.code !== 'wrong-password' && m.code !== 'password-rate-limited') return false;
    this.password.refused();
    session.ui.passwordRefused?.(m);
    if (!session.joined) session.sendJoin();
    return true;
  }

  changed(view) {
    const session = this.session;
    if (session.joined && !session.deleted) session.editor.setEditable(view.canWrite);
    session.ui.policy?.(view);
  }
}

const readCanWrite = (policy) => Boolean(policy) && policy.canWrite === true;
