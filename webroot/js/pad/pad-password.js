// The edit password of a pad, as this tab knows it. Kept in sessionStorage once the server accepted
// it, so that this tab's reconnects and reloads send it in `join` without asking again; never in
// localStorage (other tabs, later visits), never in an address, never in a log.

const PREFIX = 'ardoise.password.';

export class PadPassword {
  constructor(storage, padId) {
    Object.assign(this, { storage, key: PREFIX + padId, offered: null });
  }

  /** The password to send in `join`: the one being tried, else the one accepted before, else null. */
  forJoin() {
    if (this.offered !== null) return this.offered;
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch (e) {
      return null;
    }
  }

  /** The person typed `password`; it goes in the next `unlock` or `join`. */
  offer(password) {
    this.offered = password;
  }

  /** The server let this connection write: keep the password tried for this tab's reconnects. */
  accepted() {
    if (this.offered === null) return;
    try {
      this.storage?.setItem(this.key, this.offered);
    } catch (e) {
      // not remembered: the next reconnect asks again
    }
    this.offered = null;
  }

  /** The server refused it (wrong, or too many tries): forget it, so it is not sent again. */
  refused() {
    this.offered = null;
    try {
      this.storage?.removeItem(this.key);
    } catch (e) {
      // nothing stored
    }
  }
}
