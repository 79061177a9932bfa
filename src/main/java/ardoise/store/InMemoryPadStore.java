package ardoise.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * A {@link PadStore} in this process's memory (nothing survives a restart). One object may be shared
 * by several Vert.x instances (tests of two servers): every method is synchronized on the store, and
 * futures and watch calls are delivered on the context that made the call.
 * {@link #setAvailable(boolean) setAvailable(false)} makes every call fail, to test store outages.
 */
public final class InMemoryPadStore implements PadStore {
  private final Map<String, PadData> pads = new HashMap<>();
  private final Map<String, String> readOnlyIds = new HashMap<>(); // padId -> read-only id
  private final Map<String, String> padsByReadOnlyId = new HashMap<>();
  /** Tombstones: deleted padId / read-only id → when the tombstone ends (epoch ms). */
  private final Map<String, Long> deletedPads = new HashMap<>();
  private final Map<String, Long> deletedReadOnlyIds = new HashMap<>();
  /** padId → its owner's decisions (absent: {@link PadPolicy#OPEN}). Kept forever, like the pads. */
  private final Map<String, PadPolicy> policies = new HashMap<>();
  private volatile boolean available = true;
  private volatile boolean closed;

  private final InMemoryPadNotes notes = new InMemoryPadNotes();
  private final InMemoryChatLog chat = new InMemoryChatLog(this::isAvailable);

  private static final class PadData {
    final List<OpRecord> log = new ArrayList<>(); // log.get(i).rev() == i + 1
    final TreeMap<Long, Snapshot> snapshots = new TreeMap<>();
    final Map<String, ClientSeq> lastSeqs = new HashMap<>();
    final List<Watch> watches = new CopyOnWriteArrayList<>();
    long createdAt;
    boolean written;

    long head() { return log.size(); }
  }

  private record Watch(Context context, LongConsumer onHead) {}

  /** Simulates an outage (false) or its end (true). */
  public void setAvailable(boolean available) {
    this.available = available;
  }

  @Override
  public Future<StoredPad> load(String padId) {
    return call(() -> {
      PadData p = pads.get(padId);
      if (p == null || !p.written) return null;
      Snapshot snap = p.snapshots.isEmpty() ? Snapshot.EMPTY : p.snapshots.lastEntry().getValue();
      List<OpRecord> tail = List.copyOf(p.log.subList((int) snap.rev(), p.log.size()));
      return new StoredPad(snap, tail, Map.copyOf(p.lastSeqs), p.createdAt);
    });
  }

  /** Written pads in name order; the cursor is the last name listed. */
  @Override
  public Future<PadListing> listPads(String cursor, int limit) {
    return call(() -> {
      List<String> names = pads.entrySet().stream().filter(e -> e.getValue().written).map(Map.Entry::getKey)
          .filter(name -> cursor == null || name.compareTo(cursor) > 0).sorted().toList();
      List<PadEntry> page = new java.util.ArrayList<>();
      for (String name : names.subList(0, Math.min(limit, names.size()))) {
        PadData p = pads.get(name);
        OpRecord last = p.log.get(p.log.size() - 1);
        page.add(new PadEntry(name, p.head(), last.time(), last.op().targetLength()));
      }
      return new PadListing(page, names.size() > limit ? page.get(page.size() - 1).padId() : null);
    });
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    return append(padId, expectedHead, null, records);
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, String headRecord, List<OpRecord> records) {
    List<OpRecord> copy = List.copyOf(records);
    Future<AppendResult> result = call(() -> {
      PadData p = pads.computeIfAbsent(padId, id -> new PadData());
      if (p.head() != expectedHead) return new AppendResult(false, p.head());
      if (headRecord != null && !p.log.isEmpty() && !p.log.get(p.log.size() - 1).identity().equals(headRecord)) {
        return AppendResult.forked(p.head());
      }
      checkRecords(p, expectedHead, copy);
      for (OpRecord r : copy) {
        p.log.add(r);
        p.lastSeqs.put(r.clientId(), new ClientSeq(r.seq(), r.rev()));
      }
      markWritten(p, copy);
      return new AppendResult(true, p.head());
    });
    // Watchers hear of the new head after the appender's own future, on each watcher's context.
    return result.onSuccess(r -> { if (r.appended() && !copy.isEmpty()) notifyWatchers(padId, r.head()); });
  }

  private static void checkRecords(PadData p, long expectedHead, List<OpRecord> records) {
    Map<String, Long> seen = new HashMap<>();
    long rev = expectedHead;
    for (OpRecord r : records) {
      if (r.rev() != ++rev) throw new IllegalArgumentException("record rev " + r.rev() + " where " + rev + " was expected");
      ClientSeq last = p.lastSeqs.get(r.clientId());
      long lastSeq = seen.getOrDefault(r.clientId(), last == null ? 0 : last.seq());
      if (r.seq() <= lastSeq) {
        throw new SeqNotNewException("seq " + r.seq() + " of client " + r.clientId() + " is not new (last " + lastSeq + ")");
      }
      seen.put(r.clientId(), r.seq());
    }
  }

  /** A pad is created by its first append; like the Redis store, it dates from that first record. */
  private void markWritten(PadData p, List<OpRecord> records) {
    if (!p.written) {
      p.written = true;
      p.createdAt = records.isEmpty() ? System.currentTimeMillis() : records.get(0).time();
    }
  }

  private void notifyWatchers(String padId, long head) {
    PadData p;
    synchronized (this) {
      p = pads.get(padId);
    }
    for (Watch w : p.watches) {
      if (w.context == null) w.onHead.accept(head);
      else w.context.runOnContext(v -> w.onHead.accept(head));
    }
  }

  @Override
  public Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive) {
    return call(() -> {
      PadData p = pads.get(padId);
      if (p == null) return List.of();
      long from = Math.max(0, fromExclusive);
      long to = Math.min(p.head(), toInclusive);
      return from >= to ? List.of() : List.copyOf(p.log.subList((int) from, (int) to));
    });
  }

  @Override
  public Future<Void> saveSnapshot(String padId, Snapshot snapshot) {
    return call(() -> {
      PadData p = pads.computeIfAbsent(padId, id -> new PadData());
      if (snapshot.rev() > p.head()) {
        throw new IllegalArgumentException("snapshot rev " + snapshot.rev() + " is beyond head " + p.head());
      }
      p.snapshots.put(snapshot.rev(), snapshot);
      markWritten(p, List.of());
      return null;
    });
  }

  @Override
  public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) {
    return call(() -> {
      PadData p = pads.get(padId);
      Map.Entry<Long, Snapshot> e = p == null ? null : p.snapshots.floorEntry(atMost);
      return e == null ? Snapshot.EMPTY : e.getValue();
    });
  }

  @Override
  public Future<Subscription> watch(String padId, LongConsumer onHead) {
    Watch w = new Watch(Vertx.currentContext(), onHead);
    return call(() -> {
      PadData p = pads.computeIfAbsent(padId, id -> new PadData());
      p.watches.add(w);
      return (Subscription) () -> {
        p.watches.remove(w);
        return Future.succeededFuture();
      };
    });
  }

  @Override
  public Future<String> readOnlyId(String padId, String candidate) {
    return call(() -> {
      PadData p = pads.get(padId);
      if (p == null || !p.written) return null;
      return readOnlyIds.computeIfAbsent(padId, id -> {
        padsByReadOnlyId.put(candidate, padId);
        return candidate;
      });
    });
  }

  @Override
  public Future<String> padOfReadOnlyId(String readOnlyId) {
    return call(() -> padsByReadOnlyId.get(readOnlyId));
  }

  @Override
  public Future<Boolean> delete(String padId, long tombstoneSeconds) {
    return call(() -> {
      boolean stored = false;
      PadData p = pads.get(padId);
      if (p != null) {
        stored = p.written;
        // Why keep the watches: the pad's open subscriptions belong to whoever watches the name.
        PadData fresh = new PadData();
        fresh.watches.addAll(p.watches);
        pads.put(padId, fresh);
      }
      String readOnlyId = readOnlyIds.remove(padId);
      long until = System.currentTimeMillis() + tombstoneSeconds * 1000;
      if (readOnlyId != null) {
        stored = true;
        padsByReadOnlyId.remove(readOnlyId);
        deletedReadOnlyIds.put(readOnlyId, until);
      }
      stored |= notes.forget(padId);
      stored |= policies.remove(padId) != null;
      stored |= chat.forget(padId);
      if (stored) deletedPads.put(padId, until);
      return stored;
    });
  }

  @Override
  public Future<Boolean> wasDeleted(String padId) {
    return call(() -> {
      PadData p = pads.get(padId);
      return lasts(deletedPads, padId) && (p == null || !p.written);
    });
  }

  @Override
  public Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) {
    return call(() -> lasts(deletedReadOnlyIds, readOnlyId));
  }

  @Override
  public Future<String> storedReadOnlyId(String padId) {
    return call(() -> readOnlyIds.get(padId));
  }

  @Override
  public Future<PadPolicy> policy(String padId) {
    return call(() -> policies.getOrDefault(padId, PadPolicy.OPEN));
  }

  @Override
  public Future<Void> setPolicy(String padId, PadPolicy policy) {
    return call(() -> {
      if (policy.equals(PadPolicy.OPEN)) policies.remove(padId);
      else policies.put(padId, policy);
      return null;
    });
  }

  /** Pads here live forever; a lifetime chosen before the first edit is reported, never applied. */
  @Override
  public Future<PadLifetime> lifetime(String padId) {
    return call(() -> {
      PadData p = pads.get(padId);
      PadPolicy policy = policies.getOrDefault(padId, PadPolicy.OPEN);
      long chosen = Math.max(0, policy.lifetimeMs());
      boolean written = p != null && p.written;
      return new PadLifetime(written, written ? 0 : chosen, 0);
    });
  }

  @Override
  public Future<String> rotateReadOnlyId(String padId, String candidate) {
    return call(() -> {
      PadData p = pads.get(padId);
      if (p == null || !p.written) return null;
      String old = readOnlyIds.put(padId, candidate);
      if (old != null) padsByReadOnlyId.remove(old);
      padsByReadOnlyId.put(candidate, padId);
      return candidate;
    });
  }

  private static boolean lasts(Map<String, Long> tombstones, String key) {
    Long until = tombstones.get(key);
    if (until != null && until <= System.currentTimeMillis()) tombstones.remove(key);
    return until != null && until > System.currentTimeMillis();
  }

  @Override
  public PadNotes notes() {
    return notes;
  }

  @Override
  public ChatLog chat() {
    return chat;
  }

  @Override
  public boolean isAvailable() {
    return available && !closed;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }

  /** Runs {@code body} under the store's lock; completes on the caller's context. */
  private <T> Future<T> call(Supplier<T> body) {
    Context ctx = Vertx.currentContext();
    T value;
    Throwable failure = null;
    synchronized (this) {
      value = null;
      try {
        if (closed) throw new IllegalStateException("store is closed");
        if (!available) throw new IllegalStateException("store is unavailable");
        value = body.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (ctx == null) return failure == null ? Future.succeededFuture(value) : Future.failedFuture(failure);
    Promise<T> promise = Promise.promise();
    T v = value;
    Throwable f = failure;
    // Always complete later on the caller's context, like a real store would (never re-entrantly).
    ctx.runOnContext(x -> { if (f == null) promise.complete(v); else promise.fail(f); });
    return promise.future();
  }
}
