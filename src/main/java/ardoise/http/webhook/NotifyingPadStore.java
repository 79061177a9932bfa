package ardoise.http.webhook;

import ardoise.store.AppendResult;
import ardoise.store.ChatLog;
import ardoise.store.OpRecord;
import ardoise.store.PadEntry;
import ardoise.store.PadLifetime;
import ardoise.store.PadListing;
import ardoise.store.PadNotes;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.StoreCounter;
import ardoise.store.StoreMemory;
import ardoise.store.StoredPad;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A {@link PadStore} that tells {@link PadEvents} what became durable: a pad's first revision
 * (created), later ones (edited), a deletion. Why a decorator: the append and the deletion are where
 * every path (typing, the API, restores, imports, the operator) ends, so no path can forget to
 * notify, and the pads know nothing of webhooks. Everything else is passed through.
 * Thread rule: that of the wrapped store.
 */
public final class NotifyingPadStore implements PadStore {
  private final PadStore store;
  private final PadEvents events;

  public NotifyingPadStore(PadStore store, PadEvents events) {
    this.store = store;
    this.events = events;
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    return append(padId, expectedHead, null, records);
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, String headRecord, List<OpRecord> records) {
    return store.append(padId, expectedHead, headRecord, records).onSuccess(r -> {
      if (!r.appended()) return;
      if (expectedHead == 0) events.created(padId, r.head());
      else events.edited(padId, r.head());
    });
  }

  @Override
  public Future<Boolean> delete(String padId, long tombstoneSeconds) {
    return store.delete(padId, tombstoneSeconds).onSuccess(deleted -> {
      if (deleted) events.deleted(padId);
    });
  }

  @Override public Future<StoredPad> load(String padId) { return store.load(padId); }
  @Override public Future<List<OpRecord>> ops(String padId, long from, long to) { return store.ops(padId, from, to); }
  @Override public Future<Void> saveSnapshot(String padId, Snapshot snapshot) { return store.saveSnapshot(padId, snapshot); }
  @Override public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) { return store.snapshotAtOrBefore(padId, atMost); }
  @Override public Future<Subscription> watch(String padId, LongConsumer onHead) { return store.watch(padId, onHead); }
  @Override public Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) {
    return store.watch(padId, onHead, onPolicy);
  }
  @Override public Future<String> readOnlyId(String padId, String candidate) { return store.readOnlyId(padId, candidate); }
  @Override public Future<String> padOfReadOnlyId(String readOnlyId) { return store.padOfReadOnlyId(readOnlyId); }
  @Override public Future<Boolean> setLifetime(String padId, Duration lifetime) { return store.setLifetime(padId, lifetime); }
  @Override public Future<Boolean> exists(String padId) { return store.exists(padId); }
  @Override public Future<Boolean> wasDeleted(String padId) { return store.wasDeleted(padId); }
  @Override public Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) { return store.wasDeletedReadOnlyId(readOnlyId); }
  @Override public Future<String> storedReadOnlyId(String padId) { return store.storedReadOnlyId(padId); }
  @Override public Future<PadPolicy> policy(String padId) { return store.policy(padId); }
  @Override public Future<Void> setPolicy(String padId, PadPolicy policy) { return store.setPolicy(padId, policy); }
  @Override public Future<PadLifetime> lifetime(String padId) { return store.lifetime(padId); }
  @Override public Future<String> rotateReadOnlyId(String padId, String candidate) { return store.rotateReadOnlyId(padId, candidate); }
  @Override public Future<PadEntry> entry(String padId) { return store.entry(padId); }
  @Override public Future<PadListing> listPads(String cursor, int limit) { return store.listPads(cursor, limit); }
  @Override public PadNotes notes() { return store.notes(); }
  @Override public ChatLog chat() { return store.chat(); }
  @Override public List<StoreCounter> counters() { return store.counters(); }
  @Override public Future<StoreMemory> memory() { return store.memory(); }
  @Override public boolean isAvailable() { return store.isAvailable(); }
  @Override public Future<Void> close() { return events.close().eventually(() -> store.close()); }
}
