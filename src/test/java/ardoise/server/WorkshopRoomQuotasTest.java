package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A workshop of 30 people behind one NAT (one client address, as every test client here), with the
 * default quotas, against the real server and a real redis-server: each creates a pad of their own
 * and imports a file into a third of them, all type in three shared pads and chat. Nothing is
 * refused. The room does in seconds what it would do in a minute, so it is a harder test than the
 * room itself; the bytes it wrote are printed beside the budget.
 */
@Tag("redis")
class WorkshopRoomQuotasTest {
  private static final int PEOPLE = 30;
  private static final int OPS_EACH = 150;
  private static final int IMPORTS = 10;
  private static final int IMPORT_BYTES = 100 * 1024;
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private final List<HttpCalls> calls = new ArrayList<>();

  @AfterEach
  void stop() {
    calls.forEach(HttpCalls::close);
    if (server != null) server.close();
    if (store != null) store.close().await();
    storeVertx.close().await();
  }

  /** One person of the room; returns the bytes they wrote (frame lengths and imported files). */
  private long person(int n, String sharedPad) throws Exception {
    HttpCalls http;
    synchronized (calls) {
      http = new HttpCalls(server.app.port());
      calls.add(http);
    }
    long bytes = 0;
    HttpCalls.Answer created = http.post("/api/pads", new JsonObject());
    assertEquals(201, created.status(), "person " + n + " creates a pad: " + created.text());
    if (n < IMPORTS) {
      HttpCalls.Answer imported = http.importFile("/api/pads/" + created.json().getString("padId") + "/import?name=P" + n
          + "&color=%23d55e00", Buffer.buffer("é".repeat(IMPORT_BYTES / 2)), "text/plain", "person-" + n + "-0123456789ab");
      assertEquals(200, imported.status(), "person " + n + " imports: " + imported.text());
      bytes += IMPORT_BYTES;
    }
    WsClient ws = server.connect(sharedPad);
    JsonObject joined = ws.join("person-" + n + "-" + System.nanoTime());
    long rev = joined.getLong("rev");
    long length = joined.containsKey("text") ? joined.getString("text").length() : 0;
    for (int seq = 1; seq <= OPS_EACH; seq++) {
      String word = "p" + n + "m" + seq + " ";
      JsonObject op = new JsonObject().put("type", "op").put("rev", rev).put("seq", seq)
          .put("op", length == 0 ? new JsonArray().add(word) : new JsonArray().add(word).add(length));
      bytes += op.encode().length();
      ws.send(op);
      while (true) {
        JsonObject frame = ws.next();
        String type = frame.getString("type");
        assertTrue(!type.equals("error"), "person " + n + " was refused: " + frame);
        if (type.equals("op")) {
          rev = frame.getLong("rev");
          length += delta(frame.getJsonArray("op"));
        } else if (type.equals("ack")) {
          rev = frame.getLong("rev");
          length += word.length();
          break;
        }
      }
      if (seq % 50 == 0) {
        JsonObject chat = new JsonObject().put("type", "chat").put("text", "Question " + seq + " de la personne " + n);
        bytes += chat.encode().length();
        ws.send(chat);
      }
    }
    ws.close();
    return bytes;
  }

  private static long delta(JsonArray op) {
    long d = 0;
    for (Object c : op) {
      if (c instanceof String s) d += s.length();
      else if (((Number) c).longValue() < 0) d += ((Number) c).longValue();
    }
    return d;
  }

  @Test
  void thirtyPeopleBehindOneAddressTypeImportAndCreatePadsUnrefused() throws Exception {
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 100, 500,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    // Default quotas; only the per-connection op rate is the fixture's (it is not a quota of the address).
    server = ServerFixture.start(Map.of(), store);
    String[] shared = {"salle-a-" + System.nanoTime(), "salle-b-" + System.nanoTime(), "salle-c-" + System.nanoTime()};
    ExecutorService room = Executors.newFixedThreadPool(PEOPLE);
    AtomicLong written = new AtomicLong();
    long start = System.nanoTime();
    try {
      List<Future<Long>> people = new ArrayList<>();
      for (int n = 0; n < PEOPLE; n++) {
        int person = n;
        people.add(room.submit(() -> person(person, shared[person % shared.length])));
      }
      for (Future<Long> p : people) written.addAndGet(p.get());
    } finally {
      room.shutdownNow();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("workshop room: %d people, %d bytes written (ops, chat, imports) and %d pads created in %d ms, "
        + "from one address; default budget a minute: %s bytes, %s pads%n", PEOPLE, written.get(), PEOPLE + shared.length,
        millis, ardoise.config.Setting.WRITE_BYTES_PER_MINUTE_PER_ADDRESS.defaultValue,
        ardoise.config.Setting.PADS_PER_MINUTE_PER_ADDRESS.defaultValue);
    for (String pad : shared) {
      String text = server.get("/p/" + pad + "/export/txt").text();
      for (int n = 0; n < PEOPLE; n++) {
        if (shared[n % shared.length].equals(pad)) assertTrue(text.contains("p" + n + "m" + OPS_EACH + " "), pad + " has person " + n);
      }
    }
  }
}
