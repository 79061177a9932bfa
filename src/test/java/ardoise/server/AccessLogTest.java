package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ARDOISE_ACCESS_LOG=on: a line per request with method, path, status, size, time and the client
 * (the real one behind a trusted proxy), and without query strings, headers or read-only ids.
 * Off (the default): no line.
 */
class AccessLogTest {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if ("ardoise.access".equals(record.getLoggerName())) lines.add(new LogLines(false).formatMessage(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private ServerFixture server;
  private HttpCalls http;

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
    if (http != null) http.close();
    if (server != null) server.close();
  }

  private void start(Map<String, String> env) {
    Logger.getLogger("").addHandler(capture);
    server = ServerFixture.start(env);
    http = new HttpCalls(server.app.port());
  }

  @Test
  void onALinePerRequestWithoutSecretsOrNames() {
    start(Map.of("ARDOISE_ACCESS_LOG", "on", "ARDOISE_TRUSTED_PROXIES", "127.0.0.1"));
    assertEquals(200, http.callWith(HttpMethod.POST, "/api/pads/atelier/import?name=Cécile", Buffer.buffer("ordre du jour"),
        Map.of("Content-Type", "text/plain", "Ardoise-Author-Secret", "secret-d-autrice-9b31f0", "X-Forwarded-For", "198.51.100.7")).status());
    String readOnly = new JsonObject(server.get("/api/pads/atelier/links").text()).getString("readOnly");
    String id = readOnly.substring(readOnly.lastIndexOf('/') + 1);
    assertEquals(200, server.get("/r/" + id).status());
    assertEquals(404, server.get("/nowhere?token=jeton-1234").status());
    assertEquals(400, server.get("/p/notes%ZZconfidentielles").status());

    Eventually.until("a line per request", () -> lines.size() >= 5);
    assertTrue(lines.get(0).matches("POST /api/pads/atelier/import 200 \\d+ B \\d+ ms client=198\\.51\\.100\\.7"), lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.matches("GET /r/… 200 \\d+ B \\d+ ms client=127\\.0\\.0\\.1")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET /nowhere 404 ")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("GET (malformed) 400 ")), lines.toString());
    for (String secret : List.of("Cécile", "secret-d-autrice", id, "jeton-1234", "ordre du jour", "confidentielles")) {
      assertFalse(lines.stream().anyMatch(l -> l.contains(secret)), secret + " in " + lines);
    }
  }

  @Test
  void offByDefault() {
    start(Map.of());
    assertEquals(404, server.get("/nowhere").status());
    assertEquals(200, server.get("/health/live").status());
    assertEquals(List.of(), lines);
  }
}
