package ardoise.pad;

import java.util.List;

/**
 * One connection as a pad talks to it: what the pad emits, nothing more. The pad keeps who the
 * member is (its {@link Arrival}) itself; a connection never answers questions.
 *
 * <p>Thread rule: the pad calls these on the member's own context (directly when the member lives
 * on the pad's event loop, else through one task per loop, see {@link Seat}), in the order the
 * client must see the messages. Implementations encode and send, and never call back into the pad
 * synchronously.
 */
public interface Member {

  /** Join done: the client is at {@code rev}; {@code snapshot} is null when a replay follows instead. */
  void joined(long rev, JoinSnapshot snapshot, long lastSeq);

  /** Join done, with what the pad's policy means for this connection (see {@link PolicyView}). */
  default void joined(long rev, JoinSnapshot snapshot, long lastSeq, PolicyView policy) {
    joined(rev, snapshot, lastSeq);
  }

  /** The pad's policy changed, or this connection gave the password: what it means for this connection now. */
  default void policy(PolicyView policy) { }

  /** As {@link #rejected(Rejection, String, long)}, with the seconds to wait before trying again. */
  default void rejected(Rejection reason, String message, long seq, long retryAfterSeconds) {
    rejected(reason, message, seq);
  }

  /**
   * One flush of the pad's fan-out: committed revisions (this member's own ones are its acks), then
   * moved cursors. The same value for every member.
   */
  void broadcast(Broadcast flush);

  /** The writers and how many read-only viewers watch besides them: the first thing a new member is told of them. */
  void presence(List<MemberInfo> writers, int viewers);

  /**
   * Then what changed in that list since this member was last told (see {@link PresenceChange}), and
   * the list it makes (the same object for every member told).
   */
  void presenceChanged(PresenceChange change, List<MemberInfo> writers);

  /** This client's op {@code seq} was already revision {@code rev} (a resent op, acknowledged again). */
  void ack(long seq, long rev);

  /** A request was refused; {@code seq} is the refused op's seq or 0. The connection stays open. */
  void rejected(Rejection reason, String message, long seq);

  /**
   * Chat messages, oldest first: the pad's recent ones right after joining ({@code history}), else one
   * just stored (the sender's own message comes back too: its acknowledgement). A member that shows
   * no chat (a server-side edit) ignores them.
   */
  default void chat(List<ardoise.store.ChatMessage> messages, boolean history) { }

  /** The pad drops this member (e.g. {@link Rejection#SERVER_ERROR}); the connection must close. */
  void evicted(Rejection reason, String message);

  /** The text and author runs sent in {@code joined} when no replay is possible. */
  record JoinSnapshot(String text, List<ardoise.ot.AuthorRun> runs) {}
}
