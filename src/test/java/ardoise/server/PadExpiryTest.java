package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.Retention;
import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pad's lifetime against the real server and a real redis-server (lifetimes of seconds through the
 * store's tuning): once it passed without an edit, the pad, its read-only link and its exports are
 * gone, and a member whose tab still shows the pad is told when it writes instead of bringing it back.
 */
@Tag("redis")
class PadExpiryTest {
  private static final String PAD = "ephemere";
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private Redis admin;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 1000, 2000,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE, 5000, new Retention(2000, 60_000)));
    // The pad stays loaded in memory well past its lifetime: the member below keeps it open.
    server = ServerFixture.start(Map.of("ARDOISE_IDLE_UNLOAD_SECONDS", "3600"), store);
    admin = Redis.createClient(storeVertx, redis.url());
  }

  @AfterEach
  void stop() {
    server.close();
    admin.close().await();
    store.close().await();
    storeVertx.close().await();
  }

  @Test
  void anOpenPadWhoseLifetimePassedIsGoneForEveryoneAndNotBroughtBack() {
    WsClient alice = server.connect(PAD);
    alice.join(ServerFixture.newClientId());
    alice.op(0, 1, "Bonjour l’atelier");
    alice.next("ack");
    String readOnly = new JsonObject(server.get("/api/pads/" + PAD + "/links").text()).getString("readOnly")
        .replaceFirst("^https?://[^/]+", "");
    assertEquals(200, server.get(readOnly).status());
    assertEquals("Bonjour l’atelier", server.get("/p/" + PAD + "/export/txt").text().strip());

    Eventually.until("every key of the pad expired", () -> keys().isEmpty(), () -> keys().toString());
    assertNotNull(server.onPadShard(PAD, r -> r.loaded(PAD)), "the pad is still loaded in memory");
    assertEquals(404, server.get(readOnly).status());
    assertFalse(new JsonObject(server.get("/api/pads/" + PAD).text()).getBoolean("exists"));
    ServerFixture.Response export = server.get("/p/" + PAD + "/export/txt");
    assertTrue(export.status() == 404 || export.text().isBlank(), export.status() + " " + export.text());

    // Alice's tab still shows rev 1; its next edit finds the pad gone and must not write it back.
    alice.op(1, 2, 17, " !");
    alice.nextError("pad-deleted");
    alice.awaitClosed();
    Eventually.until("the pad is unloaded", () -> server.onPadShard(PAD, r -> r.loaded(PAD)) == null);
    assertEquals(0, RedisAPI.api(admin).exists(List.of("ardoise:{" + PAD + "}:meta", "ardoise:{" + PAD + "}:log"))
        .await().toLong(), "nothing of the old pad was written back");

    WsClient bob = server.connect(PAD);
    JsonObject joined = bob.join(ServerFixture.newClientId());
    assertEquals(0L, joined.getLong("rev"));
    assertEquals("", joined.getString("text", ""));
  }

  @Test
  void aNewcomerToAnExpiredPadStillInMemoryGetsTheEmptyPadAndTheOthersAreTold() {
    WsClient alice = server.connect(PAD);
    alice.join(ServerFixture.newClientId());
    alice.op(0, 1, "Notes à effacer");
    alice.next("ack");
    Eventually.until("every key of the pad expired", () -> keys().isEmpty(), () -> keys().toString());
    assertNotNull(server.onPadShard(PAD, r -> r.loaded(PAD)), "the pad is still loaded in memory");

    WsClient bob = server.connect(PAD);
    JsonObject joined = bob.join(ServerFixture.newClientId());
    assertEquals(0L, joined.getLong("rev"), "served from the store, not from memory");
    assertEquals("", joined.getString("text", ""));
    alice.nextError("pad-deleted");
    alice.awaitClosed();
  }

  private List<String> keys() {
    return RedisAPI.api(admin).keys("ardoise:\\{" + PAD + "\\}:*").await().stream().map(Object::toString).toList();
  }
}
