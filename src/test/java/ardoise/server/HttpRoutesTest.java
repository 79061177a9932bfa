package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {
  private final ServerFixture server = ServerFixture.start(Map.of("ARDOISE_PUBLIC_URL", "https://pad.example.org"));

  @AfterEach
  void stop() {
    server.close();
  }

  /** The CSP source of the pad page's import map as the server sends it. */
  private String importMapHash() throws Exception {
    String page = server.get("/p/atelier-mardi").text();
    String map = page.replaceAll("(?s).*<script type=\"importmap\">(.*?)</script>.*", "$1");
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(map.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'";
  }

  private void assertSecurityHeaders(ServerFixture.Response r) throws Exception {
    assertEquals("default-src 'self'; script-src 'self' " + importMapHash() + "; style-src 'self'; connect-src 'self' ws: wss:; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'", r.header("Content-Security-Policy"));
    assertEquals("nosniff", r.header("X-Content-Type-Options"));
    assertEquals("no-referrer", r.header("Referrer-Policy"));
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    for (String uri : new String[] {"/", "/p/atelier-mardi", "/p/%E4%BC%9A%E8%AD%B0", "/p/R%C3%A9union", "/p/a%2Fb", "/health", "/nothing-here"}) {
      assertSecurityHeaders(server.get(uri));
    }
    ServerFixture.Response home = server.get("/");
    assertEquals(200, home.status());
    assertTrue(home.header("Content-Type").startsWith("text/html"));
    assertEquals(200, server.get("/p/会議").status());
    assertEquals(308, server.get("/p/Réunion").status());
    assertEquals(404, server.get("/nothing-here").status());
  }

  @Test
  void pagesAnswerHeadWithoutABody() throws Exception {
    for (String uri : new String[] {"/", "/p/atelier-mardi", "/p/%E4%BC%9A%E8%AD%B0/projector"}) {
      ServerFixture.Response head = server.request(io.vertx.core.http.HttpMethod.HEAD, uri);
      assertEquals(200, head.status(), uri);
      assertTrue(head.header("Content-Type").startsWith("text/html"), uri);
      assertEquals(0, head.body().length(), uri);
      assertSecurityHeaders(head);
    }
    assertEquals(400, server.request(io.vertx.core.http.HttpMethod.HEAD, "/p/a%2Fb").status());
  }

  @Test
  void theExportFormatsModuleListsEveryFormatInMenuOrder() {
    ServerFixture.Response module = server.get("/js/export-formats.js");
    assertEquals(200, module.status());
    StringBuilder expected = new StringBuilder();
    for (ardoise.http.export.ExportFormat f : ardoise.http.export.ExportFormat.values()) {
      expected.append(expected.length() == 0 ? "" : ",").append("{\"format\":\"").append(f.extension())
          .append("\",\"label\":\"").append(f.shortLabel()).append("\"}");
    }
    assertTrue(module.text().contains("export const EXPORT_FORMATS = [" + expected + "];"), module.text());
  }

  @Test
  void healthAndSuggestedNames() {
    ServerFixture.Response health = server.get("/health");
    assertEquals(200, health.status());
    assertEquals(new JsonObject().put("status", "ok").put("store", "up").put("heldOps", 0)
        .put("version", ardoise.config.Version.current()), new JsonObject(health.text()));
    String name = new JsonObject(server.get("/api/pads/suggest-name").text()).getString("name");
    assertTrue(name.matches("[a-z]+-[a-z]+-[a-km-np-z2-9]{12}"), name);
  }

  @Test
  void webSocketOriginMustMatchThePublicUrl() throws Exception {
    // Refused sockets over a plain socket: the refusal comes at once after the handshake (see RawWebSocket).
    RawWebSocket.Refusal wrong = RawWebSocket.open(server.app.port(), "/ws/pad", Map.of("Origin", "https://evil.example.com"));
    assertEquals("origin-not-allowed", wrong.errorCode());
    assertEquals(1008, wrong.closeStatus());
    RawWebSocket.Refusal own = RawWebSocket.open(server.app.port(), "/ws/pad", RawWebSocket.ownOrigin(server.app.port()));
    assertEquals("origin-not-allowed", own.errorCode(), "the server's own address is not its public URL");
    assertEquals(1008, own.closeStatus());
    WsClient right = server.connect("/ws/pad", "https://pad.example.org");
    assertEquals(0L, right.join(ServerFixture.newClientId()).getLong("rev"));
  }

  @Test
  void plainGetOnTheSocketAddressIsABadRequest() {
    assertEquals(400, server.get("/ws/pad").status());
  }
}
