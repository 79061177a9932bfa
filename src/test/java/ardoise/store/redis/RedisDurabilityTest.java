package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What survives Redis crashes and restarts: every acknowledged append, and the pads' watchers. Each
 * test owns its redis-server. Waits are bounded only to turn a hang into a failure.
 */
@Tag("redis")
class RedisDurabilityTest {
  private static final long HANG_GUARD_MS = 30_000;
  private Vertx vertx;
  private RedisFixture redis;
  private final List<PadStore> stores = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (PadStore s : stores) await(s.close());
    await(vertx.close());
    if (redis != null) redis.close();
  }

  private PadStore store() {
    PadStore store = RedisPadStore.create(vertx, redis.url(), new RedisPadStore.Tuning(3, 50, 200));
    stores.add(store);
    return store;
  }

  @Test
  void everyAcknowledgedAppendSurvivesAKill9WithFsyncAlways() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.ALWAYS);
    checkAcknowledgedAppendsSurvive(() -> redis.kill());
  }

  @Test
  void everyAcknowledgedAppendSurvivesACleanRestartWithFsyncEverysec() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    checkAcknowledgedAppendsSurvive(() -> redis.stop());
  }

  /** Appends batch after batch until Redis goes away mid-stream, then checks nothing acknowledged is lost. */
  private void checkAcknowledgedAppendsSurvive(Interruption interruption) throws Exception {
    PadStore store = store();
    String pad = "pad-durable";
    List<OpRecord> acknowledged = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    vertx.runOnContext(v -> appendUntilFailure(store, pad, acknowledged, stopped));
    waitUntil(() -> acknowledged.size() >= 200);
    interruption.run();
    stopped.get(HANG_GUARD_MS, TimeUnit.MILLISECONDS);
    redis.restart();

    StoredPad loaded = eventually(() -> store.load(pad));
    assertTrue(loaded.head() >= acknowledged.size(), "head " + loaded.head() + " < acked " + acknowledged.size());
    assertEquals(acknowledged, loaded.tail().subList(0, acknowledged.size()));
    // The same store goes on after the restart (pooled reconnect, scripts re-sent after NOSCRIPT).
    List<OpRecord> next = batch(loaded.head(), loaded.head() + 1, 2);
    assertEquals(new AppendResult(true, loaded.head() + 2), eventually(() -> store.append(pad, loaded.head(), next)));
  }

  private void appendUntilFailure(PadStore store, String pad, List<OpRecord> acked, CompletableFuture<Void> stopped) {
    long head = acked.size();
    List<OpRecord> records = batch(head, head + 1, 1 + (int) (head % 5));
    store.append(pad, head, records).onComplete(ar -> {
      if (ar.failed()) {
        stopped.complete(null);
        return;
      }
      acked.addAll(records);
      appendUntilFailure(store, pad, acked, stopped);
    });
  }

  /** {@code count} records after {@code head}, each inserting one letter at the start (doc length == rev). */
  private static List<OpRecord> batch(long head, long firstSeq, int count) {
    List<OpRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long rev = head + 1 + i;
      TextOperation op = TextOperation.builder().insert("é", "author").retain((int) rev - 1).build();
      out.add(new OpRecord(rev, op, "client", firstSeq + i, "author", rev));
    }
    return out;
  }

  @Test
  void watchRecoversAfterRedisRestarts() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    CompletableFuture<Long> saw = new CompletableFuture<>();
    await(store().watch("pad-w", head -> { if (head == 1) saw.complete(head); }));
    redis.kill();
    redis.restart();
    await(store().append("pad-w", 0, batch(0, 1, 1)));
    assertEquals(1, saw.get(HANG_GUARD_MS, TimeUnit.MILLISECONDS));
  }

  @Test
  void aCommitMissedWhileTheSubscriberWasAwayIsDeliveredAfterResubscribing() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    PadStore watcher = store();
    await(watcher.append("pad-g", 0, batch(0, 1, 1)));
    List<Long> heads = new CopyOnWriteArrayList<>();
    await(watcher.watch("pad-g", heads::add));
    waitUntil(() -> heads.contains(1L)); // the gap fill right after subscribing
    // In one pipeline: drop the subscriber, then move the head without any PUBLISH.
    Redis raw = Redis.createClient(vertx, redis.url());
    await(raw.batch(List.of(
        Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub"),
        Request.cmd(Command.HSET).arg(PadKeys.of("pad-g").meta()).arg("head").arg("7"))));
    await(raw.close());
    waitUntil(() -> heads.contains(7L));
    await(store().append("pad-g", 7, batch(7, 2, 1)));
    waitUntil(() -> heads.contains(8L));
  }

  @Test
  void isAvailableFollowsRedis() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    PadStore store = store();
    await(store.load("pad-a"));
    assertTrue(store.isAvailable());
    redis.kill();
    waitUntil(() -> !store.isAvailable());
    redis.restart();
    waitUntil(store::isAvailable);
  }

  private interface Interruption {
    void run() throws Exception;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(HANG_GUARD_MS, TimeUnit.MILLISECONDS);
  }

  /** Retries {@code call} while Redis is coming back (stale pooled connections fail once). */
  private static <T> T eventually(Supplier<Future<T>> call) throws Exception {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MS;
    while (true) {
      try {
        return await(call.get());
      } catch (ExecutionException e) {
        if (System.currentTimeMillis() > deadline) throw e;
        Thread.sleep(20);
      }
    }
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + HANG_GUARD_MS;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) throw new AssertionError("condition not reached (hang guard)");
      Thread.sleep(10);
    }
  }
}
