package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.http.share.QrDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a TLS proxy (ARDOISE_TRUSTED_PROXIES), X-Forwarded-Proto/Host/For say what the browser used:
 * links and QR codes start with https://its-host, the same-origin check accepts that origin, limits
 * count the real client. The same headers from a peer that is not a trusted proxy change nothing:
 * the tests send them from 127.0.0.1, listed or not.
 */
class TrustedProxiesTest {
  private static final Map<String, String> FORWARDED = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "pad.example.org");
  private ServerFixture server;
  private HttpCalls http;

  @AfterEach
  void stop() {
    if (http != null) http.close();
    if (server != null) server.close();
  }

  private void start(String trustedProxies) {
    server = ServerFixture.start(Map.of("ARDOISE_TRUSTED_PROXIES", trustedProxies, "ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE", "3"));
    http = new HttpCalls(server.app.port());
  }

  /** Over a plain socket: the refusal comes at once after the handshake (see RawWebSocket). */
  private void assertOriginRefused(Map<String, String> headers) throws Exception {
    RawWebSocket.Refusal refused = RawWebSocket.open(server.app.port(), "/ws/atelier", headers);
    assertEquals("origin-not-allowed", refused.errorCode(), headers.toString());
    assertEquals(1008, refused.closeStatus(), headers.toString());
  }

  private static Map<String, String> with(Map<String, String> base, String... more) {
    Map<String, String> all = new HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) all.put(more[i], more[i + 1]);
    return all;
  }

  private HttpCalls.Answer importAs(String pad, String origin) {
    return http.callWith(HttpMethod.POST, "/api/pads/" + pad + "/import?name=C", Buffer.buffer("ordre du jour"),
        with(FORWARDED, "Content-Type", "text/plain", "Ardoise-Author-Secret", "proxy-0123456789abcdef", "Origin", origin));
  }

  private HttpCalls.Answer miss(int k, String forwardedFor) {
    return http.callWith(HttpMethod.GET, "/api/pads/absent-" + k, null, Map.of("X-Forwarded-For", forwardedFor));
  }

  @Test
  void behindATrustedProxyLinksOriginAndClientAreTheBrowsers() throws Exception {
    start("10.0.0.0/8, 127.0.0.1, ::1");
    JsonObject links = http.callWith(HttpMethod.GET, "/api/pads/atelier/links", null, FORWARDED).json();
    assertEquals("https://pad.example.org/p/atelier", links.getString("edit"));
    assertEquals("https://pad.example.org/p/atelier/qr.svg", links.getString("qr"));
    assertEquals("https://pad.example.org/p/atelier/projector", links.getString("projector"));
    assertEquals("https://pad.example.org/p/atelier",
        QrDecoder.decode(http.callWith(HttpMethod.GET, "/p/atelier/qr.svg", null, FORWARDED).text()), "what a phone scans");
    JsonObject created = http.callWith(HttpMethod.POST, "/api/pads", Buffer.buffer("{\"name\":\"neuf\"}"),
        with(FORWARDED, "Content-Type", "application/json")).json();
    assertEquals("https://pad.example.org/p/neuf", created.getString("editUrl"));

    assertEquals(200, importAs("atelier", "https://pad.example.org").status(), "the forwarded origin is ours");
    assertEquals(200, importAs("neuf", "https://pad.example.org").status());
    JsonObject rotated = http.callWith(HttpMethod.POST, "/api/pads/neuf/read-only-link", null,
        with(FORWARDED, "Authorization", "Bearer " + created.getString("ownerToken"))).json();
    assertTrue(rotated.getString("readOnlyUrl").startsWith("https://pad.example.org/r/"), rotated.encode());
    assertEquals(403, importAs("atelier", "https://evil.example.com").status());
    assertEquals("ordre du jour", server.connectWith("/ws/atelier", with(FORWARDED, "Origin", "https://pad.example.org"))
        .join(ServerFixture.newClientId()).getString("text"));
    assertOriginRefused(with(FORWARDED, "Origin", "https://evil.example.com"));

    // The client is the right-most address no trusted proxy holds; what it wrote itself (left) is not read.
    for (int k = 0; k < 3; k++) assertEquals(200, miss(k, "203.0.113." + k + ", 198.51.100.7, 10.1.2.3").status());
    assertEquals(429, miss(3, "198.51.100.7").status());
    assertEquals(200, miss(4, "198.51.100.8").status(), "another client behind the proxy has its own budget");
  }

  @Test
  void fromAnUntrustedPeerForwardedHeadersChangeNothing() throws Exception {
    start("10.0.0.0/8"); // the proxies' network; the test's 127.0.0.1 is not in it
    String self = "http://127.0.0.1:" + server.app.port();
    assertEquals(200, importAs("atelier", self).status(), "the Host is our origin"); // written: no miss below
    JsonObject links = http.callWith(HttpMethod.GET, "/api/pads/atelier/links", null, FORWARDED).json();
    assertEquals(self + "/p/atelier", links.getString("edit"));
    assertEquals(self + "/p/atelier", QrDecoder.decode(http.callWith(HttpMethod.GET, "/p/atelier/qr.svg", null, FORWARDED).text()));
    JsonObject created = http.callWith(HttpMethod.POST, "/api/pads", Buffer.buffer("{\"name\":\"neuf\"}"),
        with(FORWARDED, "Content-Type", "application/json")).json();
    assertEquals(self + "/p/neuf", created.getString("editUrl"));

    assertEquals(403, importAs("atelier", "https://pad.example.org").status(), "a forged X-Forwarded-Host names no origin of ours");
    assertOriginRefused(with(FORWARDED, "Origin", "https://pad.example.org"));
    assertEquals("ordre du jour", server.connectWith("/ws/atelier", with(FORWARDED, "Origin", self)).join(ServerFixture.newClientId()).getString("text"));

    int k = 0;
    while (miss(k, "203.0.113." + k).status() == 200) assertTrue(++k < 10, "forged addresses bought a fresh budget");
    assertEquals(3, k, "the connection's address spent its budget of 3");
  }
}
