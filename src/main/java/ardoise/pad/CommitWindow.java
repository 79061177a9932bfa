package ardoise.pad;

import ardoise.ot.AttributedText;
import ardoise.store.ClientSeq;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The committed part of one pad: the document at head, the head rev, the last seq of each clientId
 * and a window of recent {@link OpRecord}s (older ones are read from the store on demand).
 *
 * <p>The window is bounded twice: at most {@code windowSize} revisions and at most {@code maxBytes}
 * (estimated by {@link RecordSize}, so a commit costs O(op size)). Why bytes too: a few hundred
 * revisions near the message limit would otherwise hold hundreds of megabytes per pad. It may be
 * empty (one revision larger than the bound): everything older than the head is then read from the
 * store, which only costs time, never correctness.
 *
 * <p>Invariant: {@code window.get(first + i).rev() == windowStart() + 1 + i} and the last one is the
 * head; slots before {@code first} are null (dropped); {@code bytes} is the size of the live slots;
 * {@code doc} is the document at head. Thread rule: used only on its pad's context.
 */
final class CommitWindow {
  private static final int STORE_SEARCH_CHUNK = 1000;
  /** Revisions per store read outside the window: a chunk of large ops stays a few tens of megabytes. */
  private static final int STORE_READ_CHUNK = 100;

  private final String padId;
  private final PadStore store;
  private final int windowSize;
  private final long maxBytes;
  /** Records from index {@code first} on are the window; earlier slots are dropped (null) until compacted. */
  private final List<OpRecord> window = new ArrayList<>();
  private final List<Long> sizes = new ArrayList<>();
  private int first;
  private long bytes;
  private final Map<String, ClientSeq> lastSeqs = new HashMap<>();
  private AttributedText doc;
  private long head;

  CommitWindow(String padId, PadStore store, int windowSize, long maxBytes, StoredPad stored) {
    this.padId = padId;
    this.store = store;
    this.windowSize = windowSize;
    this.maxBytes = maxBytes;
    this.doc = stored == null ? AttributedText.EMPTY : stored.snapshot().doc();
    this.head = stored == null ? 0 : stored.snapshot().rev();
    if (stored != null) {
      for (OpRecord r : stored.tail()) commit(r);
      lastSeqs.putAll(stored.lastSeqs());
    }
  }

  long head() { return head; }

  AttributedText doc() { return doc; }

  /** First revision not in the window minus one: ops after it are in memory. */
  long windowStart() { return head - size(); }

  /** Revisions in memory. */
  int size() { return window.size() - first; }

  /** Their estimated heap size ({@link RecordSize}). */
  long bytes() { return bytes; }

  /** The last committed seq of {@code clientId}, or null if it never committed. */
  ClientSeq lastSeq(String clientId) { return lastSeqs.get(clientId); }

  /** Adds the next revision. Throws if {@code r} does not follow the head (an ordering bug). */
  void commit(OpRecord r) {
    commit(r, null);
  }

  /**
   * Adds the next revision, whose document {@code after} was already computed (the pad applied the
   * op when it queued it); null applies the op here.
   */
  void commit(OpRecord r, AttributedText after) {
    if (r.rev() != head + 1) {
      // Why: revisions must grow by exactly one; anything else would corrupt every client.
      throw new IllegalStateException("pad=" + padId + " record rev " + r.rev() + " after head " + head);
    }
    if (after != null && (after.length() != r.op().targetLength() || doc.length() != r.op().baseLength())) {
      throw new IllegalStateException("pad=" + padId + " rev " + r.rev() + ": the queued document does not follow the head");
    }
    doc = after != null ? after : doc.apply(r.op(), r.author());
    head = r.rev();
    long size = RecordSize.of(r);
    window.add(r);
    sizes.add(size);
    bytes += size;
    lastSeqs.put(r.clientId(), new ClientSeq(r.seq(), r.rev()));
    while (size() > 0 && (size() > windowSize || bytes > maxBytes)) dropOldest();
  }

  /** Forgets the oldest revision in memory at once (its slot is nulled), compacting now and then. */
  private void dropOldest() {
    window.set(first, null);
    bytes -= sizes.get(first);
    first++;
    if (first >= 64 && first * 2 >= window.size()) { // amortized O(1) per revision
      window.subList(0, first).clear();
      sizes.subList(0, first).clear();
      first = 0;
    }
  }

  /** Committed ops after {@code rev}, in memory only; {@code rev >= windowStart()}. */
  List<OpRecord> tailFrom(long rev) {
    return List.copyOf(window.subList(first + (int) (rev - windowStart()), window.size()));
  }

  /** The committed op turning {@code rev} into {@code rev + 1}; {@code windowStart() <= rev < head()}. */
  OpRecord recordAfter(long rev) {
    return window.get(first + (int) (rev - windowStart()));
  }

  /**
   * Ops {@code (rev, head]} as of the moment the future completes, read from the store (in chunks)
   * when outside the window; null when those read from the store exceed {@code budget} bytes
   * (estimated), so that one request never holds more than about the budget plus the window.
   */
  Future<List<OpRecord>> since(long rev, long budget) {
    return readFrom(rev, new ArrayList<>(), 0, budget);
  }

  private Future<List<OpRecord>> readFrom(long from, List<OpRecord> into, long read, long budget) {
    long upTo = windowStart(); // moves on while the store answers: read until the window is reached
    if (from >= upTo) {
      into.addAll(window.subList(first + (int) (from - upTo), window.size()));
      return Future.succeededFuture(into);
    }
    long until = Math.min(upTo, from + STORE_READ_CHUNK);
    return store.ops(padId, from, until).compose(older -> {
      if (older.size() != until - from || older.get(0).rev() != from + 1) {
        return Future.failedFuture(new IllegalStateException("store returned " + older.size()
            + " ops for revisions (" + from + ", " + until + "]"));
      }
      long bytes = read;
      for (OpRecord r : older) bytes += RecordSize.of(r);
      if (bytes > budget) return Future.succeededFuture(null);
      into.addAll(older);
      return readFrom(until, into, bytes, budget);
    });
  }

  /** The revision that (clientId, seq) became, searching the window then the store backwards; -1 if absent. */
  Future<Long> revOf(String clientId, long seq) {
    for (int i = window.size() - 1; i >= first; i--) {
      OpRecord r = window.get(i);
      if (r.clientId().equals(clientId) && r.seq() == seq) return Future.succeededFuture(r.rev());
    }
    return searchStore(clientId, seq, windowStart());
  }

  private Future<Long> searchStore(String clientId, long seq, long toInclusive) {
    if (toInclusive <= 0) return Future.succeededFuture(-1L);
    long from = Math.max(0, toInclusive - STORE_SEARCH_CHUNK);
    return store.ops(padId, from, toInclusive).compose(ops -> {
      for (OpRecord r : ops) {
        if (r.clientId().equals(clientId) && r.seq() == seq) return Future.succeededFuture(r.rev());
      }
      return searchStore(clientId, seq, from);
    });
  }
}
