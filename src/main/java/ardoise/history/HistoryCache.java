package ardoise.history;

import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RevisionIndex} of the pads whose history is being looked at, most recently used first
 * (at most {@code capacity}). The first look reads the op log from the store in chunks and builds
 * the index on a worker; later looks only read the records committed since.
 *
 * <p>Like {@link PadRegistry}, the in-flight future is stored, so simultaneous requests share one
 * load. Thread rule: one Vert.x context owns the cache; call it only there.
 */
public final class HistoryCache {
  private static final int CHUNK = 2000;

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
      return readOps(padId, 0, stored.head(), new ArrayList<>())
          .compose(ops -> vertx.executeBlocking(() -> RevisionIndex.build(ops, stored.createdAt()), false));
    });
  }

  private Future<RevisionIndex> refresh(String padId, RevisionIndex index) {
    return readOps(padId, index.head(), Long.MAX_VALUE, new ArrayList<>()).compose(more -> more.isEmpty()
        ? Future.succeededFuture(index)
        : vertx.executeBlocking(() -> index.extend(more), false));
  }

  /** Records after {@code from} up to {@code to}, read CHUNK at a time so no single reply is huge. */
  private Future<List<OpRecord>> readOps(String padId, long from, long to, List<OpRecord> into) {
    long until = Math.min(to, from + CHUNK);
    if (until <= from) return Future.succeededFuture(into);
    return store.ops(padId, from, until).compose(chunk -> {
      into.addAll(chunk);
      if (chunk.size() < until - from) return Future.succeededFuture(into); // the log ends here
      return readOps(padId, until, to, into);
    });
  }
}
