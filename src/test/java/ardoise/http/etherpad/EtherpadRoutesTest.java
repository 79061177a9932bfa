package ardoise.http.etherpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.server.ServerFixture;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Etherpad routes' own rules against a running server, in raw HTTP: GET /api, the version
 * table (code 3), the key (code 4) wherever Etherpad clients put it, and the same-origin rule.
 */
class EtherpadRoutesTest {
  static final String READER = "reader-secret-0123456789";
  static final String WRITER = "writer-secret-0123456789";
  static final String ADMIN = "admin-secret-01234567890";
  static ServerFixture server;
  static EtherpadRawCalls calls;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(Map.of("ARDOISE_MAX_PAD_CHARS", "1000", "ARDOISE_API_KEYS",
        "bot:read:" + READER + ",moodle:write:" + WRITER + ",archive:admin:" + ADMIN));
    calls = new EtherpadRawCalls(server.app.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void apiNamesTheCurrentVersionAsEtherpadDoes() {
    EtherpadRawCalls.Answer a = calls.get("/api", Map.of());
    assertEquals(200, a.status());
    assertEquals("{\"currentVersion\":\"1.3.0\"}", a.body().encode());
  }

  @Test
  void aFunctionExistsFromTheVersionThatIntroducedIt() {
    for (String version : EtherpadVersions.ALL) {
      EtherpadRawCalls.Answer a = calls.get("/api/" + version + "/checkToken", Map.of("apikey", READER));
      boolean offered = !version.equals("1") && !version.equals("1.1");
      assertEquals(offered ? 0 : 3, a.code(), version);
      assertEquals(offered ? 200 : 404, a.status(), version);
      assertEquals(offered ? "ok" : "no such function", a.message(), version);
    }
    // appendText arrived in 1.2.13: a 1.2.12 client does not see it, even with a good key.
    assertEquals(3, calls.post("/api/1.2.12/appendText", Map.of("apikey", WRITER, "padID", "x", "text", "y")).code());
    assertEquals(4, calls.post("/api/1.2.13/appendText", Map.of("padID", "x", "text", "y")).code());
  }

  @Test
  void unknownVersionsAndFunctionsAreCodeThree() {
    EtherpadRawCalls.Answer version = calls.get("/api/1.2.5/checkToken", Map.of("apikey", READER));
    assertEquals(404, version.status());
    assertEquals(3, version.code());
    assertEquals("no such api version", version.message());
    assertNull(version.body().getValue("data"));
    assertEquals("no such function", calls.get("/api/1.3.0/makeCoffee", Map.of("apikey", READER)).message());
    assertEquals("no such function", calls.get("/api/1.3.0/setPassword", Map.of("apikey", READER)).message());
  }

  @Test
  void groupsSessionsAndAuthorsAnswerCodeThreeWithTheReason() {
    for (String f : java.util.List.of("createGroup", "createSession", "createAuthor", "getPadID")) {
      EtherpadRawCalls.Answer a = calls.get("/api/1.3.0/" + f, Map.of("apikey", ADMIN));
      assertEquals(3, a.code(), f);
      assertTrue(a.message().startsWith(f + " is not available: "), a.message());
      assertEquals(NotMapped.reason(f), a.message().substring((f + " is not available: ").length()));
    }
    assertTrue(calls.get("/api/1/createGroup", Map.of("apikey", ADMIN)).message().contains("no groups"));
  }

  @Test
  void withoutAValidKeyEveryFunctionIsCodeFour() {
    for (Map<String, String> q : java.util.List.<Map<String, String>>of(Map.of(), Map.of("apikey", ""),
        Map.of("apikey", "wrong-secret-0123456789"), Map.of("apikey", READER + "x"))) {
      EtherpadRawCalls.Answer a = calls.get("/api/1.2/checkToken", q);
      assertEquals(401, a.status());
      assertEquals(4, a.code());
      assertEquals("no or wrong API Key", a.message());
      assertNull(a.body().getValue("data"));
    }
  }

  @Test
  void theKeyComesInTheQueryTheFormOrTheBearerHeader() {
    assertEquals(0, calls.get("/api/1.2/checkToken", Map.of("apikey", READER)).code());
    assertEquals(0, calls.get("/api/1.2/checkToken", Map.of("api_key", READER)).code());
    assertEquals(0, calls.post("/api/1.2/checkToken", Map.of("apikey", WRITER)).code());
    assertEquals(0, calls.post("/api/1.2/checkToken", Map.of(), "Authorization", "Bearer " + ADMIN).code());
    // A body field wins over the query parameter of the same name (Etherpad's rule).
    assertEquals(0, calls.post("/api/1.2/checkToken?apikey=wrong-secret-0123456789", Map.of("apikey", ADMIN)).code());
    assertEquals(4, calls.post("/api/1.2/checkToken?apikey=" + ADMIN, Map.of("apikey", "wrong-secret-0123456789")).code());
    EtherpadRawCalls.Answer json = calls.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app.port() + "/api/1.2/checkToken"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"apikey\":\"" + READER + "\"}")));
    assertEquals(0, json.code());
  }

  @Test
  void aPageOnAnotherSiteWithAValidKeyIsAProgramNotRefused() {
    EtherpadRawCalls.Answer a = calls.post("/api/1.2/checkToken", Map.of("apikey", WRITER),
        "Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site");
    assertEquals(200, a.status());
    assertEquals(0, a.code());
    EtherpadRawCalls.Answer without = calls.post("/api/1.2/checkToken", Map.of(),
        "Origin", "https://elsewhere.example", "Sec-Fetch-Site", "cross-site");
    assertEquals(4, without.code());
  }

  @Test
  void aBodyThatIsNotJsonIsCodeOne() {
    EtherpadRawCalls.Answer a = calls.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.app.port() + "/api/1.2/checkToken"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{nope")));
    assertEquals(1, a.code());
    assertEquals(200, a.status());
  }

  @Test
  void wrongParametersAreCodeOneWithEtherpadsWording() {
    assertEquals(0, calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "parametres", "text", "un")).code());
    Map<Map<String, String>, String> cases = Map.of(
        Map.of(), "padID is required",
        Map.of("padID", "parametres", "rev", "abc"), "rev is not a number",
        Map.of("padID", "parametres", "rev", "-2"), "rev is not a positive number",
        Map.of("padID", "parametres", "rev", "1.5"), "rev is a float value",
        Map.of("padID", "parametres", "rev", "7"), "rev is higher than the head revision of the pad",
        Map.of("padID", "jamais-ecrit"), "padID does not exist");
    cases.forEach((query, message) -> {
      Map<String, String> q = new java.util.HashMap<>(query);
      q.put("apikey", READER);
      EtherpadRawCalls.Answer a = calls.get("/api/1.3.0/getText", q);
      assertEquals(200, a.status(), message);
      assertEquals(1, a.code(), message);
      assertEquals(message, a.message());
      assertNull(a.body().getValue("data"));
    });
    assertEquals("un\n", calls.get("/api/1.3.0/getText", Map.of("apikey", READER, "padID", "parametres", "rev", "1.0")).data().getString("text"));
    assertEquals("text is no string", calls.post("/api/1.3.0/setText", Map.of("apikey", WRITER, "padID", "parametres")).message());
    assertEquals("rev is required", calls.post("/api/1.3.0/restoreRevision", Map.of("apikey", WRITER, "padID", "parametres")).message());
    EtherpadRawCalls.Answer badName = calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "a/b"));
    assertEquals(1, badName.code());
    assertEquals("padID does already exist", calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "parametres")).message());
  }

  @Test
  void textPastThePadLimitIsRefused() {
    assertEquals(0, calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "limite")).code());
    EtherpadRawCalls.Answer tooLong = calls.post("/api/1.3.0/setText", Map.of("apikey", WRITER, "padID", "limite", "text", "é".repeat(1001)));
    assertEquals(1, tooLong.code());
    assertEquals("text too long", tooLong.message());
    // A body past what any pad could hold is not even read.
    EtherpadRawCalls.Answer huge = calls.post("/api/1.3.0/setText", Map.of("apikey", WRITER, "padID", "limite", "text", "x".repeat(80_000)));
    assertEquals(413, huge.status());
    assertEquals(1, huge.code());
  }

  @Test
  void eachFunctionNeedsItsScope() {
    assertEquals(0, calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "portees", "text", "x")).code());
    EtherpadRawCalls.Answer readerWrites = calls.post("/api/1.3.0/setText", Map.of("apikey", READER, "padID", "portees", "text", "y"));
    assertEquals(401, readerWrites.status());
    assertEquals(4, readerWrites.code());
    assertEquals("this API key may not call setText (it needs a write key)", readerWrites.message());
    assertEquals(4, calls.post("/api/1.3.0/deletePad", Map.of("apikey", WRITER, "padID", "portees")).code());
    assertEquals(4, calls.get("/api/1.3.0/listAllPads", Map.of("apikey", WRITER)).code());
    assertEquals("x\n", calls.get("/api/1.3.0/getText", Map.of("apikey", READER, "padID", "portees")).data().getString("text"));
    assertEquals(0, calls.post("/api/1.3.0/deletePad", Map.of("apikey", ADMIN, "padID", "portees")).code());
  }

  @Test
  void authorIdNamesTheAuthorFromVersionOneThreeOnly() {
    assertEquals(0, calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "auteurs", "text", "x")).code());
    ardoise.server.WsClient bob = server.connect("auteurs");
    bob.join("bob-" + ServerFixture.newClientId());
    assertEquals(0, calls.post("/api/1.3.0/appendText", Map.of("apikey", WRITER, "padID", "auteurs", "text", "1", "authorId", "Alice")).code());
    assertEquals(ardoise.http.api.Author.of("moodle", "Alice").authorId(), bob.next("op").getString("authorId"));
    assertEquals(0, calls.post("/api/1.2.13/appendText", Map.of("apikey", WRITER, "padID", "auteurs", "text", "2", "authorId", "Alice")).code());
    assertEquals(ardoise.http.api.Author.of("moodle", null).authorId(), bob.next("op").getString("authorId"));
  }

  @Test
  void aSpentWriteQuotaIsCodeOneWith429AndRetryAfter() {
    try (ServerFixture small = ServerFixture.start(Map.of("ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "2",
        "ARDOISE_API_KEYS", "moodle:write:" + WRITER))) {
      EtherpadRawCalls quota = new EtherpadRawCalls(small.app.port());
      assertEquals(0, quota.post("/api/1.2.13/createPad", Map.of("apikey", WRITER, "padID", "quota-1", "text", "a")).code());
      assertEquals(0, quota.post("/api/1.2.13/createPad", Map.of("apikey", WRITER, "padID", "quota-2", "text", "b")).code());
      EtherpadRawCalls.Answer refused = quota.post("/api/1.2.13/createPad", Map.of("apikey", WRITER, "padID", "quota-3", "text", "c"));
      assertEquals(429, refused.status());
      assertEquals(1, refused.code());
      assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) > 0);
      assertEquals("padID does not exist", quota.get("/api/1.2.13/getText", Map.of("apikey", WRITER, "padID", "quota-3")).message());
    }
  }

  @Test
  void metricsCountCallsByKeyNameAndCodeNeverBySecret() {
    assertEquals(0, calls.get("/api/1.2/checkToken", Map.of("apikey", READER)).code());
    assertEquals(4, calls.get("/api/1.2/checkToken", Map.of("apikey", "wrong-secret-0123456789")).code());
    String metrics = server.get("/metrics").text();
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ardoise_etherpad_requests_total{code=\"0\",key=\"bot\"}")), metrics);
    assertTrue(metrics.lines().anyMatch(l -> l.startsWith("ardoise_etherpad_requests_total{code=\"4\",key=\"none\"}")), metrics);
    for (String secret : java.util.List.of(READER, WRITER, ADMIN, "wrong-secret")) assertTrue(!metrics.contains(secret), secret);
  }

  @Test
  void setTextReplacesTheWholeTextAsOneBlock() {
    assertEquals(0, calls.post("/api/1.3.0/createPad", Map.of("apikey", WRITER, "padID", "bloc", "text", "Le café est froid")).code());
    ardoise.server.WsClient bob = server.connect("bloc");
    assertEquals(1L, bob.join("bob-" + ServerFixture.newClientId()).getLong("rev"));
    assertEquals(0, calls.post("/api/1.3.0/setText", Map.of("apikey", WRITER, "padID", "bloc", "text", "Le thé est chaud")).code());
    bob.next("op");
    // Bob typed "XYZ" after "Le café est " before he saw the replacement: it lands beside the new
    // text, not inside it (a diff would keep "Le ", " est " and put XYZ between "est " and "chaud").
    bob.op(1, 1, 12, "XYZ", 5).next("ack");
    String text = calls.get("/api/1.3.0/getText", Map.of("apikey", READER, "padID", "bloc")).data().getString("text");
    assertTrue(text.equals("Le thé est chaudXYZ\n") || text.equals("XYZLe thé est chaud\n"), text);
  }

  @Test
  void everyEtherpadFunctionIsEitherMappedOrRefusedWithAReason() {
    java.util.Set<String> mapped = new java.util.TreeSet<>();
    for (String f : EtherpadVersions.SINCE.keySet()) {
      EtherpadRawCalls.Answer a = calls.post("/api/1.3.0/" + f, Map.of("apikey", ADMIN));
      if (NotMapped.reason(f) != null) {
        assertEquals(3, a.code(), f);
        assertEquals(f + " is not available: " + NotMapped.reason(f), a.message());
      } else {
        assertTrue(a.code() == 0 || a.code() == 1, f + ": " + a.body());
        mapped.add(f);
      }
    }
    assertEquals(new java.util.TreeSet<>(java.util.List.of("appendText", "checkToken", "createDiffHTML", "createPad", "deletePad",
        "getHTML", "getLastEdited", "getReadOnlyID", "getRevisionsCount", "getSavedRevisionsCount", "getText", "listAllPads",
        "listSavedRevisions", "padUsers", "padUsersCount", "restoreRevision", "saveRevision", "setText")), mapped);
    assertTrue(EtherpadVersions.SINCE.keySet().containsAll(NotMapped.REASONS.keySet()));
  }
}
