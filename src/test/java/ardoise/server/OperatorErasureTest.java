package ardoise.server;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.OpRecord;
import ardoise.store.PadNotes;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's erasure against the real server and a real redis-server: the export of everything
 * stored about a pad, its deletion (every open tab told, every key gone but the tombstones, 410 for
 * its read-only link, projector and exports, a fresh pad under the name), and the token's rules.
 */
@Tag("redis")
class OperatorErasureTest {
  private static final String TOKEN = "operator-token-0123456789";

  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    server = ServerFixture.start(Map.of("ARDOISE_OPERATOR_TOKEN", TOKEN), store);
    http = new HttpCalls(server.app.port());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  private HttpCalls.Answer admin(HttpMethod method, String uri, String token) {
    return http.callWith(method, uri, null, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  @Test
  void theExportHoldsEverythingThenDeletionLeavesOnlyTombstonesAndTellsEveryTab() throws Exception {
    String pad = "effacer-" + UUID.randomUUID().toString().substring(0, 8);
    WsClient alice = server.connect(pad);
    String aliceAuthor = alice.join("alice-secret-" + pad).getString("authorId");
    alice.op(0, 1, "Bonjour à tous");
    assertEquals("ack", alice.next().getString("type"));
    alice.send(new JsonObject().put("type", "chat").put("text", "on commence ?"));
    alice.next("chat");
    WsClient bob = server.connect(pad);
    bob.join("bob-secret-" + pad);
    String readOnly = new JsonObject(http.get("/api/pads/" + pad + "/links").text()).getString("readOnly");
    String readOnlyId = readOnly.substring(readOnly.lastIndexOf('/') + 1);
    store.notes().saveVersion(pad, new PadNotes.SavedVersion(1, "début", aliceAuthor, 42)).await();

    HttpCalls.Answer exported = admin(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", TOKEN);
    assertEquals(200, exported.status(), exported.text());
    JsonObject dossier = exported.json();
    assertEquals("Bonjour à tous", dossier.getString("text"));
    assertEquals(1, dossier.getLong("head"));
    assertEquals(readOnlyId, dossier.getString("readOnlyId"));
    JsonObject revision = dossier.getJsonArray("revisions").getJsonObject(0);
    assertEquals(1, revision.getLong("rev"));
    assertEquals(aliceAuthor, revision.getString("author"));
    assertEquals(new JsonArray().add("Bonjour à tous"), revision.getJsonArray("op"));
    assertTrue(revision.getLong("time") > 0);
    assertEquals("Test alic", dossier.getJsonObject("authors").getJsonObject(aliceAuthor).getString("name").substring(0, 9));
    assertEquals("on commence ?", dossier.getJsonArray("chat").getJsonObject(0).getString("text"));
    assertEquals("début", dossier.getJsonArray("savedVersions").getJsonObject(0).getString("label"));

    assertEquals(204, admin(HttpMethod.DELETE, "/api/admin/pads/" + pad, TOKEN).status());
    for (WsClient tab : List.of(alice, bob)) {
      assertEquals("pad-deleted", tab.nextErrorCode());
      tab.awaitClosed();
    }
    assertEquals(List.of("ardoise:read-only-deleted:" + readOnlyId, "ardoise:{" + pad + "}:deleted"),
        keysAbout(pad, readOnlyId), "nothing of the pad is left but its tombstones");

    assertEquals(410, http.get("/r/" + readOnlyId).status());
    assertEquals(410, http.get("/p/" + pad + "/projector").status());
    assertEquals(410, http.get("/p/" + pad + "/export/md").status());
    assertEquals(410, http.get("/p/" + pad + "/export/pdf").status());
    RawWebSocket.Refusal viewer = server.refusedSocket("/ws/r/" + readOnlyId);
    assertEquals("pad-deleted", viewer.errorCode());
    assertEquals(1008, viewer.closeStatus());
    assertEquals(404, admin(HttpMethod.DELETE, "/api/admin/pads/" + pad, TOKEN).status(), "nothing left to delete");
    assertEquals(404, admin(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", TOKEN).status());

    // The name opens a new, empty pad; the old read-only id stays dead.
    assertEquals(200, http.get("/p/" + pad).status());
    WsClient carol = server.connect(pad);
    JsonObject joined = carol.join("carol-secret-" + pad);
    assertEquals(0, joined.getLong("rev"));
    assertEquals("", joined.getString("text", ""));
    carol.op(0, 1, "nouveau");
    assertEquals("ack", carol.next().getString("type"));
    assertEquals(200, http.get("/p/" + pad + "/export/md").status(), "a new pad lives under the name");
    assertEquals(410, http.get("/r/" + readOnlyId).status());
  }

  @Test
  void aPadOfTenThousandRevisionsIsExportedWhole() throws Exception {
    String pad = "long-" + UUID.randomUUID().toString().substring(0, 8);
    int revisions = 10_000;
    StringBuilder text = new StringBuilder();
    for (int head = 0; head < revisions; head += 500) {
      String[] words = new String[500];
      for (int i = 0; i < 500; i++) words[i] = "mot" + (head + i) + " ";
      List<OpRecord> batch = inserts(head, text.length(), "writer", head + 1, words);
      store.append(pad, head, batch).await();
      for (String w : words) text.insert(0, w); // each record inserts at the start
    }
    long started = System.nanoTime();
    HttpCalls.Answer exported = admin(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", TOKEN);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(200, exported.status());
    JsonObject dossier = exported.json();
    assertTrue(text.toString().equals(dossier.getString("text")), "the text at the head"); // not printed: 100 KB
    JsonArray all = dossier.getJsonArray("revisions");
    assertEquals(revisions, all.size());
    for (int i = 0; i < revisions; i++) assertEquals(i + 1, all.getJsonObject(i).getLong("rev"));
    System.out.println("export of " + revisions + " revisions: " + exported.body().length() + " bytes in " + millis + " ms");
  }

  @Test
  void theTokenIsRequiredAndForeignPagesAreRefused() {
    String pad = "garde-" + UUID.randomUUID().toString().substring(0, 8);
    store.append(pad, 0, inserts(0, 0, "writer", 1, "texte")).await();
    assertEquals(401, admin(HttpMethod.DELETE, "/api/admin/pads/" + pad, null).status());
    assertEquals(401, admin(HttpMethod.DELETE, "/api/admin/pads/" + pad, TOKEN + "x").status());
    HttpCalls.Answer noToken = admin(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", null);
    assertEquals(401, noToken.status());
    assertEquals("unauthorized", noToken.json().getString("error"));
    assertEquals(401, admin(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", "operator-token-012345678X").status());
    HttpCalls.Answer foreign = http.callWith(HttpMethod.DELETE, "/api/admin/pads/" + pad, null,
        Map.of("Authorization", "Bearer " + TOKEN, "Origin", "https://elsewhere.example"));
    assertEquals(403, foreign.status(), "a page elsewhere cannot delete through an operator's browser");
    assertEquals(true, store.exists(pad).await(), "nothing was deleted");
  }

  @Test
  void withoutAnOperatorTokenTheAdminApiDoesNotExist() {
    ServerFixture plain = ServerFixture.start(Map.of(), store);
    try (HttpCalls calls = new HttpCalls(plain.app.port())) {
      String pad = "sans-" + UUID.randomUUID().toString().substring(0, 8);
      store.append(pad, 0, inserts(0, 0, "writer", 1, "texte")).await();
      assertEquals(404, calls.callWith(HttpMethod.DELETE, "/api/admin/pads/" + pad, null,
          Map.of("Authorization", "Bearer " + TOKEN)).status());
      assertEquals(404, calls.callWith(HttpMethod.GET, "/api/admin/pads/" + pad + "/export", null,
          Map.of("Authorization", "Bearer " + TOKEN)).status());
      assertEquals(true, store.exists(pad).await());
    } finally {
      plain.close();
    }
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
