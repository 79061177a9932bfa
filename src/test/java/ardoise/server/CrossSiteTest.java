package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page on another site cannot change a pad: not by posting to the import, restore, versions or
 * template endpoints (Origin or Sec-Fetch-Site gives it away), not with an HTML form (wrong content
 * type, refused before any body is read), not over a WebSocket — with ARDOISE_PUBLIC_URL set or not.
 * Our own pages and programs (no Origin) keep working.
 */
class CrossSiteTest {
  private static final String PERSON = "{\"authorSecret\":\"cross-0123456789abcdef\",\"name\":\"Cécile\",\"color\":\"#0072b2\"}";
  private ServerFixture server;
  private HttpCalls http;

  @AfterEach
  void stop() {
    if (http != null) http.close();
    if (server != null) server.close();
  }

  private void start(Map<String, String> env) {
    server = ServerFixture.start(env);
    http = new HttpCalls(server.app.port());
  }

  private HttpCalls.Answer post(String uri, String body, String contentType, String... headers) {
    Map<String, String> all = new HashMap<>();
    if (contentType != null) all.put("Content-Type", contentType);
    all.put("Ardoise-Author-Secret", "cross-0123456789abcdef");
    for (int i = 0; i < headers.length; i += 2) all.put(headers[i], headers[i + 1]);
    return http.callWith(HttpMethod.POST, uri, Buffer.buffer(body), all);
  }

  private String padText(String pad) {
    long head = http.get("/api/pads/" + pad + "/history").json().getLong("head");
    return http.get("/api/pads/" + pad + "/history/" + head).json().getString("text");
  }

  @Test
  void withoutAPublicUrlTheHostIsOurOrigin() throws Exception {
    start(Map.of());
    String self = "http://127.0.0.1:" + server.app.port();
    String body = "{\"template\":\"minutes\",\"lang\":\"fr\"," + PERSON.substring(1);

    assertEquals(403, post("/api/pads/cible/import", "effacé", "text/plain", "Origin", "https://evil.example.com").status());
    assertEquals("cross-site", post("/api/pads/cible/import", "effacé", "text/plain", "Origin", "null").json().getString("error"));
    assertEquals(403, post("/api/pads/cible/import", "effacé", "text/plain", "Sec-Fetch-Site", "cross-site").status());
    assertEquals(403, post("/api/pads/cible/import", "effacé", "text/plain", "Sec-Fetch-Site", "same-site",
        "Origin", "http://other.127.0.0.1.nip.io").status());
    assertEquals(403, post("/api/pads/cible/from-template", body, "application/json", "Origin", "https://evil.example.com").status());

    assertEquals(200, post("/api/pads/cible/import?name=C", "gardé", "text/plain",
        "Origin", self, "Sec-Fetch-Site", "same-origin").status());
    assertEquals(200, post("/api/pads/autre/import?name=C", "programme", "text/plain").status(),
        "a program (no Origin) may import");
    assertEquals("gardé", padText("cible"));

    // Refused sockets over a plain socket: the refusal comes at once after the handshake (see RawWebSocket).
    for (String origin : List.of("https://evil.example.com", "null")) {
      RawWebSocket.Refusal refused = RawWebSocket.open(server.app.port(), "/ws/cible", Map.of("Origin", origin));
      assertEquals("origin-not-allowed", refused.errorCode(), origin);
      assertEquals(1008, refused.closeStatus(), origin);
    }
    assertEquals("gardé", server.connect("/ws/cible", self).join(ServerFixture.newClientId()).getString("text"));
    assertEquals("gardé", server.connectWithoutOrigin("/ws/cible").join(ServerFixture.newClientId()).getString("text"));
  }

  @Test
  void formsAndOtherBodiesAreRefusedBeforeTheyAreRead() {
    start(Map.of("ARDOISE_PUBLIC_URL", "https://pad.example.org"));
    String self = "https://pad.example.org";
    assertEquals(200, post("/api/pads/forme/import?name=C", "le compte rendu", "text/plain",
        "Origin", self).status());

    String multipart = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\"\r\n\r\n\r\n--b--\r\n";
    HttpCalls.Answer upload = post("/api/pads/forme/import?name=C", multipart,
        "multipart/form-data; boundary=b", "Origin", self);
    assertEquals(415, upload.status());
    assertEquals("unsupported-content-type", upload.json().getString("error"));
    HttpCalls.Answer form = post("/api/pads/forme/restore", "rev=0&x=" + "a".repeat(9000), "application/x-www-form-urlencoded",
        "Origin", self);
    assertEquals(415, form.status(), form.text());
    assertEquals(415, post("/api/pads/forme/versions", "{}", "text/plain", "Origin", self).status());
    assertEquals(415, post("/api/pads/forme/import", "sans type", null).status());
    assertEquals("le compte rendu", padText("forme"), "nothing emptied the pad");

    JsonObject restore = new JsonObject(PERSON).put("rev", 0);
    assertEquals(403, post("/api/pads/forme/restore", restore.encode(), "application/json", "Origin", "http://127.0.0.1:" + server.app.port()).status(),
        "with a public URL, only that origin is ours");
    assertEquals(200, post("/api/pads/forme/restore", restore.encode(), "application/json", "Origin", self).status());
  }
}
