package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Probing for pads is bounded per client address (ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE, 60 by
 * default): a prober gets 429 too-many-misses after its budget, while a room of 30 people behind
 * the same address, working on pads that exist and creating new ones by their address, is never refused.
 */
class UnknownPadProbingTest {
  private static final int BUDGET = 60;
  private static final int PEOPLE = 30;
  private ServerFixture server = ServerFixture.start(Map.of());
  private HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  /**
   * The answer to a miss once the budget is spent: 429. The budget refills a miss a second, so a
   * request after a pause of the machine may spend the refill first: at most a few tries.
   */
  private static HttpCalls.Answer refused(java.util.function.Supplier<HttpCalls.Answer> miss) {
    HttpCalls.Answer answer = null;
    for (int i = 0; i < 5; i++) {
      answer = miss.get();
      if (answer.status() == 429) return answer;
    }
    throw new AssertionError("never refused: " + answer.status() + " " + answer.body());
  }

  /** A pad with text, and its read-only id. */
  private String written(String pad) {
    WsClient writer = server.connect(pad);
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "Ordre du jour").next("ack");
    writer.close();
    String readOnly = new JsonObject(server.get("/api/pads/" + pad + "/links").text()).getString("readOnly");
    return readOnly.substring(readOnly.lastIndexOf('/') + 1);
  }

  /** What one person of the room does on an existing pad: every read the pages make. */
  private List<Integer> work(String pad, String readOnlyId) {
    List<Integer> statuses = new ArrayList<>();
    for (String uri : List.of("/p/" + pad, "/api/pads/" + pad, "/api/pads/" + pad + "/links", "/p/" + pad + "/qr.svg",
        "/p/" + pad + "/projector", "/p/" + pad + "/export/md", "/p/" + pad + "/history", "/api/pads/" + pad + "/history",
        "/api/pads/" + pad + "/history/1", "/r/" + readOnlyId, "/r/" + readOnlyId + "/qr.svg")) {
      statuses.add(server.get(uri).status());
    }
    return statuses;
  }

  @Test
  void aProberGets429AfterItsBudgetWhileARoomOnTheSameAddressIsNeverRefused() {
    String[] pads = {"atelier-a", "atelier-b", "atelier-c"};
    String[] ids = new String[pads.length];
    for (int i = 0; i < pads.length; i++) ids[i] = written(pads[i]);

    // The prober, on the room's address, spends the budget on names nobody wrote in. The budget
    // refills at one miss a second, so a slow machine may let a few more through: bounded by the time.
    long start = System.nanoTime();
    int allowed = 0;
    ServerFixture.Response json;
    while ((json = server.get("/api/pads/devine-" + allowed + "/links")).status() == 200) {
      assertTrue(++allowed < BUDGET * 10, "probing is not bounded");
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    assertTrue(allowed >= BUDGET && allowed <= BUDGET + seconds + 1, allowed + " misses in " + seconds + " s");
    assertEquals(429, json.status(), json.text());
    assertEquals("too-many-misses", new JsonObject(json.text()).getString("error"));
    long retryAfter = Long.parseLong(json.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    HttpCalls.Answer page = refused(() -> http.callWith(HttpMethod.GET, "/p/devine-y/export/pdf", null, Map.of("Accept-Language", "fr-FR")));
    assertTrue(page.body().toString().contains("Trop de pads introuvables"), page.body().toString());
    assertEquals("text/html; charset=utf-8", page.contentType());
    refused(() -> http.get("/r/BBBBBBBBBBBBBBBBBBBBBB")); // unknown read-only ids are misses too
    refused(() -> http.get("/p/devine-z/qr.svg"));
    refused(() -> http.get("/api/pads/devine-z"));
    String code;
    int tries = 0;
    do {
      code = server.refusedSocket("/ws/r/BBBBBBBBBBBBBBBBBBBBBB").errorCode();
    } while (!code.equals("rate-limited") && ++tries < 5);
    assertEquals("rate-limited", code, "a read-only socket with an unknown id is a miss");

    // The room, on the same address, after the prober: 30 people on the existing pads, nothing refused.
    for (int person = 0; person < PEOPLE; person++) {
      String pad = pads[person % pads.length];
      List<Integer> statuses = work(pad, ids[person % pads.length]);
      assertTrue(statuses.stream().allMatch(s -> s == 200), "person " + person + " on " + pad + ": " + statuses);
      WsClient member = server.connect(pad);
      assertEquals(1L, member.join(ServerFixture.newClientId()).getLong("rev"));
      member.close();
    }
    // Creating a pad by opening its address, and writing in it, is never a miss.
    assertEquals(200, server.get("/p/nouveau-pad-de-la-salle").status());
    WsClient creator = server.connect("nouveau-pad-de-la-salle");
    assertEquals(0L, creator.join(ServerFixture.newClientId()).getLong("rev"));
    creator.op(0, 1, "Premier mot").next("ack");
    assertEquals(200, server.get("/api/pads/nouveau-pad-de-la-salle/links").status(), "it exists now: not a miss");
  }

  @Test
  void aForwardedAddressCountsOnlyBehindTrustedProxies() {
    // No trusted proxy: X-Forwarded-For is ignored, a prober cannot buy a fresh budget by writing one.
    int i = 0;
    while (http.callWith(HttpMethod.GET, "/api/pads/essai-" + i, null, Map.of("X-Forwarded-For", "203.0.113." + (i % 250))).status() == 200) {
      assertTrue(++i < BUDGET * 2, "forged addresses bought a fresh budget");
    }
    assertTrue(i >= BUDGET, i + " misses");

    http.close();
    server.close();
    // A budget of 3 refills one miss every 20 s: nothing refills while the test runs.
    server = ServerFixture.start(Map.of("ARDOISE_TRUSTED_PROXY_HOPS", "1", "ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE", "3"));
    http = new HttpCalls(server.app.port());
    // Behind one trusted proxy: the address it appended is the client's; what the client wrote before it is not.
    for (int k = 0; k < 3; k++) {
      assertEquals(200, http.callWith(HttpMethod.GET, "/api/pads/essai-" + k, null,
          Map.of("X-Forwarded-For", "10.9.9." + k + ", 203.0.113.5")).status());
    }
    assertEquals(429, http.callWith(HttpMethod.GET, "/api/pads/essai-x", null, Map.of("X-Forwarded-For", "203.0.113.5")).status());
    assertEquals(200, http.callWith(HttpMethod.GET, "/api/pads/essai-y", null, Map.of("X-Forwarded-For", "203.0.113.6")).status(),
        "another client behind the proxy has its own budget");
  }
}
