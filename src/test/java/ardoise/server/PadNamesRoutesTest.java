package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One pad per name whatever the spelling: other spellings are sent on to the canonical name
 * (pages, downloads) or joined under it (sockets); a pad stored under an older exact spelling
 * still opens by that spelling until a pad exists under the canonical name.
 */
class PadNamesRoutesTest {
  private final ServerFixture server = ServerFixture.start(Map.of());
  private final HttpCalls http = new HttpCalls(server.app.port());

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  /** Writes {@code text} as revision 1 straight into the store under {@code padId}, as an older server did. */
  private void storeAs(String padId, String text) {
    TextOperation op = TextOperation.builder().insert(text, "author-old").build();
    server.store.append(padId, 0, List.of(new OpRecord(1, op, "client-old", 1, "author-old", 1_700_000_000_000L))).await();
  }

  private void assertRedirect(String from, String to) {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD)) {
      ServerFixture.Response r = server.request(method, from);
      assertEquals(308, r.status(), method + " " + from);
      assertEquals(to, r.header("Location"), method + " " + from);
    }
  }

  @Test
  void otherSpellingsOfAPadsPagesAndDownloadsRedirectToItsCanonicalName() {
    assertRedirect("/p/Bilan-Soir-TW7F", "/p/bilan-soir-tw7f");
    assertRedirect("/p/R%C3%A9union-Tours", "/p/reunion-tours");
    assertRedirect("/p/re%CC%81union-tours/projector", "/p/reunion-tours/projector");
    assertRedirect("/p/R%C3%89UNION-TOURS/export/pdf?rev=3&lang=en&tz=Europe%2FParis", "/p/reunion-tours/export/pdf?rev=3&lang=en&tz=Europe%2FParis");
    assertRedirect("/p/Bilan-Soir/history", "/p/bilan-soir/history");
    assertRedirect("/p/Bilan-Soir/qr.svg", "/p/bilan-soir/qr.svg");
    assertEquals(200, server.get("/p/bilan-soir-tw7f").status());
    assertEquals(200, server.get("/p/%E4%BC%9A%E8%AD%B0").status(), "a name with no capital or accent is canonical already");
  }

  @Test
  void aSocketJoinsTheCanonicalPadAndTheApiAnswersForIt() {
    WsClient upper = server.connect("/ws/Bilan-Soir-TW7F", null);
    upper.join(ServerFixture.newClientId());
    upper.op(0, 1, "Ordre du jour");
    upper.next("ack");
    assertNotNull(server.store.load("bilan-soir-tw7f").await());
    assertNull(server.store.load("Bilan-Soir-TW7F").await(), "nothing stored under the typed spelling");

    WsClient lower = server.connect("/ws/bilan-soir-tw7f", null);
    assertEquals("Ordre du jour", lower.join(ServerFixture.newClientId()).getString("text"));
    assertEquals("Ordre du jour", http.get("/p/bilan-soir-tw7f/export/txt").text());
    assertEquals(new JsonObject().put("name", "bilan-soir-tw7f").put("exists", true), http.get("/api/pads/BILAN-soir-tw7f").json());
  }

  @Test
  void theStatusEndpointNamesThePadATypedNameOpensAndWhetherItWasWritten() {
    HttpCalls.Answer missing = http.get("/api/pads/R%C3%A9union-Lundi");
    assertEquals(200, missing.status());
    assertEquals("no-store", missing.headers().get("Cache-Control"));
    assertEquals(new JsonObject().put("name", "reunion-lundi").put("exists", false), missing.json());
    WsClient opener = server.connect("/ws/reunion-lundi", null);
    opener.join(ServerFixture.newClientId());
    assertEquals(false, http.get("/api/pads/reunion-lundi").json().getBoolean("exists"), "opened is not written");
    opener.op(0, 1, "x");
    opener.next("ack");
    assertEquals(true, http.get("/api/pads/reunion-lundi").json().getBoolean("exists"));
    assertEquals(400, http.get("/api/pads/a.b").status());
    assertEquals("bad-pad-name", http.get("/api/pads/a.b").json().getString("error"));
  }

  @Test
  void aPadStoredUnderAnOlderSpellingOpensByThatSpellingUntilTheCanonicalPadExists() {
    storeAs("Atelier-Été", "Notes d’avant");
    String old = "/p/Atelier-%C3%89t%C3%A9";
    assertEquals(200, server.get(old).status(), "no redirect: the old pad is served");
    assertEquals(new JsonObject().put("name", "Atelier-Été").put("exists", true), http.get("/api/pads/Atelier-%C3%89t%C3%A9").json());
    assertEquals("Notes d’avant", http.get(old + "/export/txt").text());
    WsClient reader = server.connect("/ws/Atelier-%C3%89t%C3%A9", null);
    assertEquals("Notes d’avant", reader.join(ServerFixture.newClientId()).getString("text"));
    HttpCalls.Answer links = http.get("/api/pads/Atelier-%C3%89t%C3%A9/links");
    assertTrue(links.json().getString("edit").endsWith(old), links.text());
  }

  @Test
  void onceTheCanonicalPadIsWrittenEverySpellingReachesIt() {
    storeAs("Atelier-Été", "ancien");
    storeAs("atelier-ete", "nouveau");
    assertRedirect("/p/Atelier-%C3%89t%C3%A9", "/p/atelier-ete");
    WsClient c = server.connect("/ws/Atelier-%C3%89t%C3%A9", null);
    assertEquals("nouveau", c.join(ServerFixture.newClientId()).getString("text"));
  }
}
