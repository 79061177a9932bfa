package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What survives Redis crashes and restarts: every acknowledged append, and the pads' watchers. Each
 * test owns its redis-server.
 */
@Tag("redis")
class RedisDurabilityTest {
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private Vertx vertx;
  private final List<PadStore> stores = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    for (PadStore s : stores) s.close().await();
    vertx.close().await();
  }

  private PadStore store() {
    PadStore store = RedisPadStore.create(vertx, redis.url(), new RedisPadStore.Tuning(ardoise.store.SnapshotPolicy.DEFAULT, 50, 200, RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    stores.add(store);
    return store;
  }

  @Test
  void everyAcknowledgedAppendSurvivesAKill9WithFsyncAlways() throws Exception {
    redis.restartWith(RedisLauncher.Fsync.ALWAYS);
    checkAcknowledgedAppendsSurvive(() -> redis.kill());
  }

  @Test
  void everyAcknowledgedAppendSurvivesACleanRestartWithFsyncEverysec() throws Exception {
    checkAcknowledgedAppendsSurvive(() -> redis.stop());
  }

  /** Appends batch after batch until Redis goes away mid-stream, then checks nothing acknowledged is lost. */
  private void checkAcknowledgedAppendsSurvive(Interruption interruption) throws Exception {
    PadStore store = store();
    String pad = "pad-durable";
    List<OpRecord> acknowledged = new CopyOnWriteArrayList<>();
    Promise<Void> stopped = Promise.promise();
    vertx.runOnContext(v -> appendUntilFailure(store, pad, acknowledged, stopped));
    Eventually.until("200 appends acknowledged", () -> acknowledged.size() >= 200);
    interruption.run();
    stopped.future().await();
    redis.restart();

    StoredPad loaded = Eventually.first("the store loads the pad again", () -> store.load(pad).otherwiseEmpty().await(),
        Objects::nonNull);
    assertTrue(loaded.head() >= acknowledged.size(), "head " + loaded.head() + " < acked " + acknowledged.size());
    assertEquals(acknowledged, loaded.tail().subList(0, acknowledged.size()));
    // The same store goes on after the restart (pooled reconnect, scripts re-sent after NOSCRIPT).
    List<OpRecord> next = batch(loaded.head(), loaded.head() + 1, 2);
    assertEquals(new AppendResult(true, loaded.head() + 2), Eventually.first("the store appends again",
        () -> store.append(pad, loaded.head(), next).otherwiseEmpty().await(), Objects::nonNull));
  }

  private void appendUntilFailure(PadStore store, String pad, List<OpRecord> acked, Promise<Void> stopped) {
    long head = acked.size();
    List<OpRecord> records = batch(head, head + 1, 1 + (int) (head % 5));
    store.append(pad, head, records).onComplete(ar -> {
      if (ar.failed()) {
        stopped.complete();
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
    Promise<Long> saw = Promise.promise();
    store().watch("pad-w", head -> { if (head == 1) saw.tryComplete(head); }).await();
    redis.kill();
    redis.restart();
    store().append("pad-w", 0, batch(0, 1, 1)).await();
    assertEquals(1, saw.future().await());
  }

  @Test
  void aCommitMissedWhileTheSubscriberWasAwayIsDeliveredAfterResubscribing() throws Exception {
    PadStore watcher = store();
    watcher.append("pad-g", 0, batch(0, 1, 1)).await();
    List<Long> heads = new CopyOnWriteArrayList<>();
    watcher.watch("pad-g", heads::add).await();
    Eventually.until("the head after subscribing", () -> heads.contains(1L)); // the gap fill
    // In one pipeline: drop the subscriber, then move the head without any PUBLISH.
    Redis raw = Redis.createClient(vertx, redis.url());
    raw.batch(List.of(
        Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub"),
        Request.cmd(Command.HSET).arg(PadKeys.of("pad-g").meta()).arg("head").arg("7"))).await();
    raw.close().await();
    Eventually.until("the head moved while unsubscribed", () -> heads.contains(7L));
    store().append("pad-g", 7, batch(7, 2, 1)).await();
    Eventually.until("the next commit", () -> heads.contains(8L));
  }

  @Test
  void isAvailableFollowsRedis() throws Exception {
    PadStore store = store();
    store.load("pad-a").await();
    assertTrue(store.isAvailable());
    redis.kill();
    Eventually.until("the store reports Redis down", () -> !store.isAvailable());
    redis.restart();
    Eventually.until("the store reports Redis up", store::isAvailable);
  }

  private interface Interruption {
    void run() throws Exception;
  }
}
