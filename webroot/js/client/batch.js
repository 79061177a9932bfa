// A `batch` frame (docs/protocol.md): one flush of the pad, the same frame for every member.
// unbatch() turns it into the messages it stands for, in order: a revision of our own clientId is
// our ack (with the op as committed, which a lone ack frame lacks), our own cursor is skipped,
// anything else than `op` and `cursor` is ignored (additive).

/** The `ack`, `op` and `cursor` messages that `batch` carries for the tab `clientId`. */
export function unbatch(batch, clientId) {
  const out = [];
  for (const m of Array.isArray(batch?.messages) ? batch.messages : []) {
    if (m?.type === 'op') {
      out.push(m.clientId === clientId ? { type: 'ack', seq: m.seq, rev: m.rev, op: m.op } : m);
    } else if (m?.type === 'cursor' && m.clientId !== clientId) {
      out.push(m);
    }
  }
  return out;
}
