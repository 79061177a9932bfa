package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The operator's switches for /metrics: off, behind a token, or on a port of its own. */
class MetricsSwitchesTest {
  private static final String TOKEN = "metrics-token-0123456789";
  private ServerFixture server;
  private HttpCalls http;

  @AfterEach
  void stop() {
    if (http != null) http.close();
    if (server != null) server.close();
  }

  private int status(String uri, Map<String, String> headers) {
    return http.callWith(HttpMethod.GET, uri, null, headers).status();
  }

  @Test
  void aTokenKeepsMetricsToThoseWhoHoldIt() {
    server = ServerFixture.start(Map.of("ARDOISE_METRICS_TOKEN", TOKEN));
    http = new HttpCalls(server.app.port());
    assertEquals(401, status("/metrics", Map.of()));
    assertEquals(401, status("/metrics", Map.of("Authorization", "Bearer metrics-token-0123456788")));
    HttpCalls.Answer ok = http.callWith(HttpMethod.GET, "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN));
    assertEquals(200, ok.status());
    assertTrue(ok.text().contains("ardoise_"), "the Prometheus text");
  }

  @Test
  void metricsCanBeTurnedOff() {
    server = ServerFixture.start(Map.of("ARDOISE_METRICS_PORT", "-1"));
    http = new HttpCalls(server.app.port());
    assertEquals(404, status("/metrics", Map.of()));
    assertEquals(200, status("/health", Map.of()));
  }

  @Test
  void metricsCanLiveOnAPortOfTheirOwn() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = ServerFixture.start(Map.of("ARDOISE_METRICS_PORT", Integer.toString(port)));
    http = new HttpCalls(server.app.port());
    assertEquals(404, status("/metrics", Map.of()), "not on the public port");
    try (HttpCalls monitoring = new HttpCalls(port)) {
      HttpCalls.Answer ok = monitoring.get("/metrics");
      assertEquals(200, ok.status());
      assertTrue(ok.text().contains("ardoise_"));
      assertEquals(404, monitoring.get("/p/pad").status(), "only metrics there");
    }
  }

  @Test
  void aShortTokenIsRefusedAtStartup() {
    ConfigException e = assertThrows(ConfigException.class, () -> Config.fromValues(Map.of("ARDOISE_METRICS_TOKEN", "short")));
    assertTrue(e.getMessage().contains("ARDOISE_METRICS_TOKEN"), e.getMessage());
    assertTrue(!e.getMessage().contains("short"), "the secret is not echoed");
  }
}
