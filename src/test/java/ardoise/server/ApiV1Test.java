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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every /api/v1 endpoint against the real server and a real redis-server: what each key scope, no
 * key and a pad's owner token may do, the answers' fields, and every error status with its code.
 */
@Tag("redis")
class ApiV1Test {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private ApiServer running;
  private Vertx storeVertx;
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;
  private ApiV1Calls api;

  @BeforeEach
  void start() {
    running = ApiServer.start(redis.url(), Map.of("ARDOISE_MAX_PAD_CHARS", "5000",
        "ARDOISE_MAX_SAVED_VERSIONS", "2", "ARDOISE_DELETED_PAD_TOMBSTONE_DAYS", "1"));
    storeVertx = running.vertx;
    store = running.store;
    server = running.server;
    http = running.http;
    api = running.api;
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
  }

  static String newPad() {
    return "api-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String created(String pad, String text) {
    HttpCalls.Answer a = api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", text));
    assertEquals(201, a.status(), a.text());
    return a.json().getString("ownerToken");
  }

  private static void assertError(HttpCalls.Answer a, int status, String code) {
    assertEquals(status, a.status(), a.text());
    assertTrue(a.contentType().startsWith("application/json"), a.contentType());
    assertEquals(code, a.json().getString("error"), a.text());
    assertNotNull(a.json().getString("message"));
  }

  @Test
  void createWithAWriteKeyGivesTheOwnerTokenAndTheText() {
    String pad = newPad();
    HttpCalls.Answer a = api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "Ordre du jour\n- café"));
    assertEquals(201, a.status(), a.text());
    assertEquals(pad, a.json().getString("padId"));
    assertEquals(22, a.json().getString("ownerToken").length());
    assertTrue(a.json().getString("editUrl").endsWith("/p/" + pad), a.text());
    JsonObject text = api.get("/pads/" + pad + "/text", null).json();
    assertEquals("Ordre du jour\n- café", text.getString("text"));
    assertEquals(1, text.getLong("revision"));

    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad)), 409, "pad-exists");
    assertError(api.post("/pads", ApiV1Calls.READ, new JsonObject().put("padId", newPad())), 403, "forbidden");
    assertError(api.post("/pads", null, new JsonObject().put("padId", newPad())), 401, "unauthorized");
    assertError(api.post("/pads", "not-a-key-0123456789", new JsonObject()), 401, "unauthorized");
  }

  @Test
  void createWithoutANameWithATemplateOrALifetime() {
    HttpCalls.Answer named = api.post("/pads", ApiV1Calls.WRITE, new JsonObject());
    assertEquals(201, named.status(), named.text());
    String suggested = named.json().getString("padId");
    assertFalse(suggested.isBlank());
    // A pad with an owner and no text yet: its name is taken.
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", suggested)), 409, "pad-exists");

    String fromTemplate = newPad();
    HttpCalls.Answer t = api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", fromTemplate).put("template", "minutes"));
    assertEquals(201, t.status(), t.text());
    assertTrue(api.get("/pads/" + fromTemplate + "/text", null).json().getString("text").startsWith("#"));

    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", newPad()).put("template", "nope")), 400, "bad-request");
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("text", "a").put("template", "minutes")), 400, "bad-request");
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("lifetimeDays", 12345)), 400, "bad-request");
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", "a/b")), 400, "bad-request");
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", 42)), 400, "bad-request");

    String lasting = newPad();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", lasting).put("text", "x").put("lifetimeDays", 7)).status());
    assertEquals(7, http.get("/api/pads/" + lasting + "/settings").json().getInteger("lifetimeDays"));
  }

  @Test
  void textHtmlAndInfoAtAnyRevisionWithoutAKey() {
    String pad = newPad();
    created(pad, "# Titre\n<b>gras</b> & co");
    JsonObject set = api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", "deux")).json();
    assertEquals(2, set.getLong("revision"));
    assertEquals("deux", api.get("/pads/" + pad + "/text", null).json().getString("text"));
    assertEquals("# Titre\n<b>gras</b> & co", api.get("/pads/" + pad + "/text?rev=1", ApiV1Calls.READ).json().getString("text"));
    assertEquals("", api.get("/pads/" + pad + "/text?rev=0", null).json().getString("text"));

    String html = api.get("/pads/" + pad + "/html?rev=1", null).json().getString("html");
    assertTrue(html.contains("<h1") && html.contains("Titre"), html);
    assertTrue(html.contains("&lt;b&gt;gras&lt;/b&gt; &amp; co"), html);
    assertFalse(html.contains("<html") || html.contains("<b>"), html);

    JsonObject info = api.get("/pads/" + pad, null).json();
    assertEquals(pad, info.getString("padId"));
    assertEquals(2, info.getLong("revision"));
    assertEquals(4, info.getLong("chars"));
    assertTrue(Math.abs(System.currentTimeMillis() - info.getLong("lastEdited")) < 60_000, info.encode());
    assertEquals(info.getString("readOnlyId"), api.get("/pads/" + pad, null).json().getString("readOnlyId"));

    JsonObject links = api.get("/pads/" + pad + "/links", null).json();
    assertTrue(links.getString("edit").endsWith("/p/" + pad), links.encode());
    assertTrue(links.getString("readOnly").endsWith("/r/" + info.getString("readOnlyId")), links.encode());
    assertEquals(200, http.get(links.getString("readOnly").replaceFirst("^https?://[^/]+", "")).status());

    assertError(api.get("/pads/" + pad + "/text?rev=3", null), 400, "bad-revision");
    assertError(api.get("/pads/" + pad + "/text?rev=-1", null), 400, "bad-revision");
    assertError(api.get("/pads/" + pad + "/html?rev=x", null), 400, "bad-revision");
    assertError(api.get("/pads/" + newPad() + "/text", null), 404, "no-such-pad");
    assertError(api.get("/pads/" + newPad(), null), 404, "no-such-pad");
    assertError(api.get("/pads/%ZZ/text", null), 400, "bad-request");
  }

  @Test
  void appendAndReplaceNeedAWriteKeyAndAWrittenPad() {
    String pad = newPad();
    created(pad, "a");
    assertEquals(2, api.post("/pads/" + pad + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", "b")).json().getLong("revision"));
    assertEquals(3, api.post("/pads/" + pad + "/append", ApiV1Calls.ADMIN, new JsonObject().put("text", "c").put("authorName", "Zoé"))
        .json().getLong("revision"));
    assertEquals("abc", api.get("/pads/" + pad + "/text", null).json().getString("text"));

    assertError(api.post("/pads/" + pad + "/append", ApiV1Calls.READ, new JsonObject().put("text", "x")), 403, "forbidden");
    assertError(api.post("/pads/" + pad + "/append", null, new JsonObject().put("text", "x")), 401, "unauthorized");
    assertError(api.put("/pads/" + pad + "/text", null, new JsonObject().put("text", "x")), 401, "unauthorized");
    assertError(api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject()), 400, "bad-request");
    assertError(api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", 5)), 400, "bad-request");
    assertError(api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", "x").put("authorName", "a\u0007")),
        400, "bad-request");
    assertError(api.raw(HttpMethod.PUT, "/pads/" + pad + "/text", ApiV1Calls.WRITE, Buffer.buffer("{nope"), "application/json"),
        400, "bad-request");
    assertError(api.raw(HttpMethod.PUT, "/pads/" + pad + "/text", ApiV1Calls.WRITE, Buffer.buffer("text=x"),
        "application/x-www-form-urlencoded"), 415, "unsupported-content-type");
    assertError(api.post("/pads/" + newPad() + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", "x")), 404, "no-such-pad");
    assertEquals("abc", api.get("/pads/" + pad + "/text", null).json().getString("text"));
  }

  @Test
  void tooLargeTextsAreRefusedWith413() {
    String pad = newPad();
    created(pad, "x".repeat(4000));
    assertError(api.post("/pads/" + pad + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", "y".repeat(1001))), 413, "too-large");
    assertError(api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", "y".repeat(5001))), 413, "too-large");
    assertError(api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", newPad()).put("text", "y".repeat(5001))), 413, "too-large");
    // A body beyond any pad's size is cut before it is read.
    assertError(api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", "z".repeat(40_000))), 413, "too-large");
    assertEquals(4000, api.get("/pads/" + pad, null).json().getLong("chars"));
  }

  @Test
  void deleteByAnAdminKeyOrTheOwnerTokenThen410() {
    String byAdmin = newPad();
    String token = created(byAdmin, "à effacer");
    assertError(api.delete("/pads/" + byAdmin, null), 401, "unauthorized");
    assertError(api.delete("/pads/" + byAdmin, ApiV1Calls.WRITE), 403, "forbidden");
    assertError(api.delete("/pads/" + byAdmin, "wrong-token-0123456789"), 401, "unauthorized");
    assertEquals(204, api.delete("/pads/" + byAdmin, ApiV1Calls.ADMIN).status());
    assertError(api.get("/pads/" + byAdmin + "/text", null), 410, "pad-deleted");
    assertError(api.get("/pads/" + byAdmin, ApiV1Calls.READ), 410, "pad-deleted");
    assertError(api.delete("/pads/" + byAdmin, ApiV1Calls.ADMIN), 410, "pad-deleted");
    assertError(api.delete("/pads/" + byAdmin, token), 401, "unauthorized"); // its owner went with it

    String byOwner = newPad();
    String ownerToken = created(byOwner, "mien");
    assertEquals(204, api.delete("/pads/" + byOwner, ownerToken).status());
    assertError(api.get("/pads/" + byOwner + "/text", null), 410, "pad-deleted");
    io.vertx.redis.client.Redis client = io.vertx.redis.client.Redis.createClient(storeVertx, redis.url());
    try {
      assertEquals(java.util.List.of("ardoise:{" + byOwner + "}:deleted"),
          ardoise.testing.RedisKeys.about(io.vertx.redis.client.RedisAPI.api(client), byOwner));
    } finally {
      client.close();
    }

    assertError(api.delete("/pads/" + newPad(), ApiV1Calls.ADMIN), 404, "no-such-pad");
  }

  @Test
  void listingNeedsAnAdminKeyAndPagesThroughEveryPad() {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      String pad = newPad();
      created(pad, "n°" + i);
      mine.add(pad);
    }
    assertError(api.get("/pads", ApiV1Calls.WRITE), 403, "forbidden");
    assertError(api.get("/pads", null), 401, "unauthorized");
    assertError(api.get("/pads?limit=0", ApiV1Calls.ADMIN), 400, "bad-request");
    assertError(api.get("/pads?cursor=nope", ApiV1Calls.ADMIN), 400, "bad-request");

    Set<String> listed = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      HttpCalls.Answer page = api.get("/pads?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), ApiV1Calls.ADMIN);
      assertEquals(200, page.status(), page.text());
      JsonArray pads = page.json().getJsonArray("pads");
      assertTrue(pads.size() <= 2, page.text());
      for (int i = 0; i < pads.size(); i++) {
        JsonObject p = pads.getJsonObject(i);
        if (mine.contains(p.getString("padId"))) {
          assertEquals(1, p.getLong("revision"));
          assertEquals(3, p.getLong("chars"));
          assertTrue(p.getLong("lastEdited") > 0);
        }
        assertTrue(listed.add(p.getString("padId")), "listed twice: " + p);
      }
      cursor = page.json().getString("nextCursor");
      assertTrue(++pages < 100, "the listing ends");
    } while (cursor != null);
    assertTrue(listed.containsAll(mine), listed + " lacks some of " + mine);
  }

  @Test
  void membersChatVersionsAndRestore() {
    String pad = newPad();
    created(pad, "v1");
    WsClient member = server.connect(pad);
    member.join(ServerFixture.newClientId());
    JsonArray members = api.get("/pads/" + pad + "/members", null).json().getJsonArray("members");
    assertEquals(1, members.size(), members.encode());
    assertTrue(members.getJsonObject(0).getString("name").startsWith("Test "), members.encode());
    assertTrue(members.getJsonObject(0).getString("color").startsWith("#"), members.encode());
    member.send(new JsonObject().put("type", "chat").put("text", "bonjour <à tous>"));
    member.next("chat");
    JsonArray chat = api.get("/pads/" + pad + "/chat", null).json().getJsonArray("messages");
    assertEquals("bonjour <à tous>", chat.getJsonObject(chat.size() - 1).getString("text"));

    api.put("/pads/" + pad + "/text", ApiV1Calls.WRITE, new JsonObject().put("text", "v2"));
    HttpCalls.Answer saved = api.post("/pads/" + pad + "/versions", ApiV1Calls.WRITE, new JsonObject().put("revision", 1).put("label", "première"));
    assertEquals(201, saved.status(), saved.text());
    assertEquals(1, saved.json().getLong("revision"));
    JsonObject head = api.post("/pads/" + pad + "/versions", ApiV1Calls.WRITE, new JsonObject().put("label", "tête")).json();
    assertEquals(2, head.getLong("revision"));
    assertError(api.post("/pads/" + pad + "/versions", ApiV1Calls.WRITE, new JsonObject().put("label", "trop").put("revision", 0)), 409, "conflict");
    assertError(api.post("/pads/" + pad + "/versions", ApiV1Calls.WRITE, new JsonObject().put("label", "")), 400, "bad-request");
    assertError(api.post("/pads/" + pad + "/versions", ApiV1Calls.WRITE, new JsonObject().put("label", "x").put("revision", 9)),
        400, "bad-revision");
    JsonArray versions = api.get("/pads/" + pad + "/versions", null).json().getJsonArray("versions");
    assertEquals(2, versions.size(), versions.encode());

    JsonObject restored = api.post("/pads/" + pad + "/restore", ApiV1Calls.WRITE, new JsonObject().put("revision", 1)).json();
    assertEquals(3, restored.getLong("revision"));
    assertEquals("v1", api.get("/pads/" + pad + "/text", null).json().getString("text"));
    assertError(api.post("/pads/" + pad + "/restore", ApiV1Calls.WRITE, new JsonObject().put("revision", 99)), 400, "bad-revision");
    assertError(api.post("/pads/" + pad + "/restore", ApiV1Calls.WRITE, new JsonObject()), 400, "bad-revision");
    assertError(api.post("/pads/" + pad + "/restore", ApiV1Calls.READ, new JsonObject().put("revision", 1)), 403, "forbidden");
  }

  @Test
  void aPadItsOwnerLockedRefusesApiEditsWith409() {
    String pad = newPad();
    String token = created(pad, "figé");
    HttpCalls.Answer locked = http.callWith(HttpMethod.PATCH, "/api/pads/" + pad + "/settings", Buffer.buffer("{\"locked\":true}"),
        Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token));
    assertEquals(200, locked.status(), locked.text());
    assertError(api.post("/pads/" + pad + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", "x")), 409, "conflict");
    assertEquals("figé", api.get("/pads/" + pad + "/text", null).json().getString("text"));
  }

  @Test
  void exportsInEveryFormatThroughTheBrowsersRoute() {
    String pad = newPad();
    created(pad, "# Compte rendu\nété");
    for (String format : new String[] {"txt", "md", "html", "pdf", "docx", "odt"}) {
      HttpCalls.Answer a = api.get("/pads/" + pad + "/export/" + format, ApiV1Calls.READ);
      assertEquals(200, a.status(), format);
      assertTrue(a.body().length() > 0, format);
      assertTrue(a.disposition().contains("attachment"), a.disposition());
    }
    assertEquals("# Compte rendu\nété", api.get("/pads/" + pad + "/export/md?rev=1", null).text());
    assertError(api.get("/pads/" + pad + "/export/exe", null), 404, "unknown-format");
    assertError(api.get("/pads/" + pad + "/export/md?rev=99", null), 400, "bad-rev");
    assertError(api.get("/pads/" + newPad() + "/export/md", null), 404, "no-such-pad");
  }

  @Test
  void keysNeverTravelInTheAddressAndUnknownAddressesAnswerJson() {
    String pad = newPad();
    created(pad, "x");
    for (String param : new String[] {"apikey", "api_key", "token", "APIKEY"}) {
      assertError(api.get("/pads/" + pad + "/text?" + param + "=" + ApiV1Calls.READ, null), 400, "key-in-url");
    }
    assertError(api.delete("/pads/" + pad + "?apikey=" + ApiV1Calls.ADMIN, null), 400, "key-in-url");
    assertEquals(200, api.get("/pads/" + pad + "/text", null).status()); // still there
    assertError(api.get("/pads/" + pad + "/text", "not-a-key-0123456789"), 401, "unauthorized");
    assertEquals("Bearer realm=\"ardoise-api\"", api.get("/pads", null).headers().get("WWW-Authenticate"));
    assertError(api.get("/nothing", ApiV1Calls.READ), 404, "not-found");
    assertError(api.call(HttpMethod.PATCH, "/pads/" + pad, ApiV1Calls.ADMIN, new JsonObject()), 404, "not-found");
  }

  @Test
  void aValidKeyPassesTheSameOriginRuleAndNothingElseDoes() {
    Map<String, String> foreign = Map.of("Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site");
    String pad = newPad();
    HttpCalls.Answer withKey = api.call(HttpMethod.POST, "/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "a"), foreign);
    assertEquals(201, withKey.status(), withKey.text());
    assertEquals(200, api.call(HttpMethod.POST, "/pads/" + pad + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", "b"), foreign).status());
    // An owner token is no API key: a page elsewhere cannot use a visitor's owner token.
    String token = created(newPad(), "c");
    assertError(api.call(HttpMethod.DELETE, "/pads/" + pad, token, null, foreign), 403, "cross-site");
    assertError(api.call(HttpMethod.POST, "/pads/" + pad + "/append", "not-a-key-0123456789", new JsonObject().put("text", "c"), foreign),
        403, "cross-site");
    assertEquals("ab", api.get("/pads/" + pad + "/text", null).json().getString("text"));
  }

  @Test
  void requestsAreCountedByKeyNameNeverBySecret() {
    String pad = newPad();
    created(pad, "x");
    api.get("/pads/" + pad + "/text", ApiV1Calls.READ);
    api.get("/pads/" + pad + "/text", null);
    String metrics = server.get("/metrics").text();
    assertTrue(Prometheus.value(metrics, "ardoise_api_requests_total", "key=\"writer\",status=\"201\"") >= 1, metrics);
    assertTrue(Prometheus.value(metrics, "ardoise_api_requests_total", "key=\"reader\",status=\"200\"") >= 1, metrics);
    assertTrue(Prometheus.value(metrics, "ardoise_api_requests_total", "key=\"none\",status=\"200\"") >= 1, metrics);
    assertEquals(1, Prometheus.value(metrics, "ardoise_api_keys", "key=\"archive\",scope=\"admin\""), metrics);
    for (String secret : new String[] {ApiV1Calls.READ, ApiV1Calls.WRITE, ApiV1Calls.ADMIN}) assertFalse(metrics.contains(secret));
  }

  @Test
  void theOpenApiFileIsServed() {
    HttpCalls.Answer a = api.get("/openapi.json", null);
    assertEquals(200, a.status());
    assertTrue(a.json().getString("openapi").startsWith("3.1."), a.text());
    assertNull(a.json().getJsonObject("paths").getJsonObject("/api/v1/nothing"));
  }
}
