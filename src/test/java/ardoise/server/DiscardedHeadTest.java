package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisNode;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A head announced on the pad's channel by writes the store no longer holds (a master that a
 * failover replaced before any replica had them: the commit script publishes before its replica
 * wait) holds no edit back: the pad finds nothing after its own head, forgets the announced one, and
 * the next edits are acknowledged at the next revisions. Here the announcement is published by hand,
 * the message such a master sent.
 */
@Tag("redis")
class DiscardedHeadTest {
  private static final String PAD = "annonce-perdue";
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    server = ServerFixture.start(Map.of(), store);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  @Test
  void aHeadTheStoreNeverHeldDoesNotHoldTheNextEditsBack() {
    WsClient member = server.connect(PAD);
    member.join(ServerFixture.newClientId());
    member.op(0, 1, "a");
    assertEquals(1L, member.next("ack").getLong("rev"));

    RedisNode.cli(redis.port(), "PUBLISH", "ardoise:{" + PAD + "}:commits", "5");
    // Two edits: whether the announcement reaches the pad before the first or after it, a pad that
    // waits for rev 5 holds one of them for good.
    member.op(1, 2, 1, "b");
    assertEquals(2L, member.next("ack").getLong("rev"));
    member.op(2, 3, 2, "c");
    assertEquals(3L, member.next("ack").getLong("rev"));
    assertEquals("3", RedisNode.cli(redis.port(), "HGET", "ardoise:{" + PAD + "}:meta", "head"));
    assertEquals("3", RedisNode.cli(redis.port(), "XLEN", "ardoise:{" + PAD + "}:log"));
  }
}
