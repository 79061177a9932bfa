package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
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
 * The owner deletes the pad or gives it a new read-only link, against the real server and a real
 * redis-server: every open tab, read-only link and projector is told; the old link, the projector
 * and the exports answer 410 (deletion) or the old link 404 (new link); only the owner may.
 */
@Tag("redis")
class OwnerDeleteAndLinkTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    server = ServerFixture.start(Map.of(), store);
    http = new HttpCalls(server.app.port());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  /** A pad created through the API and written; returns its owner token. */
  private String writtenPad(String pad) {
    HttpCalls.Answer created = http.post("/api/pads", new JsonObject().put("name", pad));
    assertEquals(201, created.status(), created.text());
    WsClient writer = server.connect(pad);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "Compte rendu de l’atelier").next("ack");
    writer.close();
    return created.json().getString("ownerToken");
  }

  private String readOnlyId(String pad) {
    String link = new JsonObject(http.get("/api/pads/" + pad + "/links").text()).getString("readOnly");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  private HttpCalls.Answer as(String token, HttpMethod method, String uri) {
    return http.callWith(method, uri, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }


  @Test
  void theOwnerDeletesThePadAndEveryTabIsToldWhileLinksProjectorAndExportsAnswer410() throws Exception {
    String pad = "supprimer-" + System.nanoTime();
    String token = writtenPad(pad);
    String id = readOnlyId(pad);
    WsClient alice = server.connect(pad);
    alice.join(ServerFixture.newClientId());
    WsClient bob = server.connect(pad);
    bob.join(ServerFixture.newClientId());
    WsClient reader = server.connect("/ws/r/" + id, null);
    reader.join(ServerFixture.newClientId());
    WsClient projector = server.connect("/ws/" + pad + "/projector", null);
    projector.join(ServerFixture.newClientId());

    HttpCalls.Answer anonymous = as(null, HttpMethod.DELETE, "/api/pads/" + pad);
    assertEquals(401, anonymous.status());
    assertEquals("owner-token-required", anonymous.json().getString("error"));
    assertEquals("not-owner", as("BBBBBBBBBBBBBBBBBBBBBB", HttpMethod.DELETE, "/api/pads/" + pad).json().getString("error"));
    assertEquals(200, http.get("/p/" + pad + "/export/txt").status(), "nothing deleted by strangers");

    assertEquals(204, as(token, HttpMethod.DELETE, "/api/pads/" + pad).status());
    for (WsClient tab : List.of(alice, bob, reader, projector)) {
      assertEquals("pad-deleted", tab.nextErrorCode());
      tab.awaitClosed();
    }
    assertEquals(410, http.get("/r/" + id).status());
    assertEquals(410, http.get("/p/" + pad + "/projector").status());
    assertEquals(410, http.get("/p/" + pad + "/export/md").status());
    assertEquals(410, http.get("/p/" + pad + "/export/txt").status());
    RawWebSocket.Refusal late = server.refusedSocket("/ws/r/" + id);
    assertEquals("pad-deleted", late.errorCode());
    assertEquals(1008, late.closeStatus());
    assertEquals(List.of("ardoise:read-only-deleted:" + id, "ardoise:{" + pad + "}:deleted"), keysAbout(pad, id),
        "nothing is left but the tombstones: owner and policy included");
    assertEquals(403, as(token, HttpMethod.DELETE, "/api/pads/" + pad).status(), "the owner token went with the pad");
  }

  @Test
  void aNewReadOnlyLinkClosesTheOldOneAtOnce() {
    String pad = "relier-" + System.nanoTime();
    String token = writtenPad(pad);
    String old = readOnlyId(pad);
    WsClient reader = server.connect("/ws/r/" + old, null);
    reader.join(ServerFixture.newClientId());
    WsClient writer = server.connect(pad);
    writer.join(ServerFixture.newClientId());
    WsClient projector = server.connect("/ws/" + pad + "/projector", null);
    projector.join(ServerFixture.newClientId());

    assertEquals(401, as(null, HttpMethod.POST, "/api/pads/" + pad + "/read-only-link").status());
    assertEquals(403, as("CCCCCCCCCCCCCCCCCCCCCC", HttpMethod.POST, "/api/pads/" + pad + "/read-only-link").status());
    HttpCalls.Answer rotated = as(token, HttpMethod.POST, "/api/pads/" + pad + "/read-only-link");
    assertEquals(200, rotated.status(), rotated.text());
    String fresh = rotated.json().getString("readOnlyId");
    assertNotEquals(old, fresh);
    assertTrue(rotated.json().getString("readOnlyUrl").endsWith("/r/" + fresh), rotated.text());

    assertEquals("read-only-link-changed", reader.nextErrorCode());
    reader.awaitClosed();
    assertEquals(404, http.get("/r/" + old).status());
    assertEquals(200, http.get("/r/" + fresh).status());
    assertEquals(fresh, readOnlyId(pad));
    WsClient newReader = server.connect("/ws/r/" + fresh, null);
    assertEquals("Compte rendu de l’atelier", newReader.join(ServerFixture.newClientId()).getString("text"));
    RawWebSocket.Refusal oldAgain = server.refusedSocket("/ws/r/" + old);
    assertEquals("bad-pad-name", oldAgain.errorCode(), "an unknown link");
    assertEquals(1008, oldAgain.closeStatus());

    writer.op(1, 1, 25, ".").next("ack");
    assertEquals("op", projector.next().getString("type"), "the projector (reached by name) keeps working");
    assertTrue(!writer.isClosed());

    String empty = "vide-" + System.nanoTime();
    String emptyToken = http.post("/api/pads", new JsonObject().put("name", empty)).json().getString("ownerToken");
    HttpCalls.Answer none = as(emptyToken, HttpMethod.POST, "/api/pads/" + empty + "/read-only-link");
    assertEquals(409, none.status());
    assertEquals("no-read-only-link", none.json().getString("error"));
  }

  /** Every key whose name holds the pad or the read-only id. */
  private List<String> keysAbout(String pad, String readOnlyId) {
    Redis admin = Redis.createClient(storeVertx, redis.url());
    try {
      return ardoise.testing.RedisKeys.about(RedisAPI.api(admin), pad, readOnlyId);
    } finally {
      admin.close().await();
    }
  }
}
