package ardoise.store.redis;

import ardoise.store.PadStore;
import ardoise.store.PadStoreContract;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store conformance suite against a real redis-server; each test uses its own pad ids. */
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

  @AfterEach
  void closeOthers() throws Exception {
    for (PadStore other : others) await(other.close());
  }
}
