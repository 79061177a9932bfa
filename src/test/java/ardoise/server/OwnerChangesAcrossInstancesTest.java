package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * reaches the members of the pad on the other, over the pad's channel (a lock, then its removal; a
 * new read-only link).
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
  private HttpCalls httpB;

  @BeforeEach
  void start() {
    storeA = RedisPadStore.create(storeVertx, redis.url());
    storeB = RedisPadStore.create(storeVertx, redis.url());
    a = ServerFixture.start(Map.of(), storeA);
    b = ServerFixture.start(Map.of(), storeB);
    httpA = new HttpCalls(a.app.port());
    httpB = new HttpCalls(b.app.port());
  }

  @AfterEach
  void stop() throws Exception {
    httpA.close();
    httpB.close();
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

  /**
   * The owner replaces the read-only link through A: a viewer who came through the old link on B is
   * closed with read-only-link-changed, as on A; a viewer with the new link on B keeps receiving
   * the pad, and so does a writer on B.
   */
  @Test
  void aNewReadOnlyLinkMadeThroughOneInstanceClosesTheOldLinksViewersOnTheOther() {
    String pad = "lien-partage-" + System.nanoTime();
    HttpCalls.Answer created = httpA.post("/api/pads", new JsonObject().put("name", pad));
    assertEquals(201, created.status(), created.text());
    String token = created.json().getString("ownerToken");
    WsClient writer = b.connect(pad);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "Bonjour").next("ack");
    String old = readOnlyIdOf(httpB, pad);
    WsClient oldViewerOnA = a.connect("/ws/r/" + old, null);
    oldViewerOnA.join(ServerFixture.newClientId());
    WsClient oldViewerOnB = b.connect("/ws/r/" + old, null);
    assertEquals("Bonjour", oldViewerOnB.join(ServerFixture.newClientId()).getString("text"));

    HttpCalls.Answer rotated = httpA.callWith(HttpMethod.POST, "/api/pads/" + pad + "/read-only-link", null,
        Map.of("Authorization", "Bearer " + token));
    assertEquals(200, rotated.status(), rotated.text());
    String fresh = rotated.json().getString("readOnlyId");
    assertNotEquals(old, fresh);

    assertEquals("read-only-link-changed", oldViewerOnA.nextErrorCode());
    assertEquals("read-only-link-changed", oldViewerOnB.nextErrorCode(), "the viewer on the other instance too");
    oldViewerOnB.awaitClosed();
    assertEquals(fresh, readOnlyIdOf(httpB, pad));
    WsClient newViewerOnB = b.connect("/ws/r/" + fresh, null);
    assertEquals("Bonjour", newViewerOnB.join(ServerFixture.newClientId()).getString("text"));
    RawWebSocket.Refusal oldAgainOnB = b.refusedSocket("/ws/r/" + old);
    assertEquals("bad-pad-name", oldAgainOnB.errorCode(), "the old link opens nothing on B either");
    assertEquals(1008, oldAgainOnB.closeStatus());

    writer.op(1, 2, 7, " !").next("ack");
    assertEquals("op", newViewerOnB.next().getString("type"), "the new link's viewer on B keeps receiving the pad");
    assertFalse(writer.isClosed());
    assertFalse(newViewerOnB.isClosed());
  }

  private static String readOnlyIdOf(HttpCalls http, String pad) {
    String link = new JsonObject(http.get("/api/pads/" + pad + "/links").text()).getString("readOnly");
    return link.substring(link.lastIndexOf('/') + 1);
  }
}
