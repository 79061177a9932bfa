package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against the real server and a real redis-server: joining a pad nobody wrote in, renaming oneself
 * there, opening its pages, links, QR code, export and history, and trying read-only links store
 * nothing (no key in Redis, even after the pad unloads); the first edit makes the usual keys.
 */
@Tag("redis")
class UnwrittenPadsLeaveNoTraceTest {
  private static final String PAD = "personne-n-a-ecrit";

  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private final Vertx clientVertx = Vertx.vertx();
  private RedisAPI redisApi;
  private RedisPadStore store;
  private ServerFixture server;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    // Profiles are stored at once and idle pads unload after a second: whatever a visit would store is stored by then.
    server = ServerFixture.start(Map.of("ARDOISE_IDLE_UNLOAD_SECONDS", "1", "ARDOISE_PROFILE_STORE_SECONDS", "0"), store);
    redisApi = RedisAPI.api(Redis.createClient(clientVertx, redis.url()));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close().await();
    storeVertx.close().await();
    clientVertx.close().await();
  }

  private Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (Response key : redisApi.keys("*").await()) keys.add(key.toString());
    return keys;
  }

  private void waitForUnload() {
    Eventually.until("the pad unloads", () -> server.onPadShard(PAD, registry -> registry.loadedCount()) == 0);
  }

  @Test
  void visitingSharingAndProbingAPadNobodyWroteInStoresNothingUntilItsFirstEdit() {
    WsClient alice = server.connect(PAD);
    alice.join(ServerFixture.newClientId());
    alice.send(new JsonObject().put("type", "profile").put("name", "Alice").put("color", "#009e73"));
    WsClient bruno = server.connect(PAD);
    bruno.join(ServerFixture.newClientId());
    alice.nextPresence();
    for (String page : List.of("/p/" + PAD, "/p/" + PAD + "/projector", "/p/" + PAD + "/qr.svg", "/api/pads/" + PAD,
        "/api/pads/" + PAD + "/links", "/p/" + PAD + "/export/md", "/p/" + PAD + "/history",
        "/api/pads/" + PAD + "/history", "/api/pads/" + PAD + "/authors", "/api/pads/" + PAD + "/versions",
        "/r/AAAAAAAAAAAAAAAAAAAAAA", "/r/AAAAAAAAAAAAAAAAAAAAAA/qr.svg")) {
      server.get(page);
    }
    JsonObject links = new JsonObject(server.get("/api/pads/" + PAD + "/links").text());
    assertNull(links.getString("readOnly"), "no read-only link before the first edit: " + links.encode());
    RawWebSocket.Refusal viewer = server.refusedSocket("/ws/r/AAAAAAAAAAAAAAAAAAAAAA");
    assertEquals("bad-pad-name", viewer.errorCode());
    assertEquals(1008, viewer.closeStatus());
    WsClient projector = server.connect("/ws/" + PAD + "/projector", null);
    assertEquals(0L, projector.join(ServerFixture.newClientId()).getLong("rev"));
    projector.close();
    bruno.close();
    alice.close();
    waitForUnload();
    assertEquals(Set.of(), keys(), "a pad nobody wrote in leaves no key");

    WsClient writer = server.connect(PAD);
    writer.join(ServerFixture.newClientId());
    writer.send(new JsonObject().put("type", "profile").put("name", "Chloé").put("color", "#d55e00"));
    writer.op(0, 1, "Bonjour").next("ack");
    String readOnly = new JsonObject(server.get("/api/pads/" + PAD + "/links").text()).getString("readOnly");
    assertNotEquals(null, readOnly, "the read-only link exists once the pad has text");
    String id = readOnly.substring(readOnly.lastIndexOf('/') + 1);
    writer.close();
    waitForUnload();
    String tag = "ardoise:{" + PAD + "}:";
    Set<String> keys = keys();
    for (String key : List.of(tag + "meta", tag + "log", tag + "seqs", tag + "authors", tag + "read-only",
        "ardoise:read-only:" + id)) {
      assertTrue(keys.contains(key), key + " in " + keys);
    }
    assertEquals(Set.of("Chloé"), Set.copyOf(store.notes().authors(PAD).await().values().stream()
        .map(p -> p.name()).toList()), "only the author present at the first edit is remembered");
  }
}
