package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.StoredPad;
import ardoise.testing.Eventually;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pad whose store fails: ops are held (not acknowledged) within the server-wide budget, refused
 * with store-unavailable beyond it, and stored in arrival order once the store answers; an append
 * whose reply is lost is recognised as committed, not applied twice; a head the store announced and
 * then lost holds nothing back.
 */
class HeldEditsTest {
  private final PadContext pads = new PadContext();
  private final InMemoryPadStore memory = new InMemoryPadStore();
  private final LostReplyStore store = new LostReplyStore(memory);
  private final HeldOps held = new HeldOps(2, 1000);
  private final RecordingMember a = new RecordingMember("alice-0123456789ab");
  private final RecordingMember b = new RecordingMember("bruno-0123456789ab");
  private final RecordingMember c = new RecordingMember("chloe-0123456789ab");
  private Pad pad;

  @BeforeEach
  void start() throws Exception {
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(10_000, 10, 500, 60_000), pads.context, held));
    pad = onFuture(() -> registry.pad("held"));
    for (RecordingMember m : List.of(a, b, c)) onFuture(() -> pad.join(m.arrival(), 0L));
  }

  @AfterEach
  void stop() throws Exception {
    pads.close();
  }

  @Test
  void opsAreHeldWithinTheBudgetAndStoredInOrderWhenTheStoreReturns() throws Exception {
    memory.setAvailable(false);
    submit(a, 0, 1, "A");
    submit(b, 0, 1, "B");
    submit(c, 0, 1, "C");
    assertEquals(List.of("joined 0", "rejected STORE_UNAVAILABLE 1"), c.events(), "beyond the budget");
    assertEquals(2, held.ops());
    assertEquals(List.of("joined 0"), a.events(), "nothing acknowledged while the store is down");
    assertEquals(List.of("joined 0"), b.events());

    memory.setAvailable(true);
    Eventually.until("the held ops are stored", () -> held.ops() == 0);
    submit(c, 0, 1, "C"); // the client kept its op and sends it again
    Eventually.until("chloe saw three revisions", () -> c.revs().size() == 3);
    assertEquals(List.of("joined 0", "ack 1 1", "op 2", "op 3"), a.events());
    assertEquals(List.of("joined 0", "op 1", "ack 1 2", "op 3"), b.events());
    assertEquals(List.of(1L, 2L, 3L), c.revs());
    assertEquals("CBA", text());
  }

  @Test
  void anAppendWhoseReplyIsLostIsAcknowledgedOnceNotDropped() throws Exception {
    store.loseNextReply = true;
    submit(a, 0, 1, "A");
    submit(b, 0, 1, "B");
    Eventually.until("alice and bruno saw both revisions", () -> a.revs().size() == 2 && b.revs().size() == 2);
    assertEquals(List.of("joined 0", "ack 1 1", "op 2"), a.events());
    assertEquals(List.of("joined 0", "op 1", "ack 1 2"), b.events());
    assertEquals(0, held.ops());
    assertEquals("BA", text());
    assertEquals(2, onFuture(() -> memory.load("held")).head());
  }

  @Test
  void revisionsTheStoreLostAreWrittenAgainFromMemory() throws Exception {
    submit(a, 0, 1, "A");
    Eventually.until("alice's op is acknowledged", () -> a.revs().size() == 1);
    submit(b, 0, 1, "B");
    Eventually.until("bruno's op is acknowledged", () -> b.revs().size() == 2);
    // Redis restarted from an append-only file that misses rev 2 (acknowledged, then lost).
    InMemoryPadStore older = new InMemoryPadStore();
    List<OpRecord> first = onFuture(() -> memory.ops("held", 0, 1));
    onFuture(() -> older.append("held", 0, first));
    store.target = older;

    submit(c, 0, 1, "C");
    Eventually.until("chloe saw three revisions", () -> c.revs().size() == 3);
    assertEquals(List.of("joined 0", "ack 1 1", "op 2", "op 3"), a.events());
    assertEquals(List.of("joined 0", "op 1", "ack 1 2", "op 3"), b.events());
    assertEquals(3, onFuture(() -> older.load("held")).head());
    assertEquals(List.of("bruno-0123456789ab", "chloe-0123456789ab"),
        onFuture(() -> older.ops("held", 1, 3)).stream().map(OpRecord::clientId).toList());
  }

  @Test
  void aHeadTheStoreNoLongerHoldsIsForgottenAndTheHeldOpsAreStored() throws Exception {
    submit(a, 0, 1, "A");
    Eventually.until("alice's op is acknowledged", () -> a.revs().size() == 1);
    // The master announced revs 2..4, then a failover replaced it before any replica had them: no one
    // was acknowledged for them, and the store's head is still 1.
    on(() -> {
      store.heads.accept(4);
      return null;
    });
    submit(b, 0, 1, "B");
    Eventually.until("bruno's op is acknowledged", () -> b.revs().size() == 2, () -> b.events().toString());
    assertEquals(List.of("joined 0", "ack 1 1", "op 2"), a.events());
    assertEquals(List.of("joined 0", "op 1", "ack 1 2"), b.events());
    assertEquals(1, store.emptyReads.get(), "the unserved head is read once, then forgotten");
    assertEquals(2, onFuture(() -> memory.load("held")).head());
    assertEquals("BA", text());
  }

  /** Submits an insert at the start of the empty document (rev 0). */
  private void submit(RecordingMember m, long rev, long seq, String insert) throws Exception {
    on(() -> {
      pad.submit(m, rev, seq, TextOperation.builder().insert(insert).build());
      return null;
    });
  }

  private String text() throws Exception {
    StoredPad stored = onFuture(() -> memory.load("held"));
    String doc = stored.snapshot().doc().text();
    for (OpRecord r : stored.tail()) doc = r.op().apply(doc);
    return doc;
  }

  private <T> T on(Supplier<T> task) {
    return pads.on(task);
  }

  private <T> T onFuture(Supplier<Future<T>> task) {
    return pads.onFuture(task);
  }

  /**
   * Forwards to a store that can be swapped (a Redis restored from older files); can run one append
   * and then report it failed, as a broken connection would. {@code heads} announces a head to the
   * pad as the store's notifications do (call it on the pad's context); {@code emptyReads} counts the
   * reads of revisions that found none.
   */
  private static final class LostReplyStore implements PadStore {
    volatile PadStore target;
    volatile boolean loseNextReply;
    volatile LongConsumer heads = head -> { };
    final java.util.concurrent.atomic.AtomicInteger emptyReads = new java.util.concurrent.atomic.AtomicInteger();

    LostReplyStore(PadStore target) {
      this.target = target;
    }

    @Override public Future<StoredPad> load(String padId) { return target.load(padId); }

    @Override public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
      Future<AppendResult> result = target.append(padId, expectedHead, records);
      if (!loseNextReply) return result;
      loseNextReply = false;
      return result.compose(r -> Future.failedFuture("connection closed before the reply"));
    }

    @Override public Future<List<OpRecord>> ops(String padId, long from, long to) {
      return target.ops(padId, from, to).onSuccess(ops -> {
        if (ops.isEmpty() && to > from) emptyReads.incrementAndGet();
      });
    }

    @Override public Future<Void> saveSnapshot(String padId, Snapshot s) { return target.saveSnapshot(padId, s); }

    @Override public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) {
      return target.snapshotAtOrBefore(padId, atMost);
    }

    @Override public Future<Subscription> watch(String padId, LongConsumer onHead) {
      heads = onHead;
      return target.watch(padId, onHead);
    }

    @Override public ardoise.store.PadNotes notes() { return target.notes(); }

    @Override public ardoise.store.ChatLog chat() { return target.chat(); }

    @Override public Future<String> readOnlyId(String padId, String candidate) { return target.readOnlyId(padId, candidate); }

    @Override public Future<String> padOfReadOnlyId(String readOnlyId) { return target.padOfReadOnlyId(readOnlyId); }

    @Override public Future<Boolean> delete(String padId, long tombstoneSeconds) { return target.delete(padId, tombstoneSeconds); }

    @Override public Future<Void> setPolicy(String padId, ardoise.store.PadPolicy policy) { return target.setPolicy(padId, policy); }

    @Override public Future<String> rotateReadOnlyId(String padId, String candidate) {
      return target.rotateReadOnlyId(padId, candidate);
    }

    @Override public Future<ardoise.store.PadListing> listPads(String cursor, int limit) { return target.listPads(cursor, limit); }

    @Override public boolean isAvailable() { return target.isAvailable(); }

    @Override public Future<Void> close() { return target.close(); }
  }
}
