package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances, each with its own connections to one Redis: an owner's change made through one
 * reaches the members of the pad on the other, over the pad's channel (a lock, then its removal).
 */
@Tag("redis")
class OwnerChangesAcrossInstancesTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore storeA;
  private RedisPadStore storeB;
  private ServerFixture a;
  private ServerFixture b;
  private HttpCalls httpA;

  @BeforeEach
  void start() {
    storeA = RedisPadStore.create(storeVertx, redis.url());
    storeB = RedisPadStore.create(storeVertx, redis.url());
    a = ServerFixture.start(Map.of(), storeA);
    b = ServerFixture.start(Map.of(), storeB);
    httpA = new HttpCalls(a.app.port());
  }

  @AfterEach
  void stop() throws Exception {
    httpA.close();
    a.close();
    b.close();
    storeA.close().await();
    storeB.close().await();
    storeVertx.close().await();
  }

  @Test
  void aLockSetThroughOneInstanceReachesTheMembersOfTheOther() {
    String pad = "verrou-partage-" + System.nanoTime();
    HttpCalls.Answer created = httpA.post("/api/pads", new JsonObject().put("name", pad));
    assertEquals(201, created.status(), created.text());
    String token = created.json().getString("ownerToken");
    WsClient onB = b.connect(pad);
    assertTrue(onB.join(ServerFixture.newClientId() + "-secret").getJsonObject("policy").getBoolean("canWrite"));
    onB.op(0, 1, "Bonjour").next("ack");

    patch(pad, token, new JsonObject().put("locked", true));
    JsonObject policy = onB.next("policy");
    assertTrue(policy.getBoolean("locked"), policy.encode());
    assertFalse(policy.getBoolean("canWrite"));
    onB.op(1, 2, 7, " !");
    assertEquals(2, onB.nextError("pad-locked").getLong("seq"));

    patch(pad, token, new JsonObject().put("locked", false));
    assertTrue(onB.next("policy").getBoolean("canWrite"));
    onB.op(1, 2, 7, " !");
    assertEquals(2, onB.next("ack").getLong("rev"));
  }

  private void patch(String pad, String token, JsonObject body) {
    HttpCalls.Answer answer = httpA.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", body.toBuffer(),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    assertEquals(200, answer.status(), answer.text());
  }
}
