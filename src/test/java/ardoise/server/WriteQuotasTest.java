package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The write quotas against the real server and a real redis-server: pads created, bytes written and
 * imports a minute, per client address and per server; saved versions and chat messages kept per pad.
 * Every refusal is {@code quota-exceeded} with the seconds to wait, the socket stays open and the
 * refused write is not stored. (A whole room behind one address: {@link WorkshopRoomQuotasTest}.)
 */
@Tag("redis")
class WriteQuotasTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;

  private void start(Map<String, String> env) {
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 100, 500,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    server = ServerFixture.start(env, store);
    http = new HttpCalls(server.app.port());
  }

  @AfterEach
  void stop() {
    if (http != null) http.close();
    if (server != null) server.close();
    if (store != null) store.close().await();
    storeVertx.close().await();
  }

  private static final String IMPORTER = "?name=Zo%C3%AB&color=%23d55e00";

  private static String pad(String name) {
    return name + "-" + System.nanoTime();
  }

  private boolean written(String pad) {
    return http.get("/api/pads/" + pad).json().getBoolean("exists");
  }

  /** A 429 quota-exceeded: Retry-After and retryAfter agree and are within a minute. */
  private static long assertQuotaExceeded(HttpCalls.Answer answer) {
    assertEquals(429, answer.status(), answer.text());
    assertEquals("quota-exceeded", answer.json().getString("error"));
    long retryAfter = Long.parseLong(answer.headers().get("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(retryAfter, answer.json().getLong("retryAfter"));
    return retryAfter;
  }

  @Test
  void bytesOverASocketBeyondTheQuotaAreRefusedKeptOpenAndAcceptedAfterRetryAfter() throws Exception {
    // 6,000 bytes a minute: 100 a second come back.
    start(Map.of("ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS", "6000"));
    String pad = pad("octets");
    WsClient alice = server.connect(pad);
    alice.join(ServerFixture.newClientId());
    WsClient bruno = server.connect(pad);
    bruno.join(ServerFixture.newClientId());
    String first = "a".repeat(5800);
    alice.op(0, 1, first).next("ack");
    assertEquals(1L, bruno.next("op").getLong("rev"));

    alice.op(1, 2, 5800, "b".repeat(300));
    JsonObject refused = alice.nextError("quota-exceeded");
    assertEquals(2L, refused.getLong("seq"), "the refused op is named, the tab keeps it");
    long retryAfter = refused.getLong("retryAfter");
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "retryAfter " + retryAfter);
    alice.send(new JsonObject().put("type", "chat").put("text", "bonjour ".repeat(100)));
    JsonObject chatRefused = alice.nextError("quota-exceeded");
    assertFalse(chatRefused.containsKey("seq"));
    assertTrue(chatRefused.getLong("retryAfter") >= 1);
    alice.send(new JsonObject().put("type", "ping"));
    assertEquals("pong", alice.next().getString("type"), "the socket stays open");
    assertEquals(first, http.get("/p/" + pad + "/export/txt").text(), "the refused op is not stored");
    assertFalse(alice.isClosed());

    // The server said when: the same op then goes through (the budget refills with time, not with waiting here).
    Thread.sleep(retryAfter * 1000);
    alice.op(1, 2, 5800, "b".repeat(300));
    assertEquals(2L, alice.next("ack").getLong("rev"));
    assertEquals(first + "b".repeat(300), http.get("/p/" + pad + "/export/txt").text());
  }

  @Test
  void padsCreatedBeyondTheQuotaAreRefusedByTheApiTheSocketAndImports() {
    start(Map.of("ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "2"));
    assertEquals(201, http.post("/api/pads", new JsonObject()).status());
    String existing = http.post("/api/pads", new JsonObject()).json().getString("padId");
    assertQuotaExceeded(http.post("/api/pads", new JsonObject()));

    // A first op in an empty pad creates it: refused with its seq, the socket kept, nothing stored.
    String fresh = pad("nouveau");
    WsClient alice = server.connect(fresh);
    assertEquals(0L, alice.join(ServerFixture.newClientId()).getLong("rev"));
    alice.op(0, 1, "Premier mot");
    JsonObject refused = alice.nextError("quota-exceeded");
    assertEquals(1L, refused.getLong("seq"));
    assertTrue(refused.getLong("retryAfter") >= 1);
    alice.send(new JsonObject().put("type", "ping"));
    assertEquals("pong", alice.next().getString("type"));
    assertFalse(written(fresh), "the refused first op wrote nothing");

    // An import into a pad nobody wrote in creates it too; into a written pad it does not.
    assertQuotaExceeded(http.importFile("/api/pads/" + pad("importe") + "/import" + IMPORTER, Buffer.buffer("texte"), "text/plain",
        "importer-0123456789ab"));
    WsClient writer = server.connect(existing);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "déjà là").next("ack");
    assertEquals(200, http.importFile("/api/pads/" + existing + "/import" + IMPORTER, Buffer.buffer("texte"), "text/plain",
        "importer-0123456789ab").status(), "a pad that has text is not created again");
  }

  @Test
  void peopleTypingTheirFirstLettersAtOnceIntoANewPadCreateItOnce() {
    // Two pads a minute for the room: six first ops into one new pad are one pad created, not six.
    start(Map.of("ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "2"));
    String fresh = pad("ensemble");
    List<WsClient> room = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      WsClient person = server.connect(fresh);
      assertEquals(0L, person.join(ServerFixture.newClientId()).getLong("rev"));
      room.add(person);
    }
    for (WsClient person : room) person.op(0, 1, "a"); // all sent before anyone hears of the first revision
    for (WsClient person : room) {
      while (true) {
        JsonObject frame = person.next();
        assertFalse(frame.getString("type").equals("error"), "refused: " + frame);
        if (frame.getString("type").equals("ack")) break;
      }
    }
    assertTrue(written(fresh));
    // The room's second pad still fits in its budget of two, the third does not.
    assertEquals(201, http.post("/api/pads", new JsonObject()).status());
    assertQuotaExceeded(http.post("/api/pads", new JsonObject()));
  }

  @Test
  void importsBeyondTheQuotaAreRefused() {
    start(Map.of("ARDOISE_IMPORTS_PER_MINUTE_PER_ADDRESS", "2"));
    String pad = pad("imports");
    for (int i = 0; i < 2; i++) {
      assertEquals(200, http.importFile("/api/pads/" + pad + "/import" + IMPORTER, Buffer.buffer("version " + i), "text/plain",
          "importer-0123456789ab").status());
    }
    assertQuotaExceeded(http.importFile("/api/pads/" + pad + "/import" + IMPORTER, Buffer.buffer("version 3"), "text/plain",
        "importer-0123456789ab"));
    assertEquals("version 1", http.get("/p/" + pad + "/export/txt").text(), "the refused import changed nothing");
  }

  @Test
  void httpBytesCountImportsRestoresAndTemplates() {
    start(Map.of("ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS", "3000"));
    String pad = pad("restaure");
    assertEquals(200, http.importFile("/api/pads/" + pad + "/import" + IMPORTER, Buffer.buffer("x".repeat(2000)), "text/plain",
        "importer-0123456789ab").status());
    assertEquals(200, http.importFile("/api/pads/" + pad + "/import" + IMPORTER, Buffer.buffer("court"), "text/plain",
        "importer-0123456789ab").status());
    JsonObject who = new JsonObject().put("authorSecret", "restorer-0123456789ab").put("name", "Zoë").put("color", "#d55e00");
    assertQuotaExceeded(http.post("/api/pads/" + pad + "/restore", who.copy().put("rev", 1)));
    assertEquals("court", http.get("/p/" + pad + "/export/txt").text(), "the refused restore changed nothing");
  }

  @Test
  void theServerBoundHoldsAcrossAddressesEachOfWhichHasItsOwn() {
    start(Map.of("ARDOISE_TRUSTED_PROXY_HOPS", "1", "ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "2",
        "ARDOISE_PADS_PER_MINUTE_PER_SERVER", "3"));
    assertEquals(201, create("203.0.113.1").status());
    assertEquals(201, create("203.0.113.1").status());
    assertQuotaExceeded(create("203.0.113.1"));
    assertEquals(201, create("203.0.113.2").status(), "another address has its own bound");
    long retryAfter = assertQuotaExceeded(create("203.0.113.3"));
    assertTrue(retryAfter <= 20, "the server's 3 a minute: one every 20 s, got " + retryAfter);
  }

  private HttpCalls.Answer create(String address) {
    return http.callWith(HttpMethod.POST, "/api/pads", new JsonObject().toBuffer(),
        Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
  }

  @Test
  void savedVersionsPerPadAreCappedBySetting() {
    start(Map.of("ARDOISE_MAX_SAVED_VERSIONS", "2"));
    String pad = pad("versions");
    WsClient alice = server.connect(pad);
    alice.join(ServerFixture.newClientId());
    alice.op(0, 1, "v").next("ack");
    JsonObject who = new JsonObject().put("authorSecret", "saver-0123456789abcd").put("name", "Zoë").put("color", "#d55e00");
    assertEquals(200, http.post("/api/pads/" + pad + "/versions", who.copy().put("rev", 0).put("label", "Début")).status());
    assertEquals(200, http.post("/api/pads/" + pad + "/versions", who.copy().put("rev", 1).put("label", "Un")).status());
    HttpCalls.Answer third = http.post("/api/pads/" + pad + "/versions", who.copy().put("rev", 1).put("label", "Renommée"));
    assertEquals(200, third.status(), "renaming a saved version is always possible");
    alice.op(1, 2, 1, "2").next("ack");
    HttpCalls.Answer refused = http.post("/api/pads/" + pad + "/versions", who.copy().put("rev", 2).put("label", "Deux"));
    assertEquals(409, refused.status());
    assertEquals("too-many-versions", refused.json().getString("error"));
    assertEquals(2, http.get("/api/pads/" + pad + "/versions").json().getJsonArray("versions").size());
  }

  @Test
  void theChatKeepsOnlyItsNewestMessagesInRedis() {
    start(Map.of("ARDOISE_CHAT_KEPT", "3", "ARDOISE_CHAT_BURST", "10"));
    String pad = pad("causerie");
    WsClient alice = server.connect(pad);
    alice.join(ServerFixture.newClientId());
    for (int i = 1; i <= 5; i++) {
      alice.send(new JsonObject().put("type", "chat").put("text", "message " + i));
      assertEquals("message " + i, alice.next("chat").getJsonArray("messages").getJsonObject(0).getString("text"));
    }
    List<String> kept = new ArrayList<>();
    store.chat().recent(pad, 100).await().forEach(m -> kept.add(m.text()));
    assertEquals(List.of("message 3", "message 4", "message 5"), kept, "Redis keeps the newest 3, no more");
  }
}
