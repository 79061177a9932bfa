package ardoise.pad;

import ardoise.store.OpRecord;
import java.util.List;

/**
 * One flush of a pad's fan-out, the same value for every member: the revisions committed since the
 * previous flush, in order, then the latest selection of each member whose cursor moved, placed on
 * {@code head} (the revision after the last record).
 *
 * <p>Why one value for all: a member's own revisions are in {@code records} too (it reads them as
 * acknowledgements), so a connection that takes batches can be sent one frame encoded once per flush.
 */
public record Broadcast(List<OpRecord> records, List<Cursor> cursors, long head) {

  /** A member's selection at {@link #head}. */
  public record Cursor(String clientId, int anchor, int head) {}

  public Broadcast {
    records = List.copyOf(records);
    cursors = List.copyOf(cursors);
  }

  /**
   * Tells {@code member} this flush with the per-message calls: its own revisions as {@code ack},
   * others' as {@code op}, others' cursors as {@code cursor} (never its own).
   */
  public void tellOneByOne(Member member) {
    String self = member.info().clientId();
    for (OpRecord r : records) {
      if (self.equals(r.clientId())) member.ack(r.seq(), r.rev());
      else member.op(r);
    }
    for (Cursor c : cursors) {
      if (!self.equals(c.clientId())) member.cursor(c.clientId(), head, c.anchor(), c.head());
    }
  }
}
