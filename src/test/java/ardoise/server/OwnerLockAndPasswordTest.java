package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A locked pad and an edit password against the real server and a real redis-server: ops refused
 * and not committed, the same tab resending once allowed, {@code policy} frames to every
 * connection, joins and unlocks with right and wrong passwords, the budget of wrong passwords per
 * client address and per pad (2 a minute per address here), and reading guarded by the password.
 */
@Tag("redis")
class OwnerLockAndPasswordTest {
  private static final String PASSWORD = "sésame-123";
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    // One trusted proxy: each test client names its address in X-Forwarded-For.
    server = ServerFixture.start(Map.of("ARDOISE_PASSWORD_TRIES_PER_MINUTE", "2", "ARDOISE_TRUSTED_PROXY_HOPS", "1"), store);
    http = new HttpCalls(server.app.port());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  private String create(String pad) {
    HttpCalls.Answer created = http.post("/api/pads", new JsonObject().put("name", pad));
    assertEquals(201, created.status(), created.text());
    return created.json().getString("ownerToken");
  }

  private void patch(String pad, String token, JsonObject body) {
    HttpCalls.Answer answer = http.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", body.toBuffer(),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    assertEquals(200, answer.status(), answer.text());
  }

  private WsClient from(String uri, String address) {
    return server.connectWith(uri, Map.of("X-Forwarded-For", address));
  }

  private static JsonObject join(WsClient c, String secret, String password) {
    JsonObject j = new JsonObject().put("type", "join").put("secret", secret).put("name", "Test");
    if (password != null) j.put("password", password);
    c.send(j);
    return c.next();
  }

  private static String secret() {
    return ServerFixture.newClientId() + "-secret";
  }

  private String text(String pad) {
    return http.get("/p/" + pad + "/export/txt").text().strip();
  }

  @Test
  void aLockRefusesOpsWithoutCommittingThemAndTheSameTabResendsOnceUnlocked() {
    String pad = "verrou-" + System.nanoTime();
    String token = create(pad);
    WsClient alice = server.connect(pad);
    JsonObject joined = alice.join(secret());
    assertTrue(joined.getJsonObject("policy").getBoolean("canWrite"), joined.encode());
    alice.op(0, 1, "Bonjour").next("ack");
    WsClient bob = server.connect(pad);
    bob.join(secret());

    patch(pad, token, new JsonObject().put("locked", true));
    for (WsClient c : new WsClient[] {alice, bob}) {
      JsonObject policy = c.next("policy");
      assertTrue(policy.getBoolean("locked"), policy.encode());
      assertFalse(policy.getBoolean("canWrite"));
    }
    alice.op(1, 2, 7, " !");
    JsonObject refused = alice.nextError("pad-locked");
    assertEquals(2, refused.getLong("seq"));
    alice.send(new JsonObject().put("type", "chat").put("text", "on attend ?"));
    assertEquals("chat", alice.next().getString("type"), "the chat stays open");
    assertEquals("chat", bob.next().getString("type"));
    assertEquals("Bonjour", text(pad), "the refused op was not committed");
    HttpCalls.Answer imported = http.importFile("/api/pads/" + pad + "/import?name=Imp", Buffer.buffer("remplacé"),
        "text/plain", "secret-d-import-" + System.nanoTime());
    assertEquals(409, imported.status(), imported.text());
    assertEquals("edit-refused", imported.json().getString("error"));
    assertEquals("Bonjour", text(pad), "nor an import");

    patch(pad, token, new JsonObject().put("locked", false));
    assertTrue(alice.next("policy").getBoolean("canWrite"));
    assertTrue(bob.next("policy").getBoolean("canWrite"));
    alice.op(1, 2, 7, " !");
    JsonObject ack = alice.next("ack");
    assertEquals(2, ack.getLong("seq"));
    assertEquals(2, ack.getLong("rev"));
    assertEquals(2, bob.next("op").getLong("rev"));
    assertEquals("Bonjour !", text(pad));
  }

  @Test
  void aPasswordMakesWritersOfThoseWhoGiveItAtJoinOrLater() {
    String pad = "motdepasse-" + System.nanoTime();
    String token = create(pad);
    WsClient owner = server.connect(pad);
    owner.join(secret());
    owner.op(0, 1, "Texte").next("ack");
    patch(pad, token, new JsonObject().put("password", PASSWORD));
    JsonObject changed = owner.next("policy");
    assertTrue(changed.getBoolean("passwordRequired"));
    assertFalse(changed.getBoolean("canWrite"), "a new password is given again by everyone");

    WsClient reader = from("/ws/" + pad, "10.0.0.1");
    JsonObject joined = join(reader, secret(), null);
    assertEquals("joined", joined.getString("type"));
    assertTrue(joined.getJsonObject("policy").getBoolean("passwordRequired"));
    assertFalse(joined.getJsonObject("policy").getBoolean("canWrite"));
    assertEquals("Texte", joined.getString("text"), "without the password, the pad is still read");
    reader.op(1, 1, 5, " lu");
    assertEquals(1, reader.nextError("password-required").getLong("seq"));
    reader.send(new JsonObject().put("type", "unlock").put("password", "pas le bon"));
    reader.nextError("wrong-password");
    reader.send(new JsonObject().put("type", "unlock").put("password", PASSWORD));
    assertTrue(reader.next("policy").getBoolean("canWrite"));
    reader.op(1, 1, 5, " lu");
    assertEquals(2, reader.next("ack").getLong("rev"), "the same tab resends its refused op");

    WsClient writer = from("/ws/" + pad, "10.0.0.2");
    JsonObject writerJoined = join(writer, secret(), PASSWORD);
    assertTrue(writerJoined.getJsonObject("policy").getBoolean("canWrite"), writerJoined.encode());
    WsClient wrong = from("/ws/" + pad, "10.0.0.3");
    String wrongSecret = secret();
    assertEquals("wrong-password", join(wrong, wrongSecret, "faux").getString("code"));
    JsonObject again = join(wrong, wrongSecret, PASSWORD);
    assertEquals("joined", again.getString("type"), "the socket stays open for another join: " + again.encode());
    assertEquals("Texte lu", text(pad));
  }

  @Test
  void wrongPasswordsAreLimitedPerAddressAndPerPadButRightOnesNeverCount() {
    String pad = "devinette-" + System.nanoTime();
    String token = create(pad);
    WsClient owner = server.connect(pad);
    owner.join(secret());
    owner.op(0, 1, "x").next("ack");
    patch(pad, token, new JsonObject().put("password", PASSWORD));

    for (int i = 0; i < 4; i++) {
      JsonObject joined = join(from("/ws/" + pad, "10.1.0.1"), secret(), PASSWORD);
      assertTrue(joined.getJsonObject("policy").getBoolean("canWrite"), "right passwords never count: " + joined.encode());
    }
    WsClient guesser = from("/ws/" + pad, "10.1.0.1");
    String guesserSecret = secret();
    assertEquals("wrong-password", join(guesser, guesserSecret, "essai-1").getString("code"));
    assertEquals("wrong-password", join(guesser, guesserSecret, "essai-2").getString("code"));
    JsonObject limited = join(guesser, guesserSecret, "essai-3");
    assertEquals("password-rate-limited", limited.getString("code"), limited.encode());
    assertTrue(limited.getLong("retryAfter") >= 1 && limited.getLong("retryAfter") <= 60, limited.encode());
    assertEquals("password-rate-limited", join(guesser, guesserSecret, PASSWORD).getString("code"),
        "once the budget is spent no try is checked");

    // Another address has its own budget; the pad's budget (6 × 2) bounds them all.
    int wrongFromOthers = 0;
    for (int a = 2; a <= 6; a++) {
      WsClient other = from("/ws/" + pad, "10.1.0." + a);
      String otherSecret = secret();
      for (int i = 0; i < 2; i++) {
        assertEquals("wrong-password", join(other, otherSecret, "autre-" + i).getString("code"), "address " + a + " try " + i);
        wrongFromOthers++;
      }
    }
    assertEquals(10, wrongFromOthers);
    WsClient fresh = from("/ws/" + pad, "10.1.0.99");
    JsonObject padLimited = join(fresh, secret(), "encore");
    assertEquals("password-rate-limited", padLimited.getString("code"), "12 wrong passwords a minute for the pad in all: " + padLimited.encode());
  }

  @Test
  void aPasswordThatGuardsReadingIsAskedOfReadOnlyLinksAndTheProjector() {
    String pad = "protege-" + System.nanoTime();
    String token = create(pad);
    WsClient owner = server.connect(pad);
    owner.join(secret());
    owner.op(0, 1, "Secret").next("ack");
    String readOnly = new JsonObject(http.get("/api/pads/" + pad + "/links").text()).getString("readOnly");
    String id = readOnly.substring(readOnly.lastIndexOf('/') + 1);
    WsClient earlyReader = server.connect("/ws/r/" + id, null);
    assertEquals("joined", join(earlyReader, secret(), null).getString("type"));

    patch(pad, token, new JsonObject().put("password", PASSWORD).put("protectReadOnly", true));
    earlyReader.nextError("password-required");
    earlyReader.awaitClosed();

    for (String uri : new String[] {"/ws/r/" + id, "/ws/" + pad + "/projector", "/ws/" + pad}) {
      WsClient c = server.connect(uri, null);
      String s = secret();
      JsonObject refused = join(c, s, null);
      assertEquals("password-required", refused.getString("code"), uri + ": " + refused.encode());
      assertFalse(c.isClosed());
      JsonObject joined = join(c, s, PASSWORD);
      assertEquals("joined", joined.getString("type"), uri + ": " + joined.encode());
      assertEquals("Secret", joined.getString("text"));
      assertEquals(uri.equals("/ws/" + pad), joined.getJsonObject("policy").getBoolean("canWrite"), uri);
    }
  }
}
