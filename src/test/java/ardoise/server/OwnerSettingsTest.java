package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The owner's settings API against the real server and a real redis-server: who may read and change
 * them (401, 403), what bad values get, the lifetime chosen at creation or later (the pad's keys get
 * it), the template a creation starts from, and a lock that outlives a restart of the server.
 */
@Tag("redis")
class OwnerSettingsTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;
  private Redis admin;
  private RedisAPI api;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url(), RedisPadStore.Tuning.DEFAULT.withRetention(ardoise.store.Retention.ofDays(30, 365)));
    server = ServerFixture.start(Map.of("ARDOISE_RETENTION_DAYS", "30", "ARDOISE_MAX_RETENTION_DAYS", "365"), store);
    http = new HttpCalls(server.app.port());
    admin = Redis.createClient(storeVertx, redis.url());
    api = RedisAPI.api(admin);
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    server.close();
    admin.close().await();
    store.close().await();
    storeVertx.close().await();
  }

  static String newPad() {
    return "proprio-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates {@code pad} through the API with {@code extra} fields; returns its owner token. */
  private String create(String pad, JsonObject extra) {
    HttpCalls.Answer created = http.post("/api/pads", extra.copy().put("name", pad));
    assertEquals(201, created.status(), created.text());
    return created.json().getString("ownerToken");
  }

  private HttpCalls.Answer patch(String pad, String token, String body) {
    Map<String, String> headers = token == null ? Map.of("Content-Type", "application/json")
        : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
    return http.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", Buffer.buffer(body), headers);
  }

  private JsonObject settings(String pad) {
    HttpCalls.Answer answer = http.get("/api/pads/" + pad + "/settings");
    assertEquals(200, answer.status(), answer.text());
    return answer.json();
  }

  private void write(String pad, String text) {
    WsClient writer = server.connect(pad);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, text).next("ack");
    writer.close();
  }

  private long pttl(String key) {
    return api.pttl(key).await().toLong();
  }

  @Test
  void onlyTheOwnerChangesSettingsAndBadValuesAreRefusedByName() {
    String pad = newPad();
    String token = create(pad, new JsonObject());
    JsonObject fresh = settings(pad);
    assertEquals(30, fresh.getInteger("lifetimeDays"));
    assertEquals(new JsonArray(List.of(1, 7, 30, 90, 365)), fresh.getJsonArray("lifetimeChoices"));
    assertEquals(30, fresh.getInteger("defaultLifetimeDays"));
    assertTrue(fresh.getBoolean("owned"));
    assertFalse(fresh.getBoolean("locked"));
    assertFalse(fresh.getBoolean("passwordRequired"));
    long now = System.currentTimeMillis();
    assertTrue(Math.abs(fresh.getLong("deletesAt") - (now + 30 * DAY)) < 60_000, "never written: now + lifetime " + fresh);

    assertEquals(new JsonObject().put("lifetimeChoices", new JsonArray(List.of(1, 7, 30, 90, 365))).put("defaultLifetimeDays", 30),
        http.get("/api/lifetimes").json(), "the home page's choices");

    HttpCalls.Answer anonymous = patch(pad, null, "{\"locked\":true}");
    assertEquals(401, anonymous.status());
    assertEquals("owner-token-required", anonymous.json().getString("error"));
    HttpCalls.Answer stranger = patch(pad, strangerToken(), "{\"locked\":true}");
    assertEquals(403, stranger.status());
    assertEquals("not-owner", stranger.json().getString("error"));
    assertFalse(settings(pad).getBoolean("locked"), "nothing changed");

    assertEquals("bad-lifetime", patch(pad, token, "{\"lifetimeDays\":2}").json().getString("error"));
    assertEquals("bad-lifetime", patch(pad, token, "{\"lifetimeDays\":0}").json().getString("error"), "365 days at most here");
    assertEquals("bad-password", patch(pad, token, "{\"password\":\"abc\"}").json().getString("error"));
    assertEquals("bad-password", patch(pad, token, "{\"password\":\"" + "x".repeat(129) + "\"}").json().getString("error"));
    assertEquals("bad-password", patch(pad, token, "{\"password\":42}").json().getString("error"));
    assertEquals("bad-request", patch(pad, token, "{\"locked\":\"yes\"}").json().getString("error"));
    assertEquals("bad-request", patch(pad, token, "[]").json().getString("error"));
    assertEquals(400, patch(pad, token, "{\"lifetimeDays\":2}").status());
    assertEquals(415, http.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", Buffer.buffer("locked=1"),
        Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer " + token)).status());
    assertEquals(403, http.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", Buffer.buffer("{\"locked\":true}"),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token, "Origin", "https://evil.example.com")).status(),
        "another site cannot change the settings");

    HttpCalls.Answer changed = patch(pad, token, "{\"locked\":true,\"password\":\"sésame ouvre-toi\",\"protectReadOnly\":true,\"lifetimeDays\":7}");
    assertEquals(200, changed.status(), changed.text());
    assertEquals(changed.json().getInteger("lifetimeDays"), 7);
    JsonObject read = settings(pad);
    assertTrue(read.getBoolean("locked"));
    assertTrue(read.getBoolean("passwordRequired"));
    assertTrue(read.getBoolean("protectReadOnly"));
    assertEquals(7, read.getInteger("lifetimeDays"));
    assertFalse(read.encode().contains("sésame") || read.encode().contains("pbkdf2"), "neither the password nor its hash is shown");
    String stored = api.hget(key(pad, "policy"), "password").await().toString();
    assertTrue(stored.startsWith("pbkdf2-sha256$100000$"), "a slow salted hash is stored: " + stored.substring(0, 21));
    assertFalse(stored.contains("sésame"));

    assertEquals(200, patch(pad, token, "{\"password\":null,\"locked\":false}").status());
    assertFalse(settings(pad).getBoolean("passwordRequired"));
    assertFalse(settings(pad).getBoolean("locked"));
    assertTrue(settings(pad).getBoolean("protectReadOnly"), "fields not in the body stay as they were");
  }

  private static String strangerToken() {
    return "AAAAAAAAAAAAAAAAAAAAAA";
  }

  private static String key(String pad, String name) {
    return "ardoise:{" + pad + "}:" + name;
  }

  @Test
  void aLifetimeChosenAtCreationIsTheFirstRevisionsAndEveryKeyGetsIt() {
    String pad = newPad();
    String token = create(pad, new JsonObject().put("lifetimeDays", 7));
    assertNotNull(token);
    long policyTtl = pttl(key(pad, "policy"));
    assertTrue(policyTtl > 6 * DAY && policyTtl <= 7 * DAY, "the policy lives as long as the pad would: " + policyTtl);
    long ownerTtl = pttl(key(pad, "owner"));
    assertTrue(ownerTtl > 6 * DAY && ownerTtl <= 7 * DAY, "the owner lasts until the first edit: " + ownerTtl);
    assertEquals(0, api.exists(List.of(key(pad, "meta"))).await().toLong(), "nothing written yet");
    assertEquals(7, settings(pad).getInteger("lifetimeDays"));

    write(pad, "Compte rendu");
    assertEquals(Long.toString(7 * DAY), api.hget(key(pad, "meta"), "lifetime").await().toString(),
        "the first commit takes the chosen lifetime, not the default 30 days");
    for (String name : List.of("meta", "log", "seqs", "owner", "policy")) {
      long ttl = pttl(key(pad, name));
      assertTrue(ttl > 6 * DAY && ttl <= 7 * DAY, name + " has the pad's TTL: " + ttl);
    }
    JsonObject read = settings(pad);
    assertTrue(Math.abs(read.getLong("deletesAt") - (System.currentTimeMillis() + 7 * DAY)) < 60_000, read.encode());

    WsClient member = server.connect(pad);
    JsonObject joined = member.join(ServerFixture.newClientId());
    assertEquals(7, joined.getJsonObject("policy").getInteger("lifetimeDays"), joined.encode());
    long joinedDeletesAt = joined.getJsonObject("policy").getLong("deletesAt");
    assertTrue(Math.abs(joinedDeletesAt - (System.currentTimeMillis() + 7 * DAY)) < 60_000, joined.encode());

    assertEquals(200, patch(pad, token, "{\"lifetimeDays\":90}").status());
    JsonObject policy = member.next("policy");
    assertEquals(90, policy.getInteger("lifetimeDays"), "every member is told: " + policy.encode());
    assertTrue(Math.abs(policy.getLong("deletesAt") - (System.currentTimeMillis() + 90 * DAY)) < 60_000, policy.encode());
    long ttl = pttl(key(pad, "log"));
    assertTrue(ttl > 89 * DAY && ttl <= 90 * DAY, "the owner's change applies to the written pad at once: " + ttl);
    assertEquals(90, settings(pad).getInteger("lifetimeDays"));
    assertEquals("bad-lifetime", http.post("/api/pads", new JsonObject().put("lifetimeDays", 3)).json().getString("error"));
  }

  @Test
  void aCreationFromATemplateHasItsTextAsRevisionOneWrittenByNobody() {
    String pad = newPad();
    create(pad, new JsonObject().put("template", "minutes").put("language", "fr").put("lifetimeDays", 1));
    String text = http.get("/p/" + pad + "/export/md").text();
    assertTrue(text.startsWith("# "), text);
    assertEquals(Long.toString(DAY), api.hget(key(pad, "meta"), "lifetime").await().toString());
    assertEquals("1", api.hget(key(pad, "meta"), "head").await().toString());
    JsonObject unknown = http.post("/api/pads", new JsonObject().put("name", newPad()).put("template", "nope")).json();
    assertEquals("no-such-template", unknown.getString("error"));
  }

  @Test
  void aLockSurvivesARestartOfTheServer() {
    String pad = newPad();
    String token = create(pad, new JsonObject());
    write(pad, "avant");
    assertEquals(200, patch(pad, token, "{\"locked\":true}").status());
    server.close();
    server = ServerFixture.start(Map.of("ARDOISE_RETENTION_DAYS", "30", "ARDOISE_MAX_RETENTION_DAYS", "365"), store);
    http.close();
    http = new HttpCalls(server.app.port());

    WsClient writer = server.connect(pad);
    JsonObject joined = writer.join(ServerFixture.newClientId());
    assertTrue(joined.getJsonObject("policy").getBoolean("locked"), joined.encode());
    assertFalse(joined.getJsonObject("policy").getBoolean("canWrite"));
    writer.op(1, 1, 5, " après");
    assertEquals(1, writer.nextError("pad-locked").getLong("seq"));
    assertEquals("avant", http.get("/p/" + pad + "/export/txt").text().strip());
  }
}
