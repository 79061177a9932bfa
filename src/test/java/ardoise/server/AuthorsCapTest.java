package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.protocol.ClientSecrets;
import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A pad keeps at most ARDOISE_MAX_AUTHORS_PER_PAD authors in Redis: a newcomer beyond the cap takes
 * the place of the visitor without an edit seen longest ago; people with edits go last.
 */
@Tag("redis")
class AuthorsCapTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private ServerFixture server;
  private final String pad = "auteurs-" + System.nanoTime();

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url(), new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 100, 500,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE));
    server = ServerFixture.start(Map.of("ARDOISE_MAX_AUTHORS_PER_PAD", "3"), store);
  }

  @AfterEach
  void stop() {
    server.close();
    store.close().await();
    storeVertx.close().await();
  }

  private Set<String> authors() {
    return new TreeSet<>(store.notes().authors(pad).await().keySet());
  }

  /** Joins as {@code who}, waits until the store has them (a millisecond after the last one: "seen" orders them). */
  private WsClient arrive(String who) {
    long before = System.currentTimeMillis();
    Eventually.until("a new millisecond", () -> System.currentTimeMillis() > before);
    WsClient c = server.connect(pad);
    c.join(secret(who));
    Eventually.until(who + " is remembered", () -> authors().contains(id(who)), () -> authors().toString());
    return c;
  }

  private static String secret(String who) {
    return who + "-secret-0123456789";
  }

  private static String id(String who) {
    return ClientSecrets.clientId(secret(who)); // a join without authorSecret writes as its tab
  }

  private Set<String> ids(String... who) {
    Set<String> out = new TreeSet<>();
    for (String w : who) out.add(id(w));
    return out;
  }

  @Test
  void visitorsWithoutEditsMakeRoomFirstOldestFirst() {
    WsClient alice = server.connect(pad); // nothing is remembered before the pad's first edit
    alice.join(secret("alice"));
    alice.op(0, 1, "Ordre du jour").next("ack");
    Eventually.until("alice is remembered with the first edit", () -> authors().contains(id("alice")));
    arrive("v1").close();
    arrive("v2").close();
    assertEquals(ids("alice", "v1", "v2"), authors());

    arrive("v3").close();
    assertEquals(ids("alice", "v2", "v3"), authors(), "the oldest visitor goes, not alice who wrote first");

    WsClient bruno = arrive("bruno");
    assertEquals(ids("alice", "v3", "bruno"), authors());
    bruno.op(1, 1, 13, " : budget").next("ack");
    arrive("v4").close();
    assertEquals(ids("alice", "bruno", "v4"), authors(), "bruno wrote: the visitor v3 goes");
    arrive("v5").close();
    assertEquals(ids("alice", "bruno", "v5"), authors());
    assertEquals("Test alic", store.notes().authors(pad).await().get(id("alice")).name(), "profiles read as before");
  }
}
