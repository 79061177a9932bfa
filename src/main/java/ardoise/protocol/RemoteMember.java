package ardoise.protocol;

import ardoise.pad.Broadcast;
import ardoise.pad.Member;
import ardoise.pad.MemberInfo;
import ardoise.pad.Rejection;
import ardoise.store.OpRecord;
import io.vertx.core.Context;
import java.util.List;

/**
 * A connection whose socket lives on another event loop than its pad: what the pad tells it is
 * handed over to the connection's context, in the order the pad said it (one context's tasks run in
 * the order they were queued). Everything handed over is immutable (records, frozen lists).
 *
 * <p>Thread rule: the pad calls it on the pad's context; {@link #profile} too (the session sends
 * its new profile there before telling the pad), so {@link #info} needs no lock.
 */
final class RemoteMember implements Member {
  private final Member session;
  private final Context sessionContext;
  private final boolean viewer;
  private MemberInfo info;

  RemoteMember(Member session, Context sessionContext, MemberInfo info, boolean viewer) {
    this.session = session;
    this.sessionContext = sessionContext;
    this.info = info;
    this.viewer = viewer;
  }

  /** The session's new name or colour; call on the pad's context, before {@code pad.profileChanged}. */
  void profile(MemberInfo changed) {
    info = changed;
  }

  @Override public MemberInfo info() { return info; }

  @Override public boolean viewer() { return viewer; }

  @Override public void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
    sessionContext.runOnContext(v -> session.joined(rev, snapshot, lastSeq));
  }

  @Override public void ack(long seq, long rev) {
    sessionContext.runOnContext(v -> session.ack(seq, rev));
  }

  @Override public void op(OpRecord record) {
    sessionContext.runOnContext(v -> session.op(record));
  }

  @Override public void presence(List<MemberInfo> members) {
    sessionContext.runOnContext(v -> session.presence(members));
  }

  @Override public void presence(List<MemberInfo> members, int viewers) {
    sessionContext.runOnContext(v -> session.presence(members, viewers));
  }

  @Override public void broadcast(Broadcast flush) {
    sessionContext.runOnContext(v -> session.broadcast(flush));
  }

  @Override public void cursor(String clientId, long rev, int anchor, int head) {
    sessionContext.runOnContext(v -> session.cursor(clientId, rev, anchor, head));
  }

  @Override public void rejected(Rejection reason, String message, long seq) {
    sessionContext.runOnContext(v -> session.rejected(reason, message, seq));
  }

  @Override public void evicted(Rejection reason, String message) {
    sessionContext.runOnContext(v -> session.evicted(reason, message));
  }
}
