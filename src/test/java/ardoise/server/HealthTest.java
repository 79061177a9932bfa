package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Liveness and readiness against a real redis-server that is stopped and started again. */
@Tag("redis")
class HealthTest {
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(ardoise.store.SnapshotPolicy.DEFAULT, 100, 500, RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    server = ServerFixture.start(Map.of(), store);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  @Test
  void readinessFollowsRedisAndLivenessDoesNot() throws Exception {
    WsClient alice = server.connect("sante");
    alice.join(ServerFixture.newClientId());
    ServerFixture.Response ready = server.get("/health/ready");
    assertEquals(200, ready.status());
    assertEquals("application/json", ready.header("Content-Type"));
    JsonObject body = new JsonObject(ready.text());
    assertEquals("ok", body.getString("status"));
    assertEquals("up", body.getString("store"));
    assertEquals(1, body.getInteger("pads"));
    assertEquals(1, body.getInteger("clients"));
    assertEquals(false, body.getBoolean("stopping"));
    assertEquals(new JsonObject().put("status", "ok"), new JsonObject(server.get("/health/live").text()));

    redis.stop();
    ServerFixture.Response down = awaitStatus("/health/ready", s -> s == 503);
    JsonObject downBody = new JsonObject(down.text());
    assertEquals("unavailable", downBody.getString("status"));
    assertEquals("down", downBody.getString("store"));
    assertEquals(200, server.get("/health/live").status(), "the process is alive while Redis is down");
    assertEquals(503, server.get("/health").status());
    String metrics = server.get("/metrics").text();
    assertEquals(0.0, Prometheus.value(metrics, "ardoise_store_up"));
    assertTrue(Prometheus.value(metrics, "ardoise_redis_errors_total") >= 1, metrics);

    redis.restart();
    awaitStatus("/health/ready", s -> s == 200);
    String back = server.get("/metrics").text();
    assertTrue(Prometheus.value(back, "ardoise_redis_reconnects_total") >= 1, back);
    assertEquals(1.0, Prometheus.value(back, "ardoise_store_up"));
  }

  /** Polls {@code uri} until its status passes {@code wanted} (a wait, not a timing assertion). */
  private ServerFixture.Response awaitStatus(String uri, IntPredicate wanted) throws Exception {
    return Eventually.first(uri + " answers the wanted status", () -> server.get(uri), r -> wanted.test(r.status()));
  }
}
