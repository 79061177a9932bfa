package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis stops for several seconds while clients type: the server stays up, /health says the store is
 * down, open pads stay readable, no edit is acknowledged; when Redis returns on the same data every
 * held edit is stored in order and acknowledged, none lost or doubled.
 */
@Tag("process")
@Tag("redis")
class RedisOutageTest {
  private static final long SEED = Long.getLong("ot.seed", 20261124L);
  private static final long OUTAGE_MS = 3000;
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private Vertx vertx;
  private ServerProcess server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void editsAreHeldWhileRedisIsDownAndStoredInOrderWhenItReturns() throws Exception {
    vertx = Vertx.vertx();
    String pad = "outage-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "outage");
    Typists typists = new Typists(vertx, "o", 3, SEED);
    typists.connect(server.port(), pad);
    typists.type(20);
    assertEquals(200, server.healthStatus());

    int acksAtOutage;
    Set<String> ackedBefore = new HashSet<>();
    try (AutoCloseable typing = typists.typeInBackground()) {
      redis.stop(); // under writes: some appends may be cut off between commit and reply
      Eventually.until("/health reports the store down", () -> server.healthStatus() == 503);
      assertEquals("down", health().getString("store"));
      // Each client has one op in flight (the rest waits in its buffer): all three end up held.
      Eventually.until("the server holds every in-flight op", () -> health().getLong("heldOps", 0L) == 3);
      acksAtOutage = typists.acks();
      typists.clients.forEach(c -> ackedBefore.addAll(c.acked()));

      Typists late = new Typists(vertx, "late", 1, SEED);
      late.connect(server.port(), pad);
      String read = late.clients.get(0).doc();
      for (String token : ackedBefore) assertTrue(read.contains(token), "a join during the outage reads " + token);
      assertEquals(List.of(), late.clients.get(0).errors());
      late.drop();

      Thread.sleep(OUTAGE_MS); // the outage lasts a while; typing goes on
      assertEquals(acksAtOutage, typists.acks(), "no ack while Redis is down");
      assertEquals(503, server.healthStatus());
      redis.restart();
      Thread.sleep(200); // typing goes on for a while after Redis is back
    }
    typists.awaitSettled();
    Eventually.until("/health reports the store up", () -> server.healthStatus() == 200);

    System.out.printf("outage: %d acks before, %d tokens typed, %d revisions%n", acksAtOutage,
        typists.clients.stream().mapToInt(c -> c.typed().size()).sum(), typists.clients.get(0).rev());
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
    String log = server.logText();
    assertEquals(1, count(log, "redis is unreachable"), "one log line when redis goes:\n" + log);
    assertEquals(1, count(log, "redis is back"), "one log line when redis returns:\n" + log);
  }

  @Test
  void aHungRedisIsReportedDownAndHeldEditsAreStoredWhenItWakes() throws Exception {
    vertx = Vertx.vertx();
    String pad = "hung-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "hung");
    Typists typists = new Typists(vertx, "h", 2, SEED);
    typists.connect(server.port(), pad);
    typists.type(10);
    typists.awaitSettled();
    long redisPid = redis.process().pid();

    signal("STOP", redisPid); // a hung Redis: connections stay open, nothing answers
    int acksAtHang;
    try {
      typists.type(10);
      Eventually.until("/health reports the store down", () -> server.healthStatus() == 503);
      Eventually.until("the server holds every in-flight op", () -> health().getLong("heldOps", 0L) == 2);
      acksAtHang = typists.acks();
    } finally {
      signal("CONT", redisPid);
    }
    typists.type(10);
    typists.awaitSettled();
    Eventually.until("/health reports the store up", () -> server.healthStatus() == 200);
    assertTrue(typists.acks() > acksAtHang);
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
  }

  /**
   * A hung Redis: every read that needs it (an export, a history, links, a read-only page, an
   * import) answers 503 within the command deadline instead of waiting for Redis; edits typed
   * meanwhile are held, then stored once each when it wakes.
   */
  @Test
  void readsAnswer503WithinTheRedisTimeoutWhileRedisHangs() throws Exception {
    vertx = Vertx.vertx();
    String pad = "hung-reads-" + SEED;
    Map<String, String> env = new HashMap<>(Env.server(redis.url()));
    env.put("ARDOISE_REDIS_TIMEOUT_SECONDS", "2");
    server = ServerProcess.start(ServerProcess.freePort(), env, "hung-reads");
    Typists typists = new Typists(vertx, "r", 2, SEED);
    typists.connect(server.port(), pad);
    typists.type(10);
    typists.awaitSettled();
    long redisPid = redis.process().pid();

    signal("STOP", redisPid);
    try {
      typists.type(10);
      for (String path : List.of("/p/never-opened/export/md", "/api/pads/never-opened/history",
          "/api/pads/" + pad + "/links", "/r/" + "A".repeat(22), "POST /api/pads/never-opened/import?name=Importer")) {
        long start = System.nanoTime();
        int status = path.startsWith("POST ") ? post(path.substring(5), "imported text") : get(path);
        System.out.printf("redis hung: %s -> %d after %d ms%n", path, status, (System.nanoTime() - start) / 1_000_000);
        assertEquals(503, status, path + " answers store-unavailable while Redis hangs");
      }
      Eventually.until("/health reports the store down", () -> server.healthStatus() == 503);
      String importIntoOpenPad = "/api/pads/" + pad + "/import?name=Importer";
      assertEquals(503, post(importIntoOpenPad, "would replace the text"), "an edit of an open pad is refused, not held");
    } finally {
      signal("CONT", redisPid);
    }
    typists.type(10);
    typists.awaitSettled();
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
  }

  /** Far above the Redis deadline the test sets: reaching it means the request waited for Redis. */
  private static final int READ_LIMIT_MILLIS = 30_000;

  private int get(String path) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + path).toURL().openConnection();
    c.setReadTimeout(READ_LIMIT_MILLIS);
    int status = c.getResponseCode();
    c.disconnect();
    return status;
  }

  private int post(String path, String body) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + path).toURL().openConnection();
    c.setReadTimeout(READ_LIMIT_MILLIS);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "text/plain; charset=utf-8");
    c.setRequestProperty("Ardoise-Author-Secret", "importer-0123456789ab");
    c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    int status = c.getResponseCode();
    c.disconnect();
    return status;
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    assertEquals(0, kill.waitFor(), "kill -" + name);
  }

  private JsonObject health() {
    try {
      return new JsonObject(ServerProcess.Health.body(server.port()));
    } catch (Exception e) {
      return new JsonObject();
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }
}
