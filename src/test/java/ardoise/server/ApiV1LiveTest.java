package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.history.RevisionReader;
import ardoise.http.api.Author;
import ardoise.ot.AuthorRun;
import ardoise.ot.TextOperation;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.ProtocolClient;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * API edits as the people in the pad live them, against the real server and redis-server: an
 * append made while a member types is rebased over the typing, reaches the member live, is
 * attributed to the API author, and is in Redis before the API answers; and the write quotas an
 * API author takes (429 with Retry-After, nothing changed).
 */
@Tag("redis")
class ApiV1LiveTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.ALWAYS);
  private ApiServer running;
  private Vertx storeVertx;
  private RedisPadStore store;
  private RedisPadStore reader;
  private ServerFixture server;
  private HttpCalls http;
  private ApiV1Calls api;

  @BeforeEach
  void start() {
    running = ApiServer.start(redis.url(), Map.of("ARDOISE_PROFILE_STORE_SECONDS", "0",
        "ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS", "4000", "ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "3",
        "ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE", "3"));
    storeVertx = running.vertx;
    store = running.store;
    reader = RedisPadStore.create(storeVertx, redis.url());
    server = running.server;
    http = running.http;
    api = running.api;
  }

  @AfterEach
  void stop() throws Exception {
    reader.close().await();
    running.close();
  }

  private static String newPad() {
    return "live-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void anAppendWhileSomeoneTypesIsRebasedSeenLiveAttributedAndStoredFirst() {
    String pad = newPad();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "Bonjour\n")).status());
    WsClient ws = server.connect(pad);
    ProtocolClient member = new ProtocolClient(ServerFixture.newClientId(), "Léa", ws::sendRaw);
    ws.send(member.joinMessage(false));
    member.receive(ws.next("joined"));
    // The member types; its op is in flight while the API appends.
    member.client().applyClient(TextOperation.builder().retain(8).insert("abc").build());

    HttpCalls.Answer appended = api.post("/pads/" + pad + "/append", ApiV1Calls.WRITE,
        new JsonObject().put("text", "XYZ").put("authorName", "Robot"));
    assertEquals(200, appended.status(), appended.text());
    long rev = appended.json().getLong("revision");
    // Durable before the answer: another client of the same Redis reads it at once.
    String stored = new RevisionReader(storeVertx, reader).read(pad, rev).await().doc().text();
    assertTrue(stored.contains("XYZ"), stored);
    // More typing on the revision the member has, which does not hold the append yet: rebased over it.
    member.client().applyClient(TextOperation.builder().insert("def").retain(11).build());

    while (member.client().hasPending() || member.client().rev() < rev) {
      member.receive(ws.next());
      assertTrue(member.problems().isEmpty(), member.problems().toString());
    }
    String seen = member.client().document().text();
    String head = api.get("/pads/" + pad + "/text", null).json().getString("text");
    assertEquals(head, seen);
    assertEquals(1, count(seen, "abc"), seen);
    assertEquals(1, count(seen, "XYZ"), seen);
    assertTrue(seen.startsWith("defBonjour\n"), seen);

    String robot = Author.of("writer", "Robot").authorId();
    assertEquals(robot, authorAt(member, seen.indexOf("XYZ")));
    assertEquals(robot, authorAt(member, seen.indexOf("XYZ") + 2));
    assertEquals(member.client().authorId(), authorAt(member, seen.indexOf("abc")));
    // The API author is shown as one: by name in the pad's authors (history, exports).
    Eventually.until("the pad remembers the API author", () -> {
      JsonObject authors = http.get("/api/pads/" + pad + "/authors").json().getJsonObject("authors");
      return authors.containsKey(robot) && authors.getJsonObject(robot).getString("name").equals("Robot (API)");
    });
    JsonArray members = api.get("/pads/" + pad + "/members", null).json().getJsonArray("members");
    assertEquals(1, members.size(), "the API edit left the pad: " + members);
  }

  @Test
  void writesTakeTheApiAuthorsQuotaAndARefusalChangesNothing() {
    String pad = newPad();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "début")).status());
    JsonObject quota = new JsonObject().put("authorName", "Gros volume");
    assertEquals(200, api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, quota.copy().put("text", "a".repeat(3000))).status());
    HttpCalls.Answer refused = api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, quota.copy().put("text", "b".repeat(3000)));
    assertEquals(429, refused.status(), refused.text());
    assertEquals("quota-exceeded", refused.json().getString("error"));
    assertTrue(Long.parseLong(refused.headers().get("Retry-After")) > 0);
    assertTrue(refused.json().getLong("retryAfter") > 0);
    assertEquals("a".repeat(3000), api.get("/pads/" + pad + "/text", null).json().getString("text"));

    // New pads: three a minute for this author (one made above), then 429.
    JsonObject creator = new JsonObject().put("authorName", "Fabrique");
    for (int i = 0; i < 3; i++) assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, creator.copy().put("padId", newPad())).status());
    HttpCalls.Answer tooMany = api.post("/pads", ApiV1Calls.WRITE, creator.copy().put("padId", newPad()));
    assertEquals(429, tooMany.status(), tooMany.text());
    assertEquals("quota-exceeded", tooMany.json().getString("error"));
  }

  @Test
  void probingPadNamesWithoutAKeyIsBoundedLikeABrowsersReads() {
    String pad = newPad();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "là")).status());
    for (int i = 0; i < 3; i++) assertEquals(404, api.get("/pads/" + newPad() + "/text", null).status());
    HttpCalls.Answer refused = api.get("/pads/" + newPad(), null);
    assertEquals(429, refused.status(), refused.text());
    assertEquals("too-many-misses", refused.json().getString("error"));
    assertTrue(Long.parseLong(refused.headers().get("Retry-After")) > 0);
    // Pads that exist are never refused, and programs with a key are not counted.
    assertEquals(200, api.get("/pads/" + pad + "/text", null).status());
    assertEquals(404, api.get("/pads/" + newPad(), ApiV1Calls.READ).status());
  }

  private static String authorAt(ProtocolClient member, int index) {
    int at = 0;
    for (AuthorRun run : member.client().document().runs()) {
      if (index < at + run.length()) return run.author();
      at += run.length();
    }
    throw new AssertionError("no run covers " + index);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }
}
