package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisFixture;
import ardoise.store.redis.RedisLauncher;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stops for several seconds while clients type: the server stays up, /health says the store is
 * down, open pads stay readable, no edit is acknowledged; when Redis returns on the same data every
 * held edit is stored in order and acknowledged, none lost or doubled.
 */
class RedisOutageTest {
  private static final long SEED = Long.getLong("ot.seed", 20261124L);
  private RedisFixture redis;
  private Vertx vertx;
  private ServerProcess server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
    if (redis != null) redis.close();
  }

  @Test
  void editsAreHeldWhileRedisIsDownAndStoredInOrderWhenItReturns() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC);
    vertx = Vertx.vertx();
    String pad = "outage-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "outage");
    Typists typists = new Typists(vertx, "o", 3, SEED);
    typists.connect(server.port(), pad);
    typists.type(30);
    typists.awaitSettled();
    String before = typists.clients.get(0).doc();
    assertEquals(200, server.healthStatus());

    redis.stop();
    Await.until("/health reports the store down", () -> server.healthStatus() == 503);
    assertEquals("down", health().getString("store"));
    int acksBefore = typists.acks();
    typists.type(30);
    // Each client has one op in flight (the rest is buffered client-side): all three are held.
    Await.until("the server holds every in-flight op", () -> health().getLong("heldOps", 0L) == 3);
    Typists late = new Typists(vertx, "late", 1, SEED);
    late.connect(server.port(), pad);
    assertEquals(before, late.clients.get(0).doc(), "a join during the outage reads the stored text");
    assertEquals(acksBefore, typists.acks(), "no ack while Redis is down");

    redis.restart();
    typists.type(10);
    typists.awaitSettled();
    Await.until("/health reports the store up", () -> server.healthStatus() == 200);

    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
    String log = server.logText();
    assertEquals(1, count(log, "redis is unreachable"), "one log line when redis goes:\n" + log);
    assertEquals(1, count(log, "redis is back"), "one log line when redis returns:\n" + log);
  }

  private JsonObject health() {
    try {
      return new JsonObject(ServerProcess.Health.body(server.port()));
    } catch (Exception e) {
      return new JsonObject();
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }
}
