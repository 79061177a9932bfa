package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acknowledged edits are there after a graceful restart (with a snapshot at the head) and after kill -9. */
@Tag("process")
@Tag("redis")
class RestartDurabilityTest {
  private static final long SEED = Long.getLong("ot.seed", 20261126L);
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private Vertx vertx;
  private ServerProcess server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void acknowledgedEditsSurviveSigtermAndSigkill() throws Exception {
    vertx = Vertx.vertx();
    String pad = "restart-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "restart-1");
    Typists typists = new Typists(vertx, "r", 3, SEED);
    typists.connect(server.port(), pad);
    typists.type(40);
    typists.awaitSettled();
    String acknowledged = typists.clients.get(0).doc();
    long head = typists.clients.get(0).rev();

    server.terminate();
    assertEquals(head, snapshotRev(pad), "SIGTERM saves a snapshot at the head");
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "restart-2");
    assertEquals(acknowledged, freshRead(pad), "after SIGTERM and a restart");

    typists.drop();
    typists.connect(server.port(), pad);
    typists.type(40);
    typists.awaitSettled();
    acknowledged = typists.clients.get(0).doc();
    server.kill();
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "restart-3");
    assertEquals(acknowledged, freshRead(pad), "after kill -9 and a restart");
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertNoErrors();
  }

  private String freshRead(String pad) throws Exception {
    Typists reader = new Typists(vertx, "reader", 1, SEED);
    reader.connect(server.port(), pad);
    String text = reader.clients.get(0).doc();
    reader.drop();
    return text;
  }

  private long snapshotRev(String pad) {
    PadStore store = RedisPadStore.create(vertx, redis.url());
    try {
      Snapshot s = store.snapshotAtOrBefore(pad, Long.MAX_VALUE).await();
      return s.rev();
    } finally {
      store.close().await();
    }
  }
}
