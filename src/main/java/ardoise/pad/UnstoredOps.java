package ardoise.pad;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops accepted by a pad but not yet stored, in sequence order.
 *
 * <p>Invariant: {@code doc} is the head document with every queued op applied in order ({@code docs}
 * holds the document after each of them), and each
 * queued op applies to the document left by the ones before it; every queued op holds its room in
 * the server-wide {@link HeldOps} budget. Thread rule: pad context only.
 */
final class UnstoredOps {
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  /**
   * The document after each queued op, in the same order. Why keep them: once stored, the op
   * becomes the head, and its document is already here (persistent values share their nodes), so
   * committing it costs no second application of the op.
   */
  private final ArrayDeque<AttributedText> docs = new ArrayDeque<>();
  private final Map<String, Long> lastSeqs = new HashMap<>();
  private final HeldOps held;
  private AttributedText doc;

  /**
   * An accepted op waiting to be stored, attributed to {@code author}. {@code op} applies after the
   * ops queued before it; {@code committedOp} is the same op transformed only through the committed
   * revisions up to {@code committedHead} (kept to redo the transformation if the head moves).
   * {@code time} is the record's epoch milliseconds; {@code queuedNanos} the {@link System#nanoTime}
   * it was queued at (how long it waited, for {@link CommitTimings}).
   */
  record Pending(String clientId, long seq, String author, TextOperation op, TextOperation committedOp,
      long committedHead, long time, long queuedNanos) {}

  UnstoredOps(AttributedText head, HeldOps held) {
    this.doc = head;
    this.held = held;
  }

  int size() { return queue.size(); }

  boolean isEmpty() { return queue.isEmpty(); }

  Iterable<Pending> ops() { return queue; }

  /** The highest queued seq of {@code clientId}, or 0. */
  long lastSeq(String clientId) { return lastSeqs.getOrDefault(clientId, 0L); }

  /**
   * Applies {@code p} to the pending document and queues it; false (nothing queued) when the held-op
   * budget is spent. An op that does not apply throws and changes nothing.
   */
  boolean add(Pending p) {
    AttributedText next = doc.apply(p.op(), p.author());
    if (!held.tryHold(p.op())) return false;
    doc = next;
    queue.add(p);
    docs.add(next);
    lastSeqs.put(p.clientId(), p.seq());
    return true;
  }

  /** True if the first queued op is {@code rec}'s (clientId, seq): an append of ours that did commit. */
  boolean startsWith(OpRecord rec) {
    Pending p = queue.peek();
    return p != null && p.clientId().equals(rec.clientId()) && p.seq() == rec.seq();
  }

  /** When the first queued op was queued ({@link System#nanoTime}); the queue must not be empty. */
  long oldestQueuedNanos() { return queue.peek().queuedNanos(); }

  /** Records for the first {@code max} queued ops, numbered after {@code head}. */
  List<OpRecord> batch(long head, int max) {
    List<OpRecord> batch = new ArrayList<>();
    for (Pending p : queue) {
      if (batch.size() == max) break;
      batch.add(new OpRecord(++head, p.op(), p.clientId(), p.seq(), p.author(), p.time()));
    }
    return batch;
  }

  /**
   * Removes the first {@code n} ops, which are now stored; returns the document after each of them
   * (the head's documents once they are committed in this order).
   */
  List<AttributedText> removeStored(int n) {
    List<AttributedText> after = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Pending p = queue.poll();
      after.add(docs.poll());
      lastSeqs.remove(p.clientId(), p.seq());
      held.release(p.op());
    }
    return after;
  }

  /** True if {@code f}, committed elsewhere, is (or follows) one of the queued ops of its client. */
  boolean overlaps(OpRecord f) {
    for (Pending p : queue) {
      if (p.clientId().equals(f.clientId()) && p.seq() <= f.seq()) return true;
    }
    return false;
  }

  /** Empties the queue (the head document is {@code head}); returns what was queued. */
  List<Pending> clear(AttributedText head) {
    List<Pending> dropped = new ArrayList<>(queue);
    dropped.forEach(p -> held.release(p.op()));
    queue.clear();
    docs.clear();
    lastSeqs.clear();
    doc = head;
    return dropped;
  }

  /**
   * Redoes every queued op's transformation after the head moved (ops committed by another
   * instance): through the committed revisions after its {@code committedHead} in revision order,
   * then through the ops queued before it — the same order in which its client will see them, so
   * the client's own transformation gives the same result. Returns false (changing nothing) when
   * those revisions are no longer in memory.
   */
  boolean rebase(CommitWindow window) {
    List<Pending> rebased = new ArrayList<>();
    for (Pending p : queue) {
      if (p.committedHead() < window.windowStart()) return false;
      TextOperation committed = p.committedOp();
      for (OpRecord r : window.tailFrom(p.committedHead())) committed = TextOperation.transform(committed, r.op()).aPrime();
      TextOperation op = committed;
      for (Pending ahead : rebased) op = TextOperation.transform(op, ahead.op()).aPrime();
      rebased.add(new Pending(p.clientId(), p.seq(), p.author(), op, committed, window.head(), p.time(), p.queuedNanos()));
    }
    queue.clear();
    docs.clear();
    doc = window.doc();
    for (Pending p : rebased) {
      doc = doc.apply(p.op(), p.author());
      queue.add(p);
      docs.add(doc);
    }
    return true;
  }
}
