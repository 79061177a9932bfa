package ardoise.store.redis;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.AppendResult;
import ardoise.store.PadStore;
import ardoise.store.PadStoreContract;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store conformance suite against a real redis-server; each test uses its own pad ids. */
@Tag("redis")
class RedisPadStoreTest extends PadStoreContract {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final List<PadStore> others = new ArrayList<>();

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
    store.append(pad, 0, inserts(0, 0, "alice", 1, "a")).await();
    Redis admin = Redis.createClient(vertx, redis.url());
    RedisAPI.api(admin).script(List.of("FLUSH")).await();
    admin.close().await();
    assertEquals(new AppendResult(true, 2), store.append(pad, 1, inserts(1, 1, "alice", 2, "b")).await());
    assertEquals(2, store.load(pad).await().head());
  }

  @Test
  void aDeletedPadLeavesNoKeyButItsTwoTombstones() throws Exception {
    String pad = newPadId();
    String readOnlyId = ardoise.store.DeletionContract.writeEverything(store, pad);
    Redis admin = Redis.createClient(vertx, redis.url());
    try {
      RedisAPI api = RedisAPI.api(admin);
      List<String> before = keysAbout(api, pad, readOnlyId);
      assertEquals(10, before.size(), "every kind of key was written: " + before);
      store.delete(pad, 3600).await();
      assertEquals(List.of("ardoise:read-only-deleted:" + readOnlyId, "ardoise:{" + pad + "}:deleted"),
          keysAbout(api, pad, readOnlyId));
      long ttl = api.ttl("ardoise:{" + pad + "}:deleted").await().toLong();
      assertEquals(true, ttl > 3500 && ttl <= 3600, "the tombstone expires: " + ttl);
    } finally {
      admin.close().await();
    }
  }

  /** Every key whose name holds the pad id or the read-only id. */
  private static List<String> keysAbout(RedisAPI api, String pad, String readOnlyId) {
    return ardoise.testing.RedisKeys.about(api, pad, readOnlyId);
  }

  @AfterEach
  void closeOthers() throws Exception {
    for (PadStore other : others) other.close().await();
  }
}
