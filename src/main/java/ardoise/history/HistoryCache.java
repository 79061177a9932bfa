package ardoise.history;

import ardoise.ot.Component;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@link RevisionIndex} of the pads whose history is being looked at, most recently used first
 * (at most {@code capacity}). The first look reads the op log from the store in chunks of about
 * {@value #READ_TARGET_BYTES} bytes (4 revisions, then as many as fit, at most {@value #CHUNK}),
 * extending the index on a worker after each, so a history of large revisions is never held whole
 * and no Redis reply is huge; later looks only read the records committed since. Op records
 * themselves are read from the store when asked for ({@link #revision}, {@link #visitOps}).
 *
 * <p>Like {@link PadRegistry}, the in-flight future is stored, so simultaneous requests share one
 * load. Thread rule: one Vert.x context owns the cache; call it only there.
 */
public final class HistoryCache {
  /** Most revisions per store read. */
  private static final int CHUNK = 1000;
  /** What one store read aims at: the size of the next read follows the size of the last one's records. */
  private static final long READ_TARGET_BYTES = 2 << 20;
  private static final int FIRST_CHUNK = 4;

  private final Vertx vertx;
  private final PadStore store;
  private final Map<String, Future<RevisionIndex>> indexes;

  public HistoryCache(Vertx vertx, PadStore store, int capacity) {
    this.vertx = vertx;
    this.store = store;
    this.indexes = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Future<RevisionIndex>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The pad's history up to at least the head the store had when called. Fails with {@link NoSuchPad}. */
  public Future<RevisionIndex> index(String padId) {
    Future<RevisionIndex> known = indexes.get(padId);
    Future<RevisionIndex> next = known == null || known.failed() ? build(padId) : known.compose(index -> refresh(padId, index));
    indexes.put(padId, next);
    next.onFailure(e -> indexes.remove(padId, next));
    return next;
  }

  private Future<RevisionIndex> build(String padId) {
    return store.load(padId).compose(stored -> {
      if (stored == null) return Future.failedFuture(new NoSuchPad(padId));
      return extend(padId, RevisionIndex.empty(stored.createdAt()), stored.head(), FIRST_CHUNK);
    });
  }

  private Future<RevisionIndex> refresh(String padId, RevisionIndex index) {
    return extend(padId, index, Long.MAX_VALUE, FIRST_CHUNK);
  }

  /** {@code index} extended with the records after its head up to {@code to}, one chunk at a time. */
  private Future<RevisionIndex> extend(String padId, RevisionIndex index, long to, int chunkSize) {
    long from = index.head();
    long until = Math.min(to, from + chunkSize);
    if (until <= from) return Future.succeededFuture(index);
    return store.ops(padId, from, until).compose(chunk -> {
      if (chunk.isEmpty()) return Future.succeededFuture(index);
      return vertx.executeBlocking(() -> index.extend(chunk), false).compose(longer -> chunk.size() < until - from
          ? Future.succeededFuture(longer) // the log ends here
          : extend(padId, longer, to, nextChunk(chunk)));
    });
  }

  /** Revision {@code rev} of the pad: its index's checkpoint plus the records after it, read from the store. */
  public Future<Revision> revision(String padId, long rev) {
    return index(padId).compose(index -> {
      if (rev < 0 || rev > index.head()) return Future.failedFuture(new RevisionOutOfRange(rev, index.head()));
      if (rev == index.head()) return Future.succeededFuture(index.at(rev, List.of()));
      return store.ops(padId, index.checkpointBefore(rev), rev)
          .compose(ops -> vertx.executeBlocking(() -> index.at(rev, ops), false));
    });
  }

  /**
   * Calls {@code take} with the records {@code from < rev <= to} in order, until it answers false or
   * they run out; so a caller keeps only what it takes. Read in chunks that start small and grow as
   * the records allow: a caller that stops after a few large records has not read a hundred.
   */
  public Future<Void> visitOps(String padId, long from, long to, Predicate<OpRecord> take) {
    return visitOps(padId, from, to, FIRST_CHUNK, take);
  }

  private Future<Void> visitOps(String padId, long from, long to, int chunkSize, Predicate<OpRecord> take) {
    long until = Math.min(to, from + chunkSize);
    if (until <= from) return Future.succeededFuture();
    return store.ops(padId, from, until).compose(chunk -> {
      for (OpRecord r : chunk) if (!take.test(r)) return Future.succeededFuture();
      if (chunk.size() < until - from) return Future.succeededFuture();
      return visitOps(padId, until, to, nextChunk(chunk), take);
    });
  }

  /** Revisions for the next read: at most twice the last read, and about READ_TARGET_BYTES at the last one's sizes. */
  private static int nextChunk(List<OpRecord> last) {
    long bytes = 1;
    for (OpRecord r : last) {
      bytes += 64;
      for (Component c : r.op().components()) bytes += c instanceof Component.Insert i ? 8 + 2L * i.text().length() : 8;
    }
    long fit = last.size() * READ_TARGET_BYTES / bytes;
    return (int) Math.max(1, Math.min(CHUNK, Math.min(2L * last.size(), fit)));
  }
}
