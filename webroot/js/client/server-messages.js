// The one place where the server's messages (docs/protocol.md, "Messages, server → client") reach the
// client core. The pad page's session and the read-only viewers both receive through here, so each
// message type is read one way only; a viewer is a client that never edits.
//
// The core changes first, then the listener hears what that means for the page. Listener methods,
// each optional:
//   onJoined(message, forEditor)      the core took `joined`. With text, forEditor is the op moving a
//                                     document the editor already showed onto the snapshot, or null
//                                     when the editor has none yet (show client.document()).
//   onAck(op, rev)                    our op became revision rev (a repeated ack is not reported)
//   onRemoteOp(forEditor, message)    another client's revision, as this editor must apply it
//   onRemoteCursor(clientId, range)   a member's selection on our rev, moved past our pending edits
//   onPresence(message)               the member list, whole ({members, viewers}) even when the
//                                     server told only what changed (see roster.js)
//   onServerError(message)
//   onPolicy(message)                 the pad's policy changed (lock, password, lifetime), or this
//                                     connection may write now (after `unlock`); the core has no part
//   onChat(message)                   chat messages (history after a join, or one just stored); the
//                                     core has no part in them
// A message that contradicts the core (a missing revision, an ack never asked for) throws before
// changing anything: the caller then starts over with a join without rev (the server's text), since
// a replay from our rev would bring the same message again.

import { unbatch } from './batch.js';
import { Roster } from './roster.js';

const rosters = new WeakMap(); // client -> Roster: the list its connection was told

/** Hands one server message to `client` (a Client) and tells `listener` what changed. */
export function receiveServerMessage(client, message, listener) {
  switch (message?.type) {
    case 'joined': {
      // The core first, even for a listener without onJoined (`?.` would skip the argument).
      const forEditor = client.onJoined(message);
      return listener.onJoined?.(message, forEditor);
    }
    case 'ack': {
      const acknowledged = client.serverAck(message.seq, message.rev, message.op);
      if (acknowledged) listener.onAck?.(acknowledged, message.rev);
      return undefined;
    }
    case 'op': {
      const forEditor = client.applyServer(message.rev, message.op, message.authorId ?? '');
      if (forEditor) listener.onRemoteOp?.(forEditor, message); // null: a replay overlap, already seen
      return undefined;
    }
    case 'batch':
      // Our own revisions in it are our acks: unbatch() turns them into `ack` messages.
      for (const inner of unbatch(message, client.clientId)) receiveServerMessage(client, inner, listener);
      return undefined;
    case 'cursor': {
      // A cursor on another rev would land on the wrong characters; the next one will be on ours.
      if (message.rev !== client.rev) return undefined;
      const range = client.transformSelection({ anchor: message.anchor, head: message.head });
      return listener.onRemoteCursor?.(message.clientId, range);
    }
    case 'presence': {
      if (!rosters.has(client)) rosters.set(client, new Roster());
      return listener.onPresence?.(rosters.get(client).apply(message));
    }
    case 'error':
      return listener.onServerError?.(message);
    case 'chat':
      return listener.onChat?.(message);
    case 'policy':
      return listener.onPolicy?.(message);
    case 'pong':
      return undefined; // only proves the socket alive, which any message does
    default:
      return undefined; // the protocol grows by additions: ignore what we do not know
  }
}
