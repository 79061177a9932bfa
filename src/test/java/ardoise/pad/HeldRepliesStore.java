package ardoise.pad;

import ardoise.store.AppendResult;
import ardoise.store.ForwardingPadStore;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One server instance's view of the shared in-memory store, with the replies of appends and reads
 * held back until the simulation lets one through, in any order: the write happens at once, the
 * pad hears of it later (a slow store, or a connection pool whose replies overtake each other).
 * Meanwhile the store's watchers hear of new heads, as they would. The instances share one list of
 * what was written, so the simulation can check at any moment that a pad announces only stored
 * revisions.
 *
 * <p>Thread rule: the simulation's context.
 */
final class HeldRepliesStore extends ForwardingPadStore {
  private final List<Runnable> replies = new ArrayList<>();
  private final List<OpRecord> written;
  private int reads;
  private int groupCommits;

  /** {@code written}: what the shared store holds, in revision order, filled by every instance's appends. */
  HeldRepliesStore(InMemoryPadStore memory, List<OpRecord> written) {
    super(memory);
    this.written = written;
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    if (records.size() > 1) groupCommits++;
    Future<AppendResult> stored = delegate.append(padId, expectedHead, records)
        .onSuccess(r -> { if (r.appended()) written.addAll(records); });
    return held(stored);
  }

  @Override
  public Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive) {
    reads++;
    return held(delegate.ops(padId, fromExclusive, toInclusive));
  }

  private <T> Future<T> held(Future<T> reply) {
    Promise<T> later = Promise.promise();
    reply.onComplete(r -> replies.add(() -> later.handle(r)));
    return later.future();
  }

  boolean hasReplies() {
    return !replies.isEmpty();
  }

  /** Lets one held reply, chosen at random, reach the pad. */
  void deliverOne(Random random) {
    replies.remove(random.nextInt(replies.size())).run();
  }

  /** True when {@code record} is what the store holds at its revision. */
  boolean isStored(OpRecord record) {
    return record.rev() >= 1 && record.rev() <= written.size() && written.get((int) record.rev() - 1).equals(record);
  }

  /** True when revision {@code rev} is stored as op {@code seq} of {@code clientId}. */
  boolean isStored(long rev, String clientId, long seq) {
    if (rev < 1 || rev > written.size()) return false;
    OpRecord r = written.get((int) rev - 1);
    return r.clientId().equals(clientId) && r.seq() == seq;
  }

  /** Reads of ops from the store (replays and rebases past the window, catching up with the other instance). */
  int reads() {
    return reads;
  }

  /** Appends that carried more than one op (ops that arrived while an append was in flight). */
  int groupCommits() {
    return groupCommits;
  }
}
