// The pad's member list as the server tells it (docs/protocol.md, `presence`): the whole list once,
// right after a join, then what changed (`changed`: writers who joined or changed their profile,
// `left`: clientIds of writers who left, `viewers`: how many read-only connections watch).

/** One connection's member list; a new join starts it again with the whole list. */
export class Roster {
  constructor() {
    this.members = new Map(); // clientId -> {clientId, authorId, name, color}, in joining order
    this.viewers = 0;
  }

  /** Takes a `presence` message and returns it as the whole list: `{type, members, viewers}`. */
  apply(message) {
    if (Array.isArray(message.members)) {
      this.members = new Map(message.members.map((m) => [m.clientId, m]));
      this.viewers = Number(message.viewers) || 0;
    } else {
      for (const clientId of Array.isArray(message.left) ? message.left : []) this.members.delete(clientId);
      // A Map keeps a key's place when it is set again: a renamed writer stays where it was.
      for (const m of Array.isArray(message.changed) ? message.changed : []) {
        if (typeof m?.clientId === 'string') this.members.set(m.clientId, m);
      }
      if ('viewers' in message) this.viewers = Number(message.viewers) || 0;
    }
    return { type: 'presence', members: [...this.members.values()], viewers: this.viewers };
  }
}
