package ardoise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each sentence of the {@link PadStore} javadoc, checked against {@link InMemoryPadStore}. */
class InMemoryPadStoreTest {
  private final InMemoryPadStore store = new InMemoryPadStore();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private static OpRecord insert(long rev, String clientId, long seq, int at, String text) {
    TextOperation op = TextOperation.builder().retain(at).insert(text, clientId).build();
    return new OpRecord(rev, op, clientId, seq, clientId, 1000 + rev);
  }

  @Test
  void neverWrittenPadLoadsAsNull() throws Exception {
    assertNull(store.load("nothing").await());
    assertEquals(List.of(), store.ops("nothing", 0, 10).await());
    assertSame(Snapshot.EMPTY, store.snapshotAtOrBefore("nothing", 5).await());
  }

  @Test
  void appendChecksTheHeadAndIsAllOrNothing() throws Exception {
    assertEquals(new AppendResult(true, 2), store.append("p", 0, List.of(insert(1, "a", 1, 0, "x"), insert(2, "b", 1, 1, "y"))).await());
    assertEquals(new AppendResult(false, 2), store.append("p", 1, List.of(insert(2, "a", 2, 1, "z"))).await());
    // A seq that is not new fails the future and appends nothing, not even the valid first record.
    SeqNotNewException e = assertThrows(SeqNotNewException.class,
        () -> store.append("p", 2, List.of(insert(3, "c", 1, 2, "!"), insert(4, "a", 1, 3, "?"))).await());
    assertTrue(e.getMessage().contains("not new"));
    assertEquals(2, store.ops("p", 0, 100).await().size());
    StoredPad loaded = store.load("p").await();
    assertEquals(2, loaded.head());
    assertEquals(new ClientSeq(1, 1), loaded.lastSeqs().get("a"));
    assertEquals(new ClientSeq(1, 2), loaded.lastSeqs().get("b"));
    assertTrue(loaded.createdAt() > 0);
  }

  @Test
  void opsAreTheHalfOpenRangeInOrder() throws Exception {
    store.append("p", 0, List.of(insert(1, "a", 1, 0, "1"), insert(2, "a", 2, 1, "2"), insert(3, "a", 3, 2, "3"))).await();
    assertEquals(List.of(2L, 3L), store.ops("p", 1, 3).await().stream().map(OpRecord::rev).toList());
    assertEquals(List.of(3L), store.ops("p", 2, 99).await().stream().map(OpRecord::rev).toList());
    assertEquals(List.of(), store.ops("p", 3, 3).await());
  }

  @Test
  void loadReturnsLatestSnapshotAndTheOpsAfterIt() throws Exception {
    store.append("p", 0, List.of(insert(1, "a", 1, 0, "ab"))).await();
    AttributedText at1 = AttributedText.EMPTY.apply(insert(1, "a", 1, 0, "ab").op(), "a");
    store.saveSnapshot("p", new Snapshot(1, at1, 5)).await();
    store.append("p", 1, List.of(insert(2, "b", 1, 2, "c"))).await();
    StoredPad loaded = store.load("p").await();
    assertEquals(1, loaded.snapshot().rev());
    assertEquals("ab", loaded.snapshot().doc().text());
    assertEquals(List.of(2L), loaded.tail().stream().map(OpRecord::rev).toList());
    assertEquals(1, store.snapshotAtOrBefore("p", 5).await().rev());
    assertSame(Snapshot.EMPTY, store.snapshotAtOrBefore("p", 0).await());
  }

  @Test
  void watchHearsEveryCommitOnTheCallersContextUntilClosed() throws Exception {
    Context ctx = vertx.getOrCreateContext();
    LinkedBlockingQueue<Long> heads = new LinkedBlockingQueue<>();
    Promise<PadStore.Subscription> sub = Promise.promise();
    ctx.runOnContext(v -> store.watch("p", head -> {
      assertSame(ctx, Vertx.currentContext());
      heads.add(head);
    }).onComplete(sub));
    PadStore.Subscription s = sub.future().await();
    store.append("p", 0, List.of(insert(1, "a", 1, 0, "x"))).await(); // from another thread: "another instance"
    assertEquals(1L, heads.poll(10, TimeUnit.SECONDS));
    s.close().await();
    store.append("p", 1, List.of(insert(2, "a", 2, 1, "y"))).await();
    Promise<Void> fence = Promise.promise();
    ctx.runOnContext(v -> fence.complete()); // any queued watch call would run before this
    fence.future().await();
    assertTrue(heads.isEmpty());
  }

  @Test
  void futuresCompleteOnTheCallersContext() throws Exception {
    Context ctx = vertx.getOrCreateContext();
    Promise<Boolean> same = Promise.promise();
    ctx.runOnContext(v -> store.load("p").onComplete(r -> same.complete(Vertx.currentContext() == ctx)));
    assertTrue(same.future().await());
  }

  @Test
  void unavailableStoreFailsEveryCallAndSaysSo() throws Exception {
    store.setAvailable(false);
    assertFalse(store.isAvailable());
    assertThrows(IllegalStateException.class, () -> store.append("p", 0, List.of(insert(1, "a", 1, 0, "x"))).await());
    store.setAvailable(true);
    assertNull(store.load("p").await());
    store.close().await();
    assertFalse(store.isAvailable());
  }
}
