package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real redis-server that reaches its {@code maxmemory} ({@code noeviction}): it refuses writes,
 * the tab whose edit was refused hears {@code store-unavailable} for that op, every edit acknowledged
 * before is kept, and once memory frees the held edit is stored and acknowledged with nothing lost.
 * The embedded redis-server gets ARDOISE_REDIS_MAXMEMORY_MB, and /health reports Redis memory.
 */
@Tag("redis")
class RedisFullTest {
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx vertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  @TempDir Path dataDir;

  @AfterEach
  void stop() {
    if (server != null) server.close();
    if (store != null) store.close().await();
    vertx.close().await();
  }

  private JsonObject health() {
    return new JsonObject(server.get("/health").text());
  }

  @Test
  void aFullRedisRefusesTheEditTheTabHearsStoreUnavailableAndNothingAcknowledgedIsLost() throws Exception {
    RedisAPI admin = RedisAPI.api(Redis.createClient(vertx, redis.url()));
    store = RedisPadStore.create(vertx, redis.url(), new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 100, 500,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    server = ServerFixture.start(Map.of(), store);
    String pad = "plein-" + System.nanoTime();
    WsClient alice = server.connect(pad);
    alice.join(ServerFixture.newClientId());
    WsClient bruno = server.connect(pad);
    bruno.join(ServerFixture.newClientId());
    alice.op(0, 1, "Acquis. ").next("ack");
    bruno.next("op");

    // Redis at its limit: a 2 MiB filler, then a maxmemory half a MiB below what Redis uses with it.
    // In small pieces: a 2 MiB command would hold a 2 MiB query buffer for a while, counted as used.
    String piece = "x".repeat(8 << 10);
    for (int i = 0; i < 256; i++) admin.append("filler", piece).await();
    long used = health().getJsonObject("redis").getLong("usedMemory");
    admin.config(List.of("SET", "maxmemory", Long.toString(used - (512 << 10)))).await();
    JsonObject full = health().getJsonObject("redis");
    assertTrue(full.getLong("usedMemory") > full.getLong("maxMemory"), full.encode());

    alice.op(1, 2, 8, "Refusé puis gardé.");
    JsonObject refused = alice.nextError("store-unavailable");
    assertEquals(2L, refused.getLong("seq"), "the tab hears which op waits: it keeps it");
    assertEquals(200, server.get("/health").status(), "Redis answers (it refuses writes): the server is up");
    assertTrue(bruno.frames.isEmpty(), "no op while Redis is full");
    assertEquals("Acquis. ", server.get("/p/" + pad + "/export/txt").text(), "what was acknowledged is there");
    alice.send(new JsonObject().put("type", "chat").put("text", "toujours là ?"));
    JsonObject chatRefused;
    do { // the held op's retries are told again (seq 2) until the chat's refusal (no seq) arrives
      chatRefused = alice.nextError("store-unavailable");
    } while (chatRefused.containsKey("seq"));
    assertTrue(bruno.frames.isEmpty(), "the chat message was not stored nor sent: " + bruno.frames);

    admin.del(List.of("filler")).await(); // memory frees
    JsonObject ack = alice.frames.poll(30, TimeUnit.SECONDS);
    while (ack != null && !ack.getString("type").equals("ack")) ack = alice.frames.poll(30, TimeUnit.SECONDS);
    assertEquals(new JsonObject().put("type", "ack").put("seq", 2L).put("rev", 2L), ack, "the held op is stored once Redis has room");
    assertEquals(2L, bruno.next("op").getLong("rev"));
    Eventually.until("the stored text has both edits",
        () -> server.get("/p/" + pad + "/export/txt").text().equals("Acquis. Refusé puis gardé."));
  }

  @Test
  void theEmbeddedRedisGetsItsMaxmemoryAndHealthReportsIt() {
    server = ServerFixture.startWithItsOwnStore(Map.of("ARDOISE_DATA_DIR", dataDir.toString(), "ARDOISE_REDIS_MAXMEMORY_MB", "64"));
    JsonObject memory = health().getJsonObject("redis");
    assertEquals(64L << 20, memory.getLong("maxMemory"), health().encode());
    assertTrue(memory.getLong("usedMemory") > 0, health().encode());
  }
}
