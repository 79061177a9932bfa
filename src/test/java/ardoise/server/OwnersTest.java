package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Owners without accounts: a pad created through the API, or claimed once, has an owner token. */
class OwnersTest {
  private ServerFixture server;
  private HttpCalls http;

  @BeforeEach
  void start() {
    server = ServerFixture.start(Map.of());
    http = new HttpCalls(server.app.port());
  }

  @AfterEach
  void stop() {
    http.close();
    server.close();
  }

  private HttpCalls.Answer create(String body) {
    return http.post("/api/pads", Buffer.buffer(body), "application/json");
  }

  private JsonObject owner(String pad, String token) {
    Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    HttpCalls.Answer answer = http.callWith(HttpMethod.GET, "/api/pads/" + pad + "/owner", null, headers);
    assertEquals(200, answer.status(), answer.text());
    return answer.json();
  }

  @Test
  void aPadCreatedThroughTheApiHasAnOwnerTokenThatOnlyItsHolderPresents() {
    HttpCalls.Answer created = create("{}");
    assertEquals(201, created.status(), created.text());
    String pad = created.json().getString("padId");
    String token = created.json().getString("ownerToken");
    assertTrue(token.matches("[A-Za-z0-9_-]{22}"), "128 random bits: " + token);
    assertTrue(created.json().getString("editUrl").endsWith("/p/" + pad), created.text());
    assertEquals("no-store", created.headers().get("Cache-Control"));

    assertEquals(new JsonObject().put("owned", true).put("owner", true), owner(pad, token));
    assertEquals(new JsonObject().put("owned", true).put("owner", false), owner(pad, null));
    assertEquals(new JsonObject().put("owned", true).put("owner", false), owner(pad, token.substring(1) + "A"));
    assertEquals(409, http.post("/api/pads/" + pad + "/claim", Buffer.buffer(""), "application/json").status(),
        "a created pad cannot be claimed by someone else");

    HttpCalls.Answer again = create("{}");
    assertNotEquals(pad, again.json().getString("padId"), "each creation suggests a fresh name");
    assertNotEquals(token, again.json().getString("ownerToken"));
  }

  @Test
  void aChosenNameIsCreatedOnceAndAWrittenPadIsNotTakenOver() {
    HttpCalls.Answer created = create("{\"name\":\"Réunion-du-Lundi\"}");
    assertEquals(201, created.status(), created.text());
    assertEquals("reunion-du-lundi", created.json().getString("padId"), "the pad the name opens, as /p/Réunion-du-Lundi would");
    HttpCalls.Answer twice = create("{\"name\":\"reunion-du-lundi\"}");
    assertEquals(409, twice.status());
    assertEquals("pad-exists", twice.json().getString("error"));

    WsClient writer = server.connect("deja-ecrit");
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "texte").next("ack");
    assertEquals(409, create("{\"name\":\"deja-ecrit\"}").status(), "a written pad is not created again");

    assertEquals(400, create("{\"name\":\"a/b\"}").status());
    assertEquals("bad-pad-name", create("{\"name\":42}").json().getString("error"));
    assertEquals(400, create("[1]").status());
    assertEquals(415, http.post("/api/pads", Buffer.buffer("name=x"), "application/x-www-form-urlencoded").status());
    assertEquals(403, http.callWith(HttpMethod.POST, "/api/pads", Buffer.buffer("{}"),
        Map.of("Content-Type", "application/json", "Origin", "https://evil.example.com")).status(), "another site cannot create");
  }

  @Test
  void aPadNobodyOwnsIsClaimedOnceByTheFirstWhoAsks() {
    WsClient writer = server.connect("a-reclamer");
    writer.join(ServerFixture.newClientId());
    writer.op(0, 1, "compte rendu").next("ack");
    assertEquals(new JsonObject().put("owned", false).put("owner", false), owner("a-reclamer", null));

    HttpCalls.Answer first = http.post("/api/pads/a-reclamer/claim", Buffer.buffer(""), "application/json");
    assertEquals(201, first.status(), first.text());
    String token = first.json().getString("ownerToken");
    HttpCalls.Answer second = http.post("/api/pads/a-reclamer/claim", Buffer.buffer(""), "application/json");
    assertEquals(409, second.status());
    assertEquals("already-owned", second.json().getString("error"));
    assertFalse(second.text().contains(token));
    assertEquals(new JsonObject().put("owned", true).put("owner", true), owner("a-reclamer", token));
  }
}
