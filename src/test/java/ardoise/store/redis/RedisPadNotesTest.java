package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.PadNotes;
import ardoise.store.PadNotes.AuthorProfile;
import ardoise.store.PadNotes.SavedVersion;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Author profiles and saved versions in a real redis-server, surviving a restart. */
@Tag("redis")
class RedisPadNotesTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.ALWAYS);
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void profilesAndVersionsAreKeptPerPad() throws Exception {
    RedisPadStore store = RedisPadStore.create(vertx, redis.url());
    PadNotes notes = store.notes();
    notes.rememberAuthor("réunion{1}", "alice", new AuthorProfile("Zoë « Z »", "#e69f00")).await();
    notes.rememberAuthor("réunion{1}", "alice", new AuthorProfile("Zoë", "#56b4e9")).await();
    notes.saveVersion("réunion{1}", new SavedVersion(12, "Avant la pause", "alice", 1000)).await();
    notes.saveVersion("réunion{1}", new SavedVersion(3, "Début", "alice", 900)).await();
    notes.saveVersion("réunion{1}", new SavedVersion(12, "Avant la pause déjeuner", "alice", 1100)).await();
    store.close().await();

    redis.stop();
    redis.restart();
    RedisPadStore again = RedisPadStore.create(vertx, redis.url());
    PadNotes reread = again.notes();
    assertEquals(Map.of("alice", new AuthorProfile("Zoë", "#56b4e9")), reread.authors("réunion{1}").await());
    assertEquals(List.of(new SavedVersion(3, "Début", "alice", 900), new SavedVersion(12, "Avant la pause déjeuner", "alice", 1100)),
        reread.versions("réunion{1}").await());
    assertEquals(Map.of(), reread.authors("autre").await());
    assertEquals(List.of(), reread.versions("autre").await());
    again.close().await();
  }

  @Test
  void versionsAreBounded() throws Exception {
    RedisPadStore store = RedisPadStore.create(vertx, redis.url());
    PadNotes notes = store.notes();
    for (int rev = 0; rev < PadNotes.MAX_VERSIONS; rev++) notes.saveVersion("plein", new SavedVersion(rev, "v" + rev, "a", rev)).await();
    IllegalStateException full = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> notes.saveVersion("plein", new SavedVersion(9999, "trop", "a", 1)).await());
    assertTrue(full.getMessage().contains("200 saved versions"));
    notes.saveVersion("plein", new SavedVersion(5, "renommée", "a", 1)).await(); // renaming is always allowed
    store.close().await();
  }
}
