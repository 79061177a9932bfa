package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisFixture;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Liveness and readiness against a real redis-server that is stopped and started again. */
@Tag("redis")
class HealthTest {
  private static final long PATIENCE_MILLIS = 30_000;

  private final Vertx storeVertx = Vertx.vertx();
  private RedisFixture redis;
  private RedisPadStore store;
  private ServerFixture server;

  @BeforeEach
  void start() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(3, 100, 500));
    server = ServerFixture.start(Map.of(), store);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    WsClient.await(store.close().toCompletionStage().toCompletableFuture());
    redis.close();
    storeVertx.close();
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

  private static String threadDump() {
    StringBuilder out = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      if (!thread.getName().startsWith("vert.x-")) return;
      out.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
      for (StackTraceElement e : stack) out.append("    at ").append(e).append('\n');
    });
    return out.toString();
  }

  /** Polls {@code uri} until its status passes {@code wanted} (a wait, not a timing assertion). */
  private ServerFixture.Response awaitStatus(String uri, Predicate<Integer> wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (true) {
      ServerFixture.Response r;
      try {
        r = server.get(uri);
      } catch (AssertionError unanswered) {
        // A flake seen a few times (a GET after Redis restarts gets no answer): show where every
        // thread was, so the next failure tells whether the server's loops or the client were stuck.
        System.err.println("HealthTest: " + uri + " unanswered; threads:\n" + threadDump());
        throw unanswered;
      }
      if (wanted.test(r.status())) return r;
      if (System.currentTimeMillis() > deadline) throw new AssertionError(uri + " still answers " + r.status() + ": " + r.text());
      Thread.sleep(50);
    }
  }
}
