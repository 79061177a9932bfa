package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session of /api/v1 calls that carry secrets and pad text, right and wrong, with the access log
 * on and every logger at every level: keys as bearers and in the address, a wrong key, an owner
 * token, text created, appended and replaced, and a store that stops answering mid-session. No log
 * line holds a key, a token or the text, while the access log does show the API requests.
 */
@Tag("redis")
class ApiSecretsStayOutOfLogsTest {
  private static final String TEXT = "Texteconfidentiel7d1e";
  private static final String WRONG = "cle-fausse-0123456789abc";
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override public void publish(LogRecord record) { records.add(record); }
    @Override public void flush() {}
    @Override public void close() {}
  };
  private Level rootLevel;

  @AfterEach
  void stop() {
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    if (rootLevel != null) root.setLevel(rootLevel);
    storeVertx.close().await();
  }

  @Test
  void noLogLineHoldsAKeyATokenOrPadText() throws Exception {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    RedisPadStore store = RedisPadStore.create(storeVertx, redis.url());
    String ownerToken;
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_API_KEYS", ApiV1Calls.KEYS, "ARDOISE_ACCESS_LOG", "on"), store);
        HttpCalls http = new HttpCalls(server.app.port())) {
      ApiV1Calls api = new ApiV1Calls(http);
      HttpCalls.Answer created = api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", "journal").put("text", TEXT));
      ownerToken = created.json().getString("ownerToken");
      api.post("/pads/journal/append", ApiV1Calls.WRITE, new JsonObject().put("text", TEXT).put("authorName", TEXT));
      api.put("/pads/journal/text", ApiV1Calls.WRITE, new JsonObject().put("text", TEXT + TEXT));
      api.get("/pads/journal/text?apikey=" + ApiV1Calls.ADMIN, null);
      api.get("/pads/journal/text", WRONG);
      api.put("/pads/journal/text", WRONG, new JsonObject().put("text", TEXT));
      api.post("/pads/journal/versions", ApiV1Calls.WRITE, new JsonObject().put("label", TEXT));
      api.get("/pads?limit=5", ApiV1Calls.ADMIN);
      assertEquals(200, api.get("/pads/journal/export/md", ApiV1Calls.READ).status());
      api.delete("/pads/journal", WRONG);
      assertEquals(204, api.delete("/pads/journal", ownerToken).status());
      api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", "second").put("text", TEXT));
      redis.kill();
      api.get("/pads/second/text", ApiV1Calls.READ);
      api.post("/pads/second/append", ApiV1Calls.WRITE, new JsonObject().put("text", TEXT));
      api.call(HttpMethod.POST, "/pads", ApiV1Calls.ADMIN, new JsonObject().put("padId", TEXT).put("text", TEXT));
    } finally {
      store.close().await();
    }

    List<String> lines = records.stream()
        .filter(r -> String.valueOf(r.getLoggerName()).startsWith("ardoise.") || r.getLevel().intValue() >= Level.INFO.intValue())
        .map(ApiSecretsStayOutOfLogsTest::line).toList();
    for (String secret : List.of(TEXT, ApiV1Calls.READ, ApiV1Calls.WRITE, ApiV1Calls.ADMIN, WRONG, ownerToken)) {
      assertEquals(List.of(), lines.stream().filter(l -> l.contains(secret)).toList(), "log lines holding " + secret);
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("POST /api/v1/pads/journal/append 200")), "the access log shows API calls: " + lines);
    // An export through the API is taken by the browser's route: still one request, one line.
    assertEquals(1, lines.stream().filter(l -> l.contains("/journal/export/md")).count(), lines.toString());
  }

  private static String line(LogRecord r) {
    StringWriter out = new StringWriter();
    out.append(r.getLoggerName()).append(' ').append(String.valueOf(r.getLevel())).append(": ")
        .append(new SimpleFormatter().formatMessage(r));
    if (r.getThrown() != null) r.getThrown().printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
