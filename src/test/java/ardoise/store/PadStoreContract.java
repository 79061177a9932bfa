package ardoise.store;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.AttributedText;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link PadStore} passes: each behaviour of the interface's Javadoc.
 * Subclasses supply a store (and, if they can, a second store on the same data to act as another
 * server instance). Waits are bounded only to turn a hang into a failure; nothing asserts a duration.
 */
public abstract class PadStoreContract implements ReadOnlyIdContract {
  protected static final long HANG_GUARD_S = 30;

  protected Vertx vertx;
  protected PadStore store;

  /** A new store over the shared test data. */
  protected abstract PadStore newStore(Vertx vertx);

  /** Another writer on the same data (another server instance); by default the same store. */
  protected PadStore otherWriter() {
    return store;
  }

  @Override public PadStore storeUnderTest() { return store; }
  @Override public PadStore secondInstance() { return otherWriter(); }

  @BeforeEach
  void openStore() {
    vertx = Vertx.vertx();
    store = newStore(vertx);
  }

  @AfterEach
  void closeStore() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  protected static String newPadId() {
    return "pad-" + UUID.randomUUID();
  }

  protected static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(HANG_GUARD_S, TimeUnit.SECONDS);
  }

  protected static Throwable failureOf(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the future to fail");
  }

  @Test
  void loadOfAPadNeverWrittenIsNull() throws Exception {
    assertNull(await(store.load(newPadId())));
  }

  @Test
  void appendedRecordsLoadBackExactly() throws Exception {
    String pad = newPadId();
    List<OpRecord> records = inserts(0, 0, "alice", 1, "Bonjour", "« été » ", "😀\n\"x\"");
    assertEquals(new AppendResult(true, 3), await(store.append(pad, 0, records)));
    StoredPad loaded = await(store.load(pad));
    assertEquals(Snapshot.EMPTY, loaded.snapshot());
    assertEquals(records, loaded.tail());
    assertEquals(3, loaded.head());
    assertEquals(Map.of("alice", new ClientSeq(3, 3)), loaded.lastSeqs());
    assertEquals(records.get(0).time(), loaded.createdAt());
  }

  @Test
  void appendOnAMovedHeadAppendsNothingAndReportsTheHead() throws Exception {
    String pad = newPadId();
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")));
    AppendResult result = await(store.append(pad, 0, inserts(0, 0, "bob", 1, "x")));
    assertEquals(new AppendResult(false, 2), result);
    StoredPad loaded = await(store.load(pad));
    assertEquals(2, loaded.head());
    assertFalse(loaded.lastSeqs().containsKey("bob"));
  }

  @Test
  void aSeqThatIsNotNewFailsAndAppendsNothing() throws Exception {
    String pad = newPadId();
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")));
    Throwable failure = failureOf(store.append(pad, 2, inserts(2, 2, "alice", 2, "c")));
    assertInstanceOf(SeqNotNewException.class, failure);
    assertTrue(failure.getMessage().contains("alice"), failure.getMessage());
    assertEquals(2, await(store.load(pad)).head());
  }

  @Test
  void aBatchIsAllOrNothing() throws Exception {
    String pad = newPadId();
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a")));
    List<OpRecord> batch = new ArrayList<>(inserts(1, 1, "bob", 1, "b", "c"));
    batch.add(inserts(3, 3, "alice", 1, "d").get(0)); // alice's seq 1 is already committed
    assertInstanceOf(SeqNotNewException.class, failureOf(store.append(pad, 1, batch)));
    StoredPad loaded = await(store.load(pad));
    assertEquals(1, loaded.head());
    assertEquals(Map.of("alice", new ClientSeq(1, 1)), loaded.lastSeqs());
    assertEquals(List.of(), await(store.ops(pad, 1, 10)));
  }

  @Test
  void seqsMustRiseWithinABatch() throws Exception {
    String pad = newPadId();
    List<OpRecord> batch = inserts(0, 0, "alice", 5, "a", "b");
    OpRecord second = batch.get(1);
    batch.set(1, new OpRecord(second.rev(), second.op(), "alice", 5, second.author(), second.time()));
    assertInstanceOf(SeqNotNewException.class, failureOf(store.append(pad, 0, batch)));
    assertNull(await(store.load(pad)));
  }

  @Test
  void aBatchOfSeveralClientsRecordsEachLastSeq() throws Exception {
    String pad = newPadId();
    List<OpRecord> batch = new ArrayList<>(inserts(0, 0, "alice", 7, "a"));
    batch.addAll(inserts(1, 1, "bob", 3, "b", "c"));
    assertEquals(new AppendResult(true, 3), await(store.append(pad, 0, batch)));
    assertEquals(Map.of("alice", new ClientSeq(7, 1), "bob", new ClientSeq(4, 3)), await(store.load(pad)).lastSeqs());
  }

  @Test
  void padIdsWithBracesAndEscapesStayApart() throws Exception {
    String suffix = UUID.randomUUID().toString();
    String braces = "atelier {été} " + suffix;
    String escaped = "atelier %7Bété%7D " + suffix;
    await(store.append(braces, 0, inserts(0, 0, "alice", 1, "a")));
    await(store.append(escaped, 0, inserts(0, 0, "bob", 1, "b", "c")));
    assertEquals(1, await(store.load(braces)).head());
    assertEquals(2, await(store.load(escaped)).head());
  }

  @Test
  void opsReadsHalfOpenRanges() throws Exception {
    String pad = newPadId();
    List<OpRecord> records = inserts(0, 0, "alice", 1, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    await(store.append(pad, 0, records));
    assertEquals(records, await(store.ops(pad, 0, 10)));
    assertEquals(records.subList(3, 7), await(store.ops(pad, 3, 7)));
    assertEquals(List.of(), await(store.ops(pad, 7, 7)));
    assertEquals(records.subList(8, 10), await(store.ops(pad, 8, 100)));
    assertEquals(List.of(), await(store.ops(newPadId(), 0, 5)));
  }

  @Test
  void snapshotAtOrBeforeFindsTheNewestNotAfter() throws Exception {
    String pad = newPadId();
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b", "c", "d", "e", "f")));
    Snapshot at2 = new Snapshot(2, AttributedText.of("ba", "author-alice"), 50);
    Snapshot at5 = new Snapshot(5, AttributedText.of("edcba", "author-alice"), 80);
    await(store.saveSnapshot(pad, at2));
    await(store.saveSnapshot(pad, at5));
    assertEquals(Snapshot.EMPTY, await(store.snapshotAtOrBefore(pad, 1)));
    assertEquals(at2, await(store.snapshotAtOrBefore(pad, 2)));
    assertEquals(at2, await(store.snapshotAtOrBefore(pad, 4)));
    assertEquals(at5, await(store.snapshotAtOrBefore(pad, 100)));
    StoredPad loaded = await(store.load(pad));
    assertEquals(at5, loaded.snapshot());
    assertEquals(List.of(6L), loaded.tail().stream().map(OpRecord::rev).toList());
  }

  @Test
  void watchSeesOwnAndOtherWritersCommitsOnTheCallersContext() throws Exception {
    String pad = newPadId();
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Long> sawOwn = new CompletableFuture<>();
    CompletableFuture<Long> sawOther = new CompletableFuture<>();
    CompletableFuture<Boolean> onContext = new CompletableFuture<>();
    Supplier<Future<PadStore.Subscription>> watch = () -> store.watch(pad, head -> {
      onContext.complete(Vertx.currentContext() == context);
      if (head == 1) sawOwn.complete(head);
      if (head == 3) sawOther.complete(head);
    });
    CompletableFuture<PadStore.Subscription> watching = new CompletableFuture<>();
    context.runOnContext(v -> watch.get().onComplete(ar -> watching.complete(ar.result())));
    watching.get(HANG_GUARD_S, TimeUnit.SECONDS);
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a")));
    assertEquals(1, sawOwn.get(HANG_GUARD_S, TimeUnit.SECONDS));
    await(otherWriter().append(pad, 1, inserts(1, 1, "bob", 1, "b", "c")));
    assertEquals(3, sawOther.get(HANG_GUARD_S, TimeUnit.SECONDS));
    assertTrue(onContext.get());
  }

  @Test
  void aClosedSubscriptionIsNotCalledAgain() throws Exception {
    String pad = newPadId();
    List<Long> closedSaw = new ArrayList<>();
    CompletableFuture<Long> openSaw = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    context.runOnContext(v -> store.watch(pad, closedSaw::add)
        .compose(first -> store.watch(pad, h -> { if (h == 1) openSaw.complete(h); }).compose(second -> first.close()))
        .onComplete(ar -> ready.complete(null)));
    ready.get(HANG_GUARD_S, TimeUnit.SECONDS);
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a")));
    openSaw.get(HANG_GUARD_S, TimeUnit.SECONDS);
    CompletableFuture<List<Long>> seen = new CompletableFuture<>();
    context.runOnContext(v -> seen.complete(List.copyOf(closedSaw)));
    assertEquals(List.of(), seen.get(HANG_GUARD_S, TimeUnit.SECONDS));
  }

  @Test
  void futuresCompleteOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Boolean> same = new CompletableFuture<>();
    String pad = newPadId();
    context.runOnContext(v -> store.append(pad, 0, inserts(0, 0, "alice", 1, "a"))
        .compose(r -> store.load(pad))
        .onComplete(ar -> same.complete(ar.succeeded() && Vertx.currentContext() == context)));
    assertTrue(same.get(HANG_GUARD_S, TimeUnit.SECONDS));
  }

  @Test
  void closeCompletes() throws Exception {
    PadStore extra = newStore(vertx);
    await(extra.append(newPadId(), 0, inserts(0, 0, "alice", 1, "a")));
    await(extra.close());
  }

  /** Loading (snapshot + tail) and snapshotAtOrBefore + ops both rebuild exactly the full replay. */
  @Test
  void snapshotPlusTailEqualsFullReplayForRandomHistories() throws Exception {
    RandomHistory.checkCases(store, PadStoreContract::newPadId);
  }
}
