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
 * <p>Invariant: {@code window.get(i).rev() == windowStart() + 1 + i} and the last one is the head;
 * {@code doc} is the document at head. Thread rule: used only on its pad's context.
 */
final class CommitWindow {
  private static final int STORE_SEARCH_CHUNK = 1000;

  private final String padId;
  private final PadStore store;
  private final int windowSize;
  private final List<OpRecord> window = new ArrayList<>();
  private final Map<String, ClientSeq> lastSeqs = new HashMap<>();
  private AttributedText doc;
  private long head;

  CommitWindow(String padId, PadStore store, int windowSize, StoredPad stored) {
    this.padId = padId;
    this.store = store;
    this.windowSize = windowSize;
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
  long windowStart() { return head - window.size(); }

  /** The last committed seq of {@code clientId}, or null if it never committed. */
  ClientSeq lastSeq(String clientId) { return lastSeqs.get(clientId); }

  /** Adds the next revision. Throws if {@code r} does not follow the head (an ordering bug). */
  void commit(OpRecord r) {
    if (r.rev() != head + 1) {
      // Why: revisions must grow by exactly one; anything else would corrupt every client.
      throw new IllegalStateException("pad=" + padId + " record rev " + r.rev() + " after head " + head);
    }
    doc = doc.apply(r.op(), r.author());
    head = r.rev();
    window.add(r);
    lastSeqs.put(r.clientId(), new ClientSeq(r.seq(), r.rev()));
    if (window.size() >= 2 * windowSize) window.subList(0, window.size() - windowSize).clear(); // amortized O(1)
  }

  /** Committed ops after {@code rev}, in memory only; {@code rev >= windowStart()}. */
  List<OpRecord> tailFrom(long rev) {
    return List.copyOf(window.subList((int) (rev - windowStart()), window.size()));
  }

  /** The committed op turning {@code rev} into {@code rev + 1}; {@code windowStart() <= rev < head()}. */
  OpRecord recordAfter(long rev) {
    return window.get((int) (rev - windowStart()));
  }

  /** Ops {@code (rev, head]} as of the moment the future completes, read from the store when outside the window. */
  Future<List<OpRecord>> since(long rev) {
    if (rev >= windowStart()) return Future.succeededFuture(tailFrom(rev));
    long upTo = windowStart();
    return store.ops(padId, rev, upTo).compose(older -> {
      if (older.size() != upTo - rev || (!older.isEmpty() && older.get(0).rev() != rev + 1)) {
        return Future.failedFuture(new IllegalStateException("store returned " + older.size()
            + " ops for revisions (" + rev + ", " + upTo + "]"));
      }
      return since(upTo).map(newer -> {
        List<OpRecord> all = new ArrayList<>(older);
        all.addAll(newer);
        return all;
      });
    });
  }

  /** The revision that (clientId, seq) became, searching the window then the store backwards; -1 if absent. */
  Future<Long> revOf(String clientId, long seq) {
    for (int i = window.size() - 1; i >= 0; i--) {
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
