package ardoise.pad;

import ardoise.store.OpRecord;
import java.util.List;

/**
 * One connection as a pad sees it. The pad calls these methods on its own context, in the order
 * the client must see the messages; implementations encode and send, and must not call back into
 * the pad synchronously.
 */
public interface Member {

  /** The member's identity and display profile. */
  MemberInfo info();

  /** Join done: the client is at {@code rev}; {@code snapshot} is null when a replay follows instead. */
  void joined(long rev, JoinSnapshot snapshot, long lastSeq);

  /** This client's op {@code seq} became revision {@code rev}. */
  void ack(long seq, long rev);

  /** Another client's committed op. */
  void op(OpRecord record);

  /** The full member list. */
  void presence(List<MemberInfo> members);

  /**
   * The writers ({@code members}) and how many read-only viewers watch besides them. Viewers call
   * {@link #viewer()} true; they receive everything a writer does but are not listed.
   */
  default void presence(List<MemberInfo> members, int viewers) {
    presence(members);
  }

  /** True for a read-only connection: counted as a viewer, never listed as a writer. */
  default boolean viewer() {
    return false;
  }

  /**
   * One flush of the pad's fan-out (committed revisions, then moved cursors). The default tells it
   * message by message; a connection that takes batch frames sends it as one.
   */
  default void broadcast(Broadcast flush) {
    flush.tellOneByOne(this);
  }

  /** Another member's selection, already at {@code rev}. */
  void cursor(String clientId, long rev, int anchor, int head);

  /** A request was refused; {@code seq} is the refused op's seq or 0. The connection stays open. */
  void rejected(Rejection reason, String message, long seq);

  /** The pad drops this member (e.g. {@link Rejection#SERVER_ERROR}); the connection must close. */
  void evicted(Rejection reason, String message);

  /** The text and author runs sent in {@code joined} when no replay is possible. */
  record JoinSnapshot(String text, List<ardoise.ot.AuthorRun> runs) {}
}
