package ardoise.pad;

import ardoise.store.OpRecord;
import java.util.ArrayList;
import java.util.List;

/** A {@link Member} that writes down what the pad tells it. Thread rule: synchronized. */
final class RecordingMember implements Member {
  private final MemberInfo info;
  private final List<String> events = new ArrayList<>();
  private final List<Long> revs = new ArrayList<>();

  RecordingMember(String clientId) {
    this.info = new MemberInfo(clientId, clientId, clientId, "#123456");
  }

  @Override public MemberInfo info() { return info; }

  @Override public synchronized void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
    events.add("joined " + rev);
  }

  @Override public synchronized void ack(long seq, long rev) {
    events.add("ack " + seq + " " + rev);
    revs.add(rev);
  }

  @Override public synchronized void op(OpRecord record) {
    events.add("op " + record.rev());
    revs.add(record.rev());
  }

  @Override public void presence(List<MemberInfo> members) { }

  @Override public void cursor(String clientId, long rev, int anchor, int head) { }

  @Override public synchronized void rejected(Rejection reason, String message, long seq) {
    events.add("rejected " + reason + " " + seq);
  }

  @Override public synchronized void evicted(Rejection reason, String message) {
    events.add("evicted " + reason);
  }

  synchronized List<String> events() { return List.copyOf(events); }

  /** Revisions learnt from acks and ops, in arrival order. */
  synchronized List<Long> revs() { return List.copyOf(revs); }
}
