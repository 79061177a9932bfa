package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With ARDOISE_REDIS_URL the server uses that Redis (password and database from the URL) and starts none. */
@Tag("process")
@Tag("redis")
class ExternalRedisUrlTest {
  private static final long SEED = Long.getLong("ot.seed", 20261128L);
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
  void passwordAndDatabaseOfTheUrlAreUsedAndNoRedisIsStarted() throws Exception {
    vertx = Vertx.vertx();
    Redis admin = Redis.createClient(vertx, redis.url());
    RedisAPI.api(admin).config(List.of("SET", "requirepass", "s3cret")).await();
    admin.close().await();
    String url = "redis://:s3cret@127.0.0.1:" + redis.port() + "/5";
    Map<String, String> env = new HashMap<>(Env.server(url));
    Path dataDir = Path.of(env.get("ARDOISE_DATA_DIR"));
    String pad = "url-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), env, "external-url");

    Typists typists = new Typists(vertx, "u", 2, SEED);
    typists.connect(server.port(), pad);
    typists.type(10);
    typists.awaitSettled();

    assertEquals(typists.clients.get(0).rev(), head(url, pad), "the pad is in database 5");
    assertEquals(0, head("redis://:s3cret@127.0.0.1:" + redis.port() + "/0", pad), "and not in database 0");
    assertFalse(Files.exists(dataDir.resolve("redis-server.pid")), "no embedded redis-server");
    String log = server.logText();
    assertFalse(log.contains("embedded redis-server started"), log);
    assertFalse(log.contains("s3cret"), "the password is never logged:\n" + log);
    assertTrue(log.contains("redis://:***@127.0.0.1:" + redis.port() + "/5"), log);
  }

  private long head(String url, String pad) {
    PadStore store = RedisPadStore.create(vertx, url);
    try {
      StoredPad stored = store.load(pad).await();
      return stored == null ? 0 : stored.head();
    } finally {
      store.close().await();
    }
  }
}
