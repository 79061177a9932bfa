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
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void neverWrittenPadLoadsAsNull() throws Exception {
    assertNull(get(store.load("nothing")));
    assertEquals(List.of(), get(store.ops("nothing", 0, 10)));
    assertSame(Snapshot.EMPTY, get(store.snapshotAtOrBefore("nothing", 5)));
  }

  @Test
  void appendChecksTheHeadAndIsAllOrNothing() throws Exception {
    assertEquals(new AppendResult(true, 2), get(store.append("p", 0, List.of(insert(1, "a", 1, 0, "x"), insert(2, "b", 1, 1, "y")))));
    assertEquals(new AppendResult(false, 2), get(store.append("p", 1, List.of(insert(2, "a", 2, 1, "z")))));
    // A seq that is not new fails the future and appends nothing, not even the valid first record.
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> get(store.append("p", 2, List.of(insert(3, "c", 1, 2, "!"), insert(4, "a", 1, 3, "?")))));
    assertTrue(e.getCause().getMessage().contains("not new"));
    assertEquals(2, get(store.ops("p", 0, 100)).size());
    StoredPad loaded = get(store.load("p"));
    assertEquals(2, loaded.head());
    assertEquals(new ClientSeq(1, 1), loaded.lastSeqs().get("a"));
    assertEquals(new ClientSeq(1, 2), loaded.lastSeqs().get("b"));
    assertTrue(loaded.createdAt() > 0);
  }

  @Test
  void opsAreTheHalfOpenRangeInOrder() throws Exception {
    get(store.append("p", 0, List.of(insert(1, "a", 1, 0, "1"), insert(2, "a", 2, 1, "2"), insert(3, "a", 3, 2, "3"))));
    assertEquals(List.of(2L, 3L), get(store.ops("p", 1, 3)).stream().map(OpRecord::rev).toList());
    assertEquals(List.of(3L), get(store.ops("p", 2, 99)).stream().map(OpRecord::rev).toList());
    assertEquals(List.of(), get(store.ops("p", 3, 3)));
  }

  @Test
  void loadReturnsLatestSnapshotAndTheOpsAfterIt() throws Exception {
    get(store.append("p", 0, List.of(insert(1, "a", 1, 0, "ab"))));
    AttributedText at1 = AttributedText.EMPTY.apply(insert(1, "a", 1, 0, "ab").op(), "a");
    get(store.saveSnapshot("p", new Snapshot(1, at1, 5)));
    get(store.append("p", 1, List.of(insert(2, "b", 1, 2, "c"))));
    StoredPad loaded = get(store.load("p"));
    assertEquals(1, loaded.snapshot().rev());
    assertEquals("ab", loaded.snapshot().doc().text());
    assertEquals(List.of(2L), loaded.tail().stream().map(OpRecord::rev).toList());
    assertEquals(1, get(store.snapshotAtOrBefore("p", 5)).rev());
    assertSame(Snapshot.EMPTY, get(store.snapshotAtOrBefore("p", 0)));
  }

  @Test
  void watchHearsEveryCommitOnTheCallersContextUntilClosed() throws Exception {
    Context ctx = vertx.getOrCreateContext();
    LinkedBlockingQueue<Long> heads = new LinkedBlockingQueue<>();
    CompletableFuture<PadStore.Subscription> sub = new CompletableFuture<>();
    ctx.runOnContext(v -> store.watch("p", head -> {
      assertSame(ctx, Vertx.currentContext());
      heads.add(head);
    }).onSuccess(sub::complete));
    PadStore.Subscription s = sub.get(10, TimeUnit.SECONDS);
    get(store.append("p", 0, List.of(insert(1, "a", 1, 0, "x")))); // from another thread: "another instance"
    assertEquals(1L, heads.poll(10, TimeUnit.SECONDS));
    get(s.close());
    get(store.append("p", 1, List.of(insert(2, "a", 2, 1, "y"))));
    CompletableFuture<Void> fence = new CompletableFuture<>();
    ctx.runOnContext(v -> fence.complete(null)); // any queued watch call would run before this
    fence.get(10, TimeUnit.SECONDS);
    assertTrue(heads.isEmpty());
  }

  @Test
  void futuresCompleteOnTheCallersContext() throws Exception {
    Context ctx = vertx.getOrCreateContext();
    CompletableFuture<Boolean> same = new CompletableFuture<>();
    ctx.runOnContext(v -> store.load("p").onComplete(r -> same.complete(Vertx.currentContext() == ctx)));
    assertTrue(same.get(10, TimeUnit.SECONDS));
  }

  @Test
  void unavailableStoreFailsEveryCallAndSaysSo() throws Exception {
    store.setAvailable(false);
    assertFalse(store.isAvailable());
    assertThrows(ExecutionException.class, () -> get(store.append("p", 0, List.of(insert(1, "a", 1, 0, "x")))));
    store.setAvailable(true);
    assertNull(get(store.load("p")));
    get(store.close());
    assertFalse(store.isAvailable());
  }
}
