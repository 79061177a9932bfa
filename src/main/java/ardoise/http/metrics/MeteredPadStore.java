package ardoise.http.metrics;

import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.StoredPad;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A {@link PadStore} that counts what the pads of this server commit and how often the store
 * fails them. Why a decorator: the pads' group commit is the one place where ops become durable,
 * and counting there keeps the pad free of any metrics type. Costs one listener per append (per
 * batch of ops), not per keystroke. Thread rule: that of the wrapped store.
 */
final class MeteredPadStore implements PadStore {
  private final PadStore store;
  private final Timer appendLatency;
  private final Counter committed;
  private final Counter batches;
  private final Counter failures;

  @Override
  public ardoise.store.PadNotes notes() {
    return store.notes();
  }

  @Override
  public ardoise.store.ChatLog chat() {
    return store.chat();
  }

  @Override
  public List<ardoise.store.StoreCounter> counters() {
    return store.counters();
  }

  @Override
  public Future<String> readOnlyId(String padId, String candidate) {
    return store.readOnlyId(padId, candidate);
  }

  @Override
  public Future<String> padOfReadOnlyId(String readOnlyId) {
    return store.padOfReadOnlyId(readOnlyId);
  }

  @Override
  public Future<Boolean> setLifetime(String padId, java.time.Duration lifetime) {
    return store.setLifetime(padId, lifetime);
  }

  @Override
  public Future<Boolean> delete(String padId, long tombstoneSeconds) {
    return store.delete(padId, tombstoneSeconds);
  }

  @Override
  public Future<Boolean> wasDeleted(String padId) {
    return store.wasDeleted(padId);
  }

  @Override
  public Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) {
    return store.wasDeletedReadOnlyId(readOnlyId);
  }

  @Override
  public Future<String> storedReadOnlyId(String padId) {
    return store.storedReadOnlyId(padId);
  }

  MeteredPadStore(PadStore store, Timer appendLatency, Counter committed, Counter batches, Counter failures) {
    this.store = store;
    this.appendLatency = appendLatency;
    this.committed = committed;
    this.batches = batches;
    this.failures = failures;
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    return append(padId, expectedHead, null, records);
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, String headRecord, List<OpRecord> records) {
    long start = System.nanoTime();
    return store.append(padId, expectedHead, headRecord, records).andThen(r -> {
      appendLatency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      if (r.failed()) {
        failures.increment();
      } else if (r.result().appended()) {
        committed.increment(records.size());
        batches.increment();
      }
    });
  }

  @Override
  public Future<StoredPad> load(String padId) {
    return counted(store.load(padId));
  }

  @Override
  public Future<Boolean> exists(String padId) {
    return counted(store.exists(padId));
  }

  @Override
  public Future<ardoise.store.PadEntry> entry(String padId) {
    return counted(store.entry(padId));
  }

  @Override
  public Future<ardoise.store.PadListing> listPads(String cursor, int limit) {
    return counted(store.listPads(cursor, limit));
  }

  @Override
  public Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive) {
    return counted(store.ops(padId, fromExclusive, toInclusive));
  }

  @Override
  public Future<Void> saveSnapshot(String padId, Snapshot snapshot) {
    return counted(store.saveSnapshot(padId, snapshot));
  }

  @Override
  public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) {
    return counted(store.snapshotAtOrBefore(padId, atMost));
  }

  @Override
  public Future<Subscription> watch(String padId, LongConsumer onHead) {
    return counted(store.watch(padId, onHead));
  }

  @Override
  public Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) {
    return counted(store.watch(padId, onHead, onPolicy));
  }

  @Override
  public boolean isAvailable() {
    return store.isAvailable();
  }

  @Override
  public Future<ardoise.store.StoreMemory> memory() {
    return store.memory();
  }

  @Override
  public Future<Void> close() {
    return store.close();
  }

  private <T> Future<T> counted(Future<T> f) {
    return f.andThen(r -> {
      if (r.failed()) failures.increment();
    });
  }

  @Override public Future<ardoise.store.PadPolicy> policy(String padId) { return store.policy(padId); }
  @Override public Future<Void> setPolicy(String padId, ardoise.store.PadPolicy policy) { return store.setPolicy(padId, policy); }
  @Override public Future<ardoise.store.PadLifetime> lifetime(String padId) { return store.lifetime(padId); }
  @Override public Future<String> rotateReadOnlyId(String padId, String candidate) { return store.rotateReadOnlyId(padId, candidate); }
}
