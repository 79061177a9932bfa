// Whether this tab may write in its pad, from the pad's policy (the `policy` of `joined` and the
// `policy` frames, docs/protocol.md): the owner may lock the pad or ask for a password. The gate
// never drops text. An op the server refused because of the policy (`pad-locked`,
// `password-required`) stays outstanding, with everything typed after it in the buffer; the gate
// holds it until a policy brings `canWrite: true`, then has it resent under its seq (the server did
// not commit it, so the seq is still free). Pure: no DOM, no socket, no clock but the one given.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Error codes by which the server refuses an op because of the pad's policy (the op is kept). */
export const POLICY_REFUSALS = Object.freeze(['pad-locked', 'password-required']);

/** A policy as the wire gives it, with safe defaults for missing fields (an older server: writable, no date). */
export function readPolicy(wire) {
  const p = wire && typeof wire === 'object' ? wire : {};
  const days = Number.isFinite(p.lifetimeDays) && p.lifetimeDays >= 0 ? p.lifetimeDays : null;
  return {
    lifetimeDays: days,
    deletesAt: Number.isFinite(p.deletesAt) ? p.deletesAt : null,
    locked: p.locked === true,
    passwordRequired: p.passwordRequired === true,
    protectReadOnly: p.protectReadOnly === true,
    canWrite: p.canWrite !== false,
  };
}

export class WriteGate {
  /**
   * onChange(view): the policy shown changed (view: {locked, passwordRequired, canWrite, deletesAt,
   * lifetimeDays}); resend(): send the held op again; now(): epoch ms.
   */
  constructor({ onChange = () => {}, resend = () => {}, now = () => Date.now() } = {}) {
    Object.assign(this, { onChange, resend, now });
    this.policy = readPolicy(null);
    this.known = false; // no policy heard yet: nothing to say about a date
    this.held = false;
  }

  /** Writing is allowed and no refused op is waiting for the policy to change. */
  get canWrite() {
    return this.policy.canWrite && !this.held;
  }

  /** A policy from `joined` or a `policy` frame. Releases a held op when writing is allowed again. */
  update(wire) {
    if (!wire) return;
    this.policy = readPolicy(wire);
    this.known = true;
    const release = this.held && this.policy.canWrite;
    if (release) this.held = false;
    this.changed();
    if (release) this.resend();
  }

  /**
   * The policy of a `joined`: the client core has already resent any op the server did not commit
   * (refused again if writing is still not allowed), so nothing is held and nothing is resent here.
   */
  joined(wire) {
    this.held = false;
    if (wire) this.update(wire);
    else this.changed();
  }

  /**
   * The server refused our outstanding op with `code`. True when the refusal is the policy's: the op
   * is held (kept, not resent) and the pad shown read-only for that reason until a policy frees it.
   */
  refused(code) {
    if (!POLICY_REFUSALS.includes(code)) return false;
    this.held = true;
    // The policy frame that explains it may still be on its way: show the reason the refusal gives.
    if (code === 'pad-locked') this.policy = { ...this.policy, locked: true, canWrite: false };
    else this.policy = { ...this.policy, passwordRequired: true, canWrite: false };
    this.changed();
    return true;
  }

  /** A new revision of the pad (ours or another's): every edit restarts the pad's lifetime. */
  revised() {
    if (this.policy.lifetimeDays === null || this.policy.lifetimeDays === 0) return;
    const deletesAt = this.now() + this.policy.lifetimeDays * DAY_MS;
    // Day precision is shown: a change of a few seconds is not worth a redraw.
    if (this.policy.deletesAt !== null && Math.abs(deletesAt - this.policy.deletesAt) < 60_000) return;
    this.policy = { ...this.policy, deletesAt };
    this.changed();
  }

  /** What the page shows of the policy. */
  view() {
    const { locked, passwordRequired, deletesAt, lifetimeDays } = this.policy;
    return { known: this.known, locked, passwordRequired, canWrite: this.canWrite, held: this.held, deletesAt, lifetimeDays };
  }

  changed() {
    this.onChange(this.view());
  }
}
