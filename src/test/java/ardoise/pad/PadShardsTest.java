package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.InMemoryPadStore;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pads spread over two event loops: each pad lives on its shard's thread, answers come back to the caller's. */
class PadShardsTest {
  private final Vertx vertx = Vertx.vertx();
  private final PadShards shards = new PadShards(2, HeldOps.forServer());
  private final Context[] contexts = new Context[2];

  @BeforeEach
  void installTwoShards() throws Exception {
    PadSettings settings = PadContext.settings(1 << 20, 100, 500, 60_000);
    InMemoryPadStore store = new InMemoryPadStore();
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        shards.install(new PadRegistry(store, settings, context, shards.held()));
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(2)).await();
    // Why from the shards: the two verticles start at once on two loops, so the order in which they
    // run start() says nothing about which shard index each installed.
    for (int i = 0; i < contexts.length; i++) contexts[i] = shards.contextOf(padOfShard(i));
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aPadIsLoadedOnItsShardAndTheAnswerComesBackToTheCaller() throws Exception {
    String far = padOfShard(1);
    Promise<String[]> seen = Promise.promise();
    contexts[0].runOnContext(v -> {
      String caller = Thread.currentThread().getName() + (shards.isHome(far) ? " (home)" : "");
      String[] ran = new String[1];
      shards.call(far, registry -> registry.pad(far).map(pad -> {
        ran[0] = Thread.currentThread().getName();
        return pad;
      })).onComplete(r -> seen.complete(new String[] {caller, ran[0], Thread.currentThread().getName(), String.valueOf(r.succeeded())}));
    });
    String[] threads = seen.future().await();
    assertNotEquals(threads[0], threads[1], "the pad was loaded on its own event loop");
    assertEquals(threads[0], threads[2], "the answer came back on the caller's event loop");
    assertEquals("true", threads[3]);
    assertEquals(1, shards.loadedCount());
    assertSame(contexts[1], shards.contextOf(far));
  }

  @Test
  void onItsOwnLoopACallRunsAtOnce() throws Exception {
    String near = padOfShard(0);
    Promise<Boolean> doneAtOnce = Promise.promise();
    contexts[0].runOnContext(v -> doneAtOnce.complete(shards.isHome(near)
        && shards.call(near, registry -> Future.succeededFuture(registry.requestCount())).isComplete()));
    assertTrue(doneAtOnce.future().await());
  }

  @Test
  void aThrowingActionFailsTheFutureFromAnyThread() throws Exception {
    Future<Integer> f = shards.call(padOfShard(1), registry -> {
      throw new IllegalStateException("boom");
    }).map(x -> 1);
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, f::await);
    assertEquals("boom", e.getMessage());
  }

  /** A pad name that {@link PadShards} puts on shard {@code index} (of 2). */
  private static String padOfShard(int index) {
    for (int i = 0; ; i++) {
      String name = "pad-" + i;
      if (Math.floorMod(name.hashCode(), 2) == index) return name;
    }
  }
}
