package ardoise.history;

import ardoise.ot.AttributedText;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.StoredPad;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * Rebuilds one revision of a pad from the store: the newest snapshot at or before it plus the ops
 * after that snapshot. The store is read on the caller's context, {@value #CHUNK} revisions at a
 * time; applying them (up to a whole history when old snapshots were dropped) runs on a worker,
 * never on the event loop. Why in chunks: a history of large revisions read in one reply would hold
 * it all at once; this holds the document and one chunk.
 *
 * <p>Stateless; safe from any context. For many reads of one pad's history use {@link HistoryCache}.
 */
public final class RevisionReader {
  private static final int CHUNK = 50;
  private final Vertx vertx;
  private final PadStore store;

  public RevisionReader(Vertx vertx, PadStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /**
   * Revision {@code rev} of the pad (its head when {@code rev} is null). Fails with {@link NoSuchPad}
   * or {@link RevisionOutOfRange}; other failures are the store's.
   */
  public Future<Revision> read(String padId, Long rev) {
    return store.load(padId).compose(stored -> {
      if (stored == null) return Future.failedFuture(new NoSuchPad(padId));
      long head = stored.head();
      long wanted = rev == null ? head : rev;
      if (wanted < 0 || wanted > head) return Future.failedFuture(new RevisionOutOfRange(wanted, head));
      if (wanted >= stored.snapshot().rev()) return replay(stored.snapshot(), stored.tail(), wanted, head, stored);
      return store.snapshotAtOrBefore(padId, wanted).compose(snapshot -> {
        Revision start = new Revision(snapshot.rev(), snapshot.rev() == 0 ? stored.createdAt() : snapshot.time(), snapshot.doc(), head);
        return readOn(padId, start, wanted);
      });
    });
  }

  /** {@code from} moved forward to revision {@code rev}, reading and applying one chunk at a time. */
  private Future<Revision> readOn(String padId, Revision from, long rev) {
    if (from.rev() == rev) return Future.succeededFuture(from);
    long until = Math.min(rev, from.rev() + CHUNK);
    return store.ops(padId, from.rev(), until)
        .compose(ops -> apply(from, ops, until))
        .compose(next -> readOn(padId, next, rev));
  }

  private Future<Revision> replay(Snapshot snapshot, List<OpRecord> ops, long rev, long head, StoredPad stored) {
    long time = snapshot.rev() == 0 ? stored.createdAt() : snapshot.time();
    return apply(new Revision(snapshot.rev(), time, snapshot.doc(), head), ops, rev);
  }

  /** {@code from} with the records up to {@code rev} applied, on a worker; they must follow it without a gap. */
  private Future<Revision> apply(Revision from, List<OpRecord> ops, long rev) {
    return vertx.executeBlocking(() -> {
      AttributedText doc = from.doc();
      long time = from.time();
      long at = from.rev();
      for (OpRecord record : ops) {
        if (record.rev() > rev) break;
        if (record.rev() != at + 1) {
          throw new IllegalStateException("the store returned revision " + record.rev() + " after " + at);
        }
        doc = doc.apply(record.op(), record.author());
        time = record.time();
        at = record.rev();
      }
      if (at != rev) throw new IllegalStateException("the store holds revisions up to " + at + ", not " + rev);
      return new Revision(rev, time, doc, from.head());
    }, false);
  }
}
