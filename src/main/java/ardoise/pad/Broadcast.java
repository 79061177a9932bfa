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
}
