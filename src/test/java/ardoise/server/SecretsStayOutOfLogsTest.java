package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.store.redis.RedisLauncher;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session of everything that could put a secret in the log, against the real server and a
 * password-protected redis-server: pad text typed, sent in malformed frames and invalid ops, chatted,
 * imported, exported and stored corrupt; the Redis password in ARDOISE_REDIS_URL; the metrics token,
 * right and wrong; a read-only id in a malformed address; Redis stopping and coming back. Every line
 * logged through java.util.logging (where the server's and Vert.x's loggers write) is read, ours at
 * every level, the access log's too (ARDOISE_ACCESS_LOG=on): none holds one of them, while the log
 * still says where the pads are stored, that Redis went away, and which pad could not be read.
 */
@Tag("redis")
class SecretsStayOutOfLogsTest {
  private static final String TEXT = "Zibelineconfidentielle4f9c";
  private static final String PASSWORD = "mot-de-passe-redis-77e1";
  private static final String TOKEN = "jeton-metrics-0d3b9a51";
  private static final String OPERATOR = "jeton-operateur-5e8c21f7";
  private static final String TAB_SECRET = "secret-d-onglet-5e2a7c";
  private static final String AUTHOR_SECRET = "secret-d-autrice-9b31f0";
  private static final String EDIT_PASSWORD = "mot-de-passe-du-pad-6c0d";

  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx redisVertx = Vertx.vertx();
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level rootLevel;
  private RedisAPI admin;
  private ServerFixture server;

  @BeforeEach
  void protectRedis() {
    admin = RedisAPI.api(Redis.createClient(redisVertx, redis.url()));
    admin.config(List.of("SET", "requirepass", PASSWORD)).await();
    admin = RedisAPI.api(Redis.createClient(redisVertx, "redis://:" + PASSWORD + "@127.0.0.1:" + redis.port()));
  }

  @AfterEach
  void stop() {
    Logger root = Logger.getLogger("");
    root.removeHandler(capture);
    if (rootLevel != null) root.setLevel(rootLevel);
    if (server != null) server.close();
    redisVertx.close().await();
  }

  @Test
  void noLogLineHoldsPadTextPasswordsOrTokens() throws Exception {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    root.setLevel(Level.ALL); // debug lines too: an operator may turn them on
    root.addHandler(capture);
    // The password as a query parameter, one of the URL forms the Redis client reads.
    String url = "redis://127.0.0.1:" + redis.port() + "/0?password=" + PASSWORD;
    server = ServerFixture.startWithItsOwnStore(Map.of("ARDOISE_REDIS_URL", url, "ARDOISE_METRICS_TOKEN", TOKEN,
        "ARDOISE_MAX_MESSAGE_BYTES", "1024", "ARDOISE_OPERATOR_TOKEN", OPERATOR, "ARDOISE_ACCESS_LOG", "on"));

    typeAndSendBadFrames();
    callTheHttpApi();
    String ownerToken = useAnEditPassword();
    String readOnlyId = new JsonObject(server.get("/api/pads/journal/links").text()).getString("readOnly")
        .replaceAll(".*/r/", "");
    assertEquals(400, server.get("/r/" + readOnlyId + "%ZZ").status());
    assertEquals(400, server.get("/p/journal%ZZ" + TEXT).status());
    joinAPadStoredCorrupt();
    typeThroughARedisOutage();
    server.close();
    server = null;

    List<String> lines = records.stream().filter(SecretsStayOutOfLogsTest::shown).map(SecretsStayOutOfLogsTest::line).toList();
    for (String secret : List.of(TEXT, PASSWORD, TOKEN, OPERATOR, readOnlyId, TAB_SECRET, AUTHOR_SECRET, EDIT_PASSWORD, ownerToken)) {
      List<String> leaks = lines.stream().filter(l -> l.contains(secret)).toList();
      assertEquals(List.of(), leaks, "log lines holding " + secret);
    }
    assertTrue(lines.stream().anyMatch(l -> l.contains("redis at redis://127.0.0.1:" + redis.port())),
        "the log says where pads are stored: " + lines);
    assertTrue(lines.stream().anyMatch(l -> l.contains("redis is unreachable: redis://127.0.0.1:" + redis.port())),
        "the log says Redis went away, and which: " + lines);
    assertTrue(lines.stream().anyMatch(l -> l.contains("pad=abime") && l.contains("op record 1")),
        "the log names the pad and the record that could not be read: " + lines);

    // A mistyped URL stops the server at startup with a message printed to the console: no password in it.
    ConfigException typo = assertThrows(ConfigException.class,
        () -> Config.fromValues(Map.of("ARDOISE_REDIS_URL", "redis:/:" + PASSWORD + "@10.0.0.5:6379")));
    assertFalse(typo.getMessage().contains(PASSWORD), typo.getMessage());
  }

  private void typeAndSendBadFrames() {
    WsClient alice = server.connect("journal");
    alice.send(new JsonObject().put("type", "join").put("secret", TAB_SECRET).put("authorSecret", AUTHOR_SECRET).put("name", "Alice"));
    alice.next("joined");
    WsClient impostor = server.connect("journal");
    impostor.send(new JsonObject().put("type", "join").put("secret", TAB_SECRET + "!").put("name", "Mallory")).nextError("bad-client-secret");
    alice.op(0, 1, TEXT).next("ack");
    alice.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":2,\"op\":[" + TEXT + "]}").nextError("bad-json");
    alice.sendRaw(TEXT).nextError("bad-json");
    alice.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":2,\"op\":[999,\"" + TEXT + "\"]}").nextError("bad-op");
    alice.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":2,\"op\":[\"" + TEXT + "\", 0]}").nextError("bad-op");
    alice.sendRaw("{\"type\":\"op\",\"rev\":9,\"seq\":2,\"op\":[\"" + TEXT + "\"]}").nextError("bad-rev");
    alice.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":7,\"op\":[26,\"" + TEXT + "\"]}").nextError("seq-gap");
    alice.sendRaw("{\"type\":\"" + TEXT + "\"}").nextError("bad-message");
    alice.sendRaw("{\"type\":\"profile\",\"name\":\"" + TEXT + "\\u0001\",\"color\":\"#000000\"}").nextError("bad-name");
    alice.sendRaw("{\"type\":\"chat\",\"text\":\"" + TEXT + "\"}").next("chat");
    alice.ws.writeBinaryMessage(Buffer.buffer(TEXT)).await();
    alice.nextError("bad-message");
    alice.sendRaw("{\"type\":\"chat\",\"text\":\"" + TEXT.repeat(50) + "\"}").nextError("message-too-large");
    alice.awaitClosed();
  }

  private void callTheHttpApi() {
    HttpCalls http = new HttpCalls(server.app.port());
    try {
      assertEquals(401, http.callWith(HttpMethod.GET, "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN + "x")).status());
      assertEquals(200, http.callWith(HttpMethod.GET, "/metrics", null, Map.of("Authorization", "Bearer " + TOKEN)).status());
      assertEquals(200, http.importFile("/api/pads/importe/import?name=Imp", Buffer.buffer(TEXT), "text/plain", AUTHOR_SECRET).status());
      assertEquals(415, http.post("/api/pads/importe/import", Buffer.buffer(TEXT), "multipart/form-data").status());
      assertEquals(400, http.post("/api/pads/importe/restore", Buffer.buffer("{\"rev\":" + TEXT), "application/json").status());
      assertEquals(200, http.post("/api/pads/importe/versions", new JsonObject().put("rev", 1).put("label", TEXT)
          .put("authorSecret", AUTHOR_SECRET).put("name", "Imp").put("color", "#112233")).status());
      for (String format : List.of("txt", "md", "html", "pdf", "docx", "odt")) {
        assertEquals(200, http.get("/p/importe/export/" + format).status(), format);
      }
      Map<String, String> operator = Map.of("Authorization", "Bearer " + OPERATOR);
      assertEquals(401, http.callWith(HttpMethod.GET, "/api/admin/pads/importe/export", null,
          Map.of("Authorization", "Bearer " + OPERATOR + "x")).status());
      assertEquals(200, http.callWith(HttpMethod.GET, "/api/admin/pads/importe/export", null, operator).status());
      assertEquals(204, http.callWith(HttpMethod.DELETE, "/api/admin/pads/importe", null, operator).status());
    } finally {
      http.close();
    }
  }

  /** An owner sets an edit password; members give it wrong, right, and too often. Returns the owner token. */
  private String useAnEditPassword() {
    HttpCalls http = new HttpCalls(server.app.port());
    try {
      String token = http.post("/api/pads", new JsonObject().put("name", "verrouille")).json().getString("ownerToken");
      assertEquals(200, http.callWith(HttpMethod.PATCH, "/api/pads/verrouille/settings",
          new JsonObject().put("password", EDIT_PASSWORD).put("locked", true).toBuffer(),
          Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token)).status());
      assertEquals(403, http.callWith(HttpMethod.DELETE, "/api/pads/verrouille", null, Map.of("Authorization", "Bearer " + token + "x")).status());
      WsClient bob = server.connect("verrouille");
      bob.send(new JsonObject().put("type", "join").put("secret", TAB_SECRET + "-bob").put("name", "Bob").put("password", EDIT_PASSWORD + "?"))
          .nextError("wrong-password");
      bob.send(new JsonObject().put("type", "join").put("secret", TAB_SECRET + "-bob").put("name", "Bob").put("password", EDIT_PASSWORD))
          .next("joined");
      WsClient carol = server.connect("verrouille");
      carol.send(new JsonObject().put("type", "join").put("secret", TAB_SECRET + "-carol").put("name", "Carol")).next("joined");
      carol.send(new JsonObject().put("type", "unlock").put("password", EDIT_PASSWORD + "!")).nextError("wrong-password");
      bob.op(0, 1, TEXT).nextError("pad-locked");
      assertEquals(204, http.callWith(HttpMethod.DELETE, "/api/pads/verrouille", null, Map.of("Authorization", "Bearer " + token)).status());
      bob.nextError("pad-deleted");
      carol.nextError("pad-deleted");
      return token;
    } finally {
      http.close();
    }
  }

  /** Redis stops while a member types, and comes back: the log says so, naming Redis without its password. */
  private void typeThroughARedisOutage() throws Exception {
    WsClient chloe = server.connect("journal");
    chloe.join(ServerFixture.newClientId());
    chloe.next("chat"); // the pad's chat history
    redis.stop();
    chloe.op(1, 1, TEXT, TEXT.length());
    ardoise.testing.Eventually.until("the log says Redis is unreachable",
        () -> records.stream().anyMatch(r -> line(r).contains("redis is unreachable")));
    redis.restart();
    RedisAPI open = RedisAPI.api(Redis.createClient(redisVertx, redis.url()));
    open.config(List.of("SET", "requirepass", PASSWORD)).await();
    chloe.next("ack");
  }

  /** A pad whose stored op is not JSON: the join is refused, the log names the pad, not the text. */
  private void joinAPadStoredCorrupt() {
    admin.hset(List.of("ardoise:{abime}:meta", "created", "1")).await();
    admin.xadd(List.of("ardoise:{abime}:log", "1-0", "clientId", "corrupt-0123456789ab", "seq", "1",
        "op", "[" + TEXT + "]", "author", "corrupt-0123456789ab", "time", "1")).await();
    WsClient bruno = server.connect("abime");
    bruno.send(new JsonObject().put("type", "join").put("secret", ServerFixture.newClientId()).put("name", "Bruno"));
    bruno.nextError("store-unavailable");
  }

  /**
   * The lines an operator's log holds: ours at every level (debug included, an operator may turn it
   * on), the libraries' from INFO up (their debug and trace output, e.g. each request's address from
   * Vert.x Web's router, is a diagnostic tool, off unless asked for).
   */
  private static boolean shown(LogRecord r) {
    return String.valueOf(r.getLoggerName()).startsWith("ardoise.") || r.getLevel().intValue() >= Level.INFO.intValue();
  }

  private static String line(LogRecord r) {
    StringWriter out = new StringWriter();
    out.append(r.getLoggerName()).append(' ').append(String.valueOf(r.getLevel())).append(": ")
        .append(new SimpleFormatter().formatMessage(r));
    if (r.getThrown() != null) r.getThrown().printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
