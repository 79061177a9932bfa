package ardoise.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where pads live. Every implementation passes the same conformance suite.
 * Futures complete on the caller's context. A failed future means the store could not be reached
 * or answered an error; nothing in it is partially applied.
 */
public interface PadStore {

  /** The pad's latest snapshot, the ops after it and the last seqs; completes with null if the pad was never written. */
  Future<StoredPad> load(String padId);

  /**
   * Appends {@code records} (revisions {@code expectedHead + 1 ...}, in order) in one atomic step,
   * only if the pad's head is still {@code expectedHead} and each record's seq is above the last
   * committed seq of its clientId. A head that moved gives {@code appended == false}; a seq that is
   * not new fails the future (the caller should have deduplicated).
   */
  Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records);

  /**
   * Like {@link #append(String, long, List)}, and only if the store's revision {@code expectedHead}
   * is the caller's: {@code headRecord} is {@link OpRecord#identity()} of the caller's record of that
   * revision (null: not checked). Another record there gives {@link AppendResult#forked}: the
   * histories parted (a Redis failover dropped revisions and another server wrote new ones at the
   * same numbers), so records based on the caller's must not be written on top of the store's.
   * Stores that cannot tell (none keeps a pad's history elsewhere) append without the check.
   */
  default Future<AppendResult> append(String padId, long expectedHead, String headRecord, List<OpRecord> records) {
    return append(padId, expectedHead, records);
  }

  /** Ops with {@code fromExclusive < rev <= toInclusive}, in revision order. */
  Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive);

  /** Stores a snapshot; older snapshots may be kept or dropped. */
  Future<Void> saveSnapshot(String padId, Snapshot snapshot);

  /** The newest snapshot with {@code rev <= atMost} ({@link Snapshot#EMPTY} if none). */
  Future<Snapshot> snapshotAtOrBefore(String padId, long atMost);

  /**
   * Calls {@code onHead} with the new head each time any writer (this process or another instance)
   * commits to the pad, until the returned subscription is closed. Calls come on the caller's context.
   */
  Future<Subscription> watch(String padId, LongConsumer onHead);

  /**
   * As {@link #watch(String, LongConsumer)}, and calls {@code onPolicy} when an owner's policy,
   * lifetime or new read-only id of the pad is stored, by any instance (this one included): the
   * caller reads them again. A store shared by one process only may never call it (its callers apply changes
   * themselves).
   */
  default Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) {
    return watch(padId, onHead);
  }

  /**
   * The read-only id of a written pad (the secret of its read-only link). The first call for a pad
   * stores {@code candidate}; every later call, from this or another instance, gets the id stored
   * first, even when calls race. Once stored, it never changes. A pad never written has none and
   * gets none: the call completes with null and stores nothing, so asking for the links of any name
   * leaves no trace. (The conformance suite's {@code ReadOnlyIdContract} checks it.)
   */
  Future<String> readOnlyId(String padId, String candidate);

  /** The pad whose read-only id is {@code readOnlyId}; completes with null when no pad has it. */
  Future<String> padOfReadOnlyId(String readOnlyId);

  /**
   * Sets how long the written pad lives without an edit ({@code Duration.ZERO}: forever, only where
   * the server has no maximum), applied at once. Completes with false for a pad never written
   * (nothing stored); fails with an {@link IllegalArgumentException} for a lifetime the server
   * refuses ({@link Retention#check}), or an {@link UnsupportedOperationException} for a store
   * without lifetimes.
   */
  default Future<Boolean> setLifetime(String padId, java.time.Duration lifetime) {
    return Future.failedFuture(new UnsupportedOperationException("this store keeps pads without lifetimes"));
  }

  /** Whether the pad was ever written (a pad exists once it has a revision). */
  default Future<Boolean> exists(String padId) {
    return load(padId).map(stored -> stored != null);
  }

  /**
   * Removes everything stored about the pad: op log, snapshots, meta, seqs, authors' profiles, saved
   * versions, chat, its read-only id and the reverse entry of that id. When anything was stored, it
   * leaves two tombstones for {@code tombstoneSeconds}: one under the pad's name ({@link #wasDeleted})
   * and one under its old read-only id ({@link #wasDeletedReadOnlyId}); they hold no content.
   * Completes with whether anything was stored. Repeating it is harmless.
   */
  Future<Boolean> delete(String padId, long tombstoneSeconds);

  /** True while the pad's tombstone lasts and nothing was written to the pad since its deletion. */
  default Future<Boolean> wasDeleted(String padId) {
    return Future.succeededFuture(false);
  }

  /** True while the tombstone of a deleted pad's read-only id lasts (the id never opens anything again). */
  default Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) {
    return Future.succeededFuture(false);
  }

  /** The pad's read-only id if one was ever handed out, else null; never creates one (unlike {@link #readOnlyId}). */
  default Future<String> storedReadOnlyId(String padId) {
    return Future.succeededFuture(null);
  }

  /** What the pad's owner decided ({@link PadPolicy#OPEN} when nothing); any pad, written or not. */
  default Future<PadPolicy> policy(String padId) {
    return Future.succeededFuture(PadPolicy.OPEN);
  }

  /**
   * Replaces the pad's policy. It lives as long as the pad (the pad's TTL; for a pad not yet written,
   * the lifetime chosen in it, else the default) and is deleted with it. A chosen lifetime
   * ({@link PadPolicy#lifetimeMs}) is what the pad's first commit gives it; for a written pad use
   * {@link #setLifetime}.
   */
  Future<Void> setPolicy(String padId, PadPolicy policy);

  /** The pad's lifetime and when it will be deleted without an edit ({@link PadLifetime}). */
  default Future<PadLifetime> lifetime(String padId) {
    return Future.succeededFuture(PadLifetime.FOREVER);
  }

  /**
   * Gives a written pad a new read-only id, {@code candidate}: the old id stops opening the pad at
   * once (it answers like an id no pad ever had) and gets no tombstone. Completes with the new id, or
   * null for a pad never written (it has no read-only link, and nothing is stored).
   */
  Future<String> rotateReadOnlyId(String padId, String candidate);

  /**
   * The written pad's head, last edit time and length, read from its metadata without its history;
   * null for a pad never written (or gone).
   */
  default Future<PadEntry> entry(String padId) {
    return load(padId).map(stored -> {
      if (stored == null) return null;
      long time = stored.tail().isEmpty() ? stored.snapshot().time() : stored.tail().get(stored.tail().size() - 1).time();
      long chars = stored.tail().isEmpty() ? stored.snapshot().doc().length()
          : stored.tail().get(stored.tail().size() - 1).op().targetLength();
      return new PadEntry(padId, stored.head(), time, chars);
    });
  }

  /**
   * A page of at most {@code limit} written pads, continuing {@code cursor} (null: from the start;
   * otherwise a {@link PadListing#nextCursor} this store returned). A complete listing names every
   * pad that existed throughout it, in no particular order, each once while the storage holds still;
   * pads written or deleted meanwhile may or may not be listed (on Redis, a rehash may repeat one;
   * on Redis Cluster, a slot moved or a failover may repeat pads and miss those of the moved slot).
   * Fails with an {@link IllegalArgumentException} for a cursor this store did not make.
   */
  Future<PadListing> listPads(String cursor, int limit);

  /** The authors' profiles and saved versions kept beside the pads, in the same storage. */
  PadNotes notes();

  /** The pads' chat, kept beside them in the same storage. */
  ChatLog chat();

  /** Counts this store keeps about itself, exported as metrics (none by default). */
  default List<StoreCounter> counters() {
    return List.of();
  }

  /** The store's memory use and limit (for /health), or null when it has no such figures. */
  default Future<StoreMemory> memory() {
    return Future.succeededFuture(null);
  }

  /** Whether the store answers right now (for /health and the editors' "saving…" state). */
  boolean isAvailable();

  Future<Void> close();

  /** An open {@link #watch}. */
  interface Subscription {
    Future<Void> close();
  }
}
