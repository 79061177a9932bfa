package ardoise.store;

import java.util.List;
import java.util.Map;

/**
 * What loading a pad returns: the latest snapshot, the ops after it in revision order (so the head
 * is {@code tail.isEmpty() ? snapshot.rev() : last tail rev}), and the last committed seq per clientId.
 */
public record StoredPad(Snapshot snapshot, List<OpRecord> tail, Map<String, ClientSeq> lastSeqs, long createdAt) {
  public long head() {
    return tail.isEmpty() ? snapshot.rev() : tail.get(tail.size() - 1).rev();
  }
}
