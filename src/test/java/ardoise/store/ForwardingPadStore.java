package ardoise.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongConsumer;

/** A store that forwards every call; tests override the calls they want to delay or break. */
public class ForwardingPadStore implements PadStore {
  protected final PadStore delegate;

  public ForwardingPadStore(PadStore delegate) {
    this.delegate = delegate;
  }

  public PadStore delegate() { return delegate; }

  @Override public Future<StoredPad> load(String padId) { return delegate.load(padId); }
  @Override public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    return delegate.append(padId, expectedHead, records);
  }
  @Override public Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive) {
    return delegate.ops(padId, fromExclusive, toInclusive);
  }
  @Override public Future<Void> saveSnapshot(String padId, Snapshot snapshot) { return delegate.saveSnapshot(padId, snapshot); }
  @Override public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) { return delegate.snapshotAtOrBefore(padId, atMost); }
  @Override public Future<Subscription> watch(String padId, LongConsumer onHead) { return delegate.watch(padId, onHead); }
  @Override public Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) { return delegate.watch(padId, onHead, onPolicy); }
  @Override public Future<String> readOnlyId(String padId, String candidate) { return delegate.readOnlyId(padId, candidate); }
  @Override public Future<String> padOfReadOnlyId(String readOnlyId) { return delegate.padOfReadOnlyId(readOnlyId); }
  @Override public Future<Boolean> delete(String padId, long tombstoneSeconds) { return delegate.delete(padId, tombstoneSeconds); }
  @Override public Future<Boolean> wasDeleted(String padId) { return delegate.wasDeleted(padId); }
  @Override public Future<PadEntry> entry(String padId) { return delegate.entry(padId); }
  @Override public Future<PadListing> listPads(String cursor, int limit) { return delegate.listPads(cursor, limit); }
  @Override public Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) { return delegate.wasDeletedReadOnlyId(readOnlyId); }
  @Override public Future<String> storedReadOnlyId(String padId) { return delegate.storedReadOnlyId(padId); }
  @Override public PadNotes notes() { return delegate.notes(); }
  @Override public ChatLog chat() { return delegate.chat(); }
  @Override public List<StoreCounter> counters() { return delegate.counters(); }
  @Override public boolean isAvailable() { return delegate.isAvailable(); }
  @Override public Future<Void> close() { return delegate.close(); }

  @Override public Future<ardoise.store.PadPolicy> policy(String padId) { return delegate.policy(padId); }
  @Override public Future<Void> setPolicy(String padId, ardoise.store.PadPolicy policy) { return delegate.setPolicy(padId, policy); }
  @Override public Future<ardoise.store.PadLifetime> lifetime(String padId) { return delegate.lifetime(padId); }
  @Override public Future<String> rotateReadOnlyId(String padId, String candidate) { return delegate.rotateReadOnlyId(padId, candidate); }
}
