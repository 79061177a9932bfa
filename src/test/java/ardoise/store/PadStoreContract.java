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
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link PadStore} passes: each behaviour of the interface's Javadoc.
 * Subclasses supply a store (and, if they can, a second store on the same data to act as another
 * server instance). Nothing asserts a duration.
 */
public abstract class PadStoreContract implements ReadOnlyIdContract, DeletionContract, PolicyContract, ListingContract {
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
    store.close().await();
    vertx.close().await();
  }

  protected static String newPadId() {
    return "pad-" + UUID.randomUUID();
  }

  /** The failure of {@code future}, which must fail. */
  protected static Throwable failureOf(Future<?> future) {
    Throwable failure = future.map((Throwable) null).otherwise(e -> e).await();
    if (failure == null) throw new AssertionError("expected the future to fail");
    return failure;
  }

  @Test
  void loadOfAPadNeverWrittenIsNull() throws Exception {
    assertNull(store.load(newPadId()).await());
  }

  @Test
  void aPadExistsOnceWrittenAndNotBeforeNorBecauseOfItsReadOnlyId() throws Exception {
    String pad = newPadId();
    assertEquals(false, store.exists(pad).await());
    assertNull(store.readOnlyId(pad, "ABCDEFGHIJKLMNOPQRSTUV").await(), "no read-only id for a pad never written");
    assertEquals(false, store.exists(pad).await(), "opened and shared, not written");
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a")).await();
    assertEquals(true, store.exists(pad).await());
  }

  @Test
  void appendedRecordsLoadBackExactly() throws Exception {
    String pad = newPadId();
    List<OpRecord> records = inserts(0, 0, "alice", 1, "Bonjour", "« été » ", "😀\n\"x\"");
    assertEquals(new AppendResult(true, 3), store.append(pad, 0, records).await());
    StoredPad loaded = store.load(pad).await();
    assertEquals(Snapshot.EMPTY, loaded.snapshot());
    assertEquals(records, loaded.tail());
    assertEquals(3, loaded.head());
    assertEquals(Map.of("alice", new ClientSeq(3, 3)), loaded.lastSeqs());
    assertEquals(records.get(0).time(), loaded.createdAt());
  }

  @Test
  void aPadDatesFromItsFirstRecordWhateverIsAppendedLater() throws Exception {
    String pad = newPadId();
    List<OpRecord> first = inserts(0, 0, "alice", 1, "ab");
    store.append(pad, 0, first).await();
    List<OpRecord> later = inserts(1, 2, "bob", 1, "c", "d");
    assertEquals(new AppendResult(true, 3), store.append(pad, 1, later).await());
    assertEquals(first.get(0).time(), store.load(pad).await().createdAt());
    assertEquals(later.get(1).time(), store.entry(pad).await().lastEditedMillis(), "the last edit is the newest record's");
  }

  @Test
  void appendOnAMovedHeadAppendsNothingAndReportsTheHead() throws Exception {
    String pad = newPadId();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")).await();
    AppendResult result = store.append(pad, 0, inserts(0, 0, "bob", 1, "x")).await();
    assertEquals(new AppendResult(false, 2), result);
    StoredPad loaded = store.load(pad).await();
    assertEquals(2, loaded.head());
    assertFalse(loaded.lastSeqs().containsKey("bob"));
  }

  @Test
  void anAppendAfterAnotherEditThanTheCallersHeadIsRefusedAsForked() throws Exception {
    String pad = newPadId();
    List<OpRecord> first = inserts(0, 0, "alice", 1, "a", "b");
    store.append(pad, 0, first).await();
    OpRecord head = first.get(1);
    assertEquals(AppendResult.forked(2), otherWriter().append(pad, 2, "bob 7", inserts(2, 2, "carol", 1, "x")).await(),
        "the caller's revision 2 is bob's, the store's is alice's");
    assertEquals(2, store.load(pad).await().head(), "nothing appended");
    assertEquals(new AppendResult(true, 3), otherWriter().append(pad, 2, head.identity(), inserts(2, 2, "carol", 1, "x")).await());
    assertEquals(new AppendResult(true, 4), store.append(pad, 3, null, inserts(3, 3, "dan", 1, "y")).await(), "null: not checked");
    assertEquals(new AppendResult(false, 4), store.append(pad, 3, "carol 1", inserts(3, 3, "erin", 1, "z")).await(),
        "a moved head is reported as before");
  }

  @Test
  void aSeqThatIsNotNewFailsAndAppendsNothing() throws Exception {
    String pad = newPadId();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")).await();
    Throwable failure = failureOf(store.append(pad, 2, inserts(2, 2, "alice", 2, "c")));
    assertInstanceOf(SeqNotNewException.class, failure);
    assertTrue(failure.getMessage().contains("alice"), failure.getMessage());
    assertEquals(2, store.load(pad).await().head());
  }

  @Test
  void aBatchIsAllOrNothing() throws Exception {
    String pad = newPadId();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a")).await();
    List<OpRecord> batch = new ArrayList<>(inserts(1, 1, "bob", 1, "b", "c"));
    batch.add(inserts(3, 3, "alice", 1, "d").get(0)); // alice's seq 1 is already committed
    assertInstanceOf(SeqNotNewException.class, failureOf(store.append(pad, 1, batch)));
    StoredPad loaded = store.load(pad).await();
    assertEquals(1, loaded.head());
    assertEquals(Map.of("alice", new ClientSeq(1, 1)), loaded.lastSeqs());
    assertEquals(List.of(), store.ops(pad, 1, 10).await());
  }

  @Test
  void seqsMustRiseWithinABatch() throws Exception {
    String pad = newPadId();
    List<OpRecord> batch = inserts(0, 0, "alice", 5, "a", "b");
    OpRecord second = batch.get(1);
    batch.set(1, new OpRecord(second.rev(), second.op(), "alice", 5, second.author(), second.time()));
    assertInstanceOf(SeqNotNewException.class, failureOf(store.append(pad, 0, batch)));
    assertNull(store.load(pad).await());
  }

  @Test
  void aBatchOfSeveralClientsRecordsEachLastSeq() throws Exception {
    String pad = newPadId();
    List<OpRecord> batch = new ArrayList<>(inserts(0, 0, "alice", 7, "a"));
    batch.addAll(inserts(1, 1, "bob", 3, "b", "c"));
    assertEquals(new AppendResult(true, 3), store.append(pad, 0, batch).await());
    assertEquals(Map.of("alice", new ClientSeq(7, 1), "bob", new ClientSeq(4, 3)), store.load(pad).await().lastSeqs());
  }

  @Test
  void padIdsWithBracesAndEscapesStayApart() throws Exception {
    String suffix = UUID.randomUUID().toString();
    String braces = "atelier {été} " + suffix;
    String escaped = "atelier %7Bété%7D " + suffix;
    store.append(braces, 0, inserts(0, 0, "alice", 1, "a")).await();
    store.append(escaped, 0, inserts(0, 0, "bob", 1, "b", "c")).await();
    assertEquals(1, store.load(braces).await().head());
    assertEquals(2, store.load(escaped).await().head());
  }

  @Test
  void opsReadsHalfOpenRanges() throws Exception {
    String pad = newPadId();
    List<OpRecord> records = inserts(0, 0, "alice", 1, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
    store.append(pad, 0, records).await();
    assertEquals(records, store.ops(pad, 0, 10).await());
    assertEquals(records.subList(3, 7), store.ops(pad, 3, 7).await());
    assertEquals(List.of(), store.ops(pad, 7, 7).await());
    assertEquals(records.subList(8, 10), store.ops(pad, 8, 100).await());
    assertEquals(List.of(), store.ops(newPadId(), 0, 5).await());
  }

  @Test
  void snapshotAtOrBeforeFindsTheNewestNotAfter() throws Exception {
    String pad = newPadId();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b", "c", "d", "e", "f")).await();
    Snapshot at2 = new Snapshot(2, AttributedText.of("ba", "author-alice"), 50);
    Snapshot at5 = new Snapshot(5, AttributedText.of("edcba", "author-alice"), 80);
    store.saveSnapshot(pad, at2).await();
    store.saveSnapshot(pad, at5).await();
    assertEquals(Snapshot.EMPTY, store.snapshotAtOrBefore(pad, 1).await());
    assertEquals(at2, store.snapshotAtOrBefore(pad, 2).await());
    assertEquals(at2, store.snapshotAtOrBefore(pad, 4).await());
    assertEquals(at5, store.snapshotAtOrBefore(pad, 100).await());
    StoredPad loaded = store.load(pad).await();
    assertEquals(at5, loaded.snapshot());
    assertEquals(List.of(6L), loaded.tail().stream().map(OpRecord::rev).toList());
  }

  @Test
  void watchSeesOwnAndOtherWritersCommitsOnTheCallersContext() throws Exception {
    String pad = newPadId();
    Context context = vertx.getOrCreateContext();
    Promise<Long> sawOwn = Promise.promise();
    Promise<Long> sawOther = Promise.promise();
    Promise<Boolean> onContext = Promise.promise();
    Supplier<Future<PadStore.Subscription>> watch = () -> store.watch(pad, head -> {
      onContext.tryComplete(Vertx.currentContext() == context);
      if (head == 1) sawOwn.tryComplete(head);
      if (head == 3) sawOther.tryComplete(head);
    });
    Promise<PadStore.Subscription> watching = Promise.promise();
    context.runOnContext(v -> watch.get().onComplete(watching));
    watching.future().await();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a")).await();
    assertEquals(1, sawOwn.future().await());
    otherWriter().append(pad, 1, inserts(1, 1, "bob", 1, "b", "c")).await();
    assertEquals(3, sawOther.future().await());
    assertTrue(onContext.future().await());
  }

  @Test
  void aClosedSubscriptionIsNotCalledAgain() throws Exception {
    String pad = newPadId();
    List<Long> closedSaw = new ArrayList<>();
    Promise<Long> openSaw = Promise.promise();
    Context context = vertx.getOrCreateContext();
    Promise<Void> ready = Promise.promise();
    context.runOnContext(v -> store.watch(pad, closedSaw::add)
        .compose(first -> store.watch(pad, h -> { if (h == 1) openSaw.tryComplete(h); }).compose(second -> first.close()))
        .onComplete(ready));
    ready.future().await();
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a")).await();
    openSaw.future().await();
    Promise<List<Long>> seen = Promise.promise();
    context.runOnContext(v -> seen.complete(List.copyOf(closedSaw)));
    assertEquals(List.of(), seen.future().await());
  }

  @Test
  void futuresCompleteOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    Promise<Boolean> same = Promise.promise();
    String pad = newPadId();
    context.runOnContext(v -> store.append(pad, 0, inserts(0, 0, "alice", 1, "a"))
        .compose(r -> store.load(pad))
        .onComplete(ar -> same.complete(ar.succeeded() && Vertx.currentContext() == context)));
    assertTrue(same.future().await());
  }

  @Test
  void closeCompletes() throws Exception {
    PadStore extra = newStore(vertx);
    extra.append(newPadId(), 0, inserts(0, 0, "alice", 1, "a")).await();
    extra.close().await();
  }

  private static ChatMessage chat(String text, long time) {
    return new ChatMessage(0, "client-alice-0001", "alice", "Zoë « Z »", "#e69f00", text, time);
  }

  @Test
  void chatKeepsTheNewestMessagesInOrderWithRisingIds() throws Exception {
    String pad = newPadId();
    assertEquals(List.of(), store.chat().recent(pad, 10).await());
    for (int i = 1; i <= 6; i++) {
      ChatMessage stored = store.chat().append(pad, chat("message " + i + " 😀\n<img src=x>", 1000 + i), 4).await();
      assertEquals(chat("message " + i + " 😀\n<img src=x>", 1000 + i).withId(i), stored);
    }
    List<ChatMessage> kept = store.chat().recent(pad, 10).await();
    assertEquals(List.of(3L, 4L, 5L, 6L), kept.stream().map(ChatMessage::id).toList());
    assertEquals(chat("message 6 😀\n<img src=x>", 1006).withId(6), kept.get(3));
    assertEquals(List.of(5L, 6L), store.chat().recent(pad, 2).await().stream().map(ChatMessage::id).toList());
    assertEquals(7, otherWriter().chat().append(pad, chat("d'une autre instance", 2000), 4).await().id());
  }

  @Test
  void chatsOfPadsStayApartAndLeaveThePadUnwritten() throws Exception {
    String suffix = UUID.randomUUID().toString();
    String braces = "atelier {été} " + suffix;
    String escaped = "atelier %7Bété%7D " + suffix;
    store.chat().append(braces, chat("a", 1), 10).await();
    store.chat().append(escaped, chat("b", 2), 10).await();
    store.chat().append(escaped, chat("c", 3), 10).await();
    assertEquals(List.of("a"), store.chat().recent(braces, 10).await().stream().map(ChatMessage::text).toList());
    assertEquals(List.of("b", "c"), store.chat().recent(escaped, 10).await().stream().map(ChatMessage::text).toList());
    assertNull(store.load(braces).await(), "a chat alone does not create the pad's text");
  }

  @Test
  void aPadIsClaimedOnceAndItsOwnerLeavesItUnwritten() throws Exception {
    String pad = "propriete-" + UUID.randomUUID();
    assertNull(store.notes().ownerTokenHash(pad).await());
    assertTrue(store.notes().claimOwner(pad, "hash-of-the-first").await());
    assertFalse(otherWriter().notes().claimOwner(pad, "hash-of-the-second").await(), "a pad is claimed once, whichever instance asks");
    assertEquals("hash-of-the-first", store.notes().ownerTokenHash(pad).await());
    assertNull(store.notes().ownerTokenHash(pad + "-autre").await());
    assertFalse(store.exists(pad).await(), "an owner alone does not write the pad");
  }

  /** Loading (snapshot + tail) and snapshotAtOrBefore + ops both rebuild exactly the full replay. */
  @Test
  void snapshotPlusTailEqualsFullReplayForRandomHistories() throws Exception {
    RandomHistory.checkCases(store, PadStoreContract::newPadId);
  }
}
