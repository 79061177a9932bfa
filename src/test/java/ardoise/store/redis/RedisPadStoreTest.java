package ardoise.store.redis;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.AppendResult;
import ardoise.store.PadStore;
import ardoise.store.PadStoreContract;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The store conformance suite against a real redis-server; each test uses its own pad ids. */
@Tag("redis")
class RedisPadStoreTest extends PadStoreContract {
  private static RedisFixture redis;
  private final List<PadStore> others = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    redis.close();
  }

  @Override
  protected PadStore newStore(Vertx vertx) {
    return RedisPadStore.create(vertx, redis.url());
  }

  /** A second store with its own connections: what another server instance would see. */
  @Override
  protected PadStore otherWriter() {
    PadStore other = newStore(vertx);
    others.add(other);
    return other;
  }

  @Test
  void commitsGoOnAfterRedisForgetsItsScripts() throws Exception {
    String pad = newPadId();
    await(store.append(pad, 0, inserts(0, 0, "alice", 1, "a")));
    Redis admin = Redis.createClient(vertx, redis.url());
    await(RedisAPI.api(admin).script(List.of("FLUSH")));
    await(admin.close());
    assertEquals(new AppendResult(true, 2), await(store.append(pad, 1, inserts(1, 1, "alice", 2, "b"))));
    assertEquals(2, await(store.load(pad)).head());
  }

  @AfterEach
  void closeOthers() throws Exception {
    for (PadStore other : others) await(other.close());
  }
}
