package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.PadNotes;
import ardoise.store.PadNotes.AuthorProfile;
import ardoise.store.PadNotes.SavedVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Author profiles and saved versions in a real redis-server, surviving a restart. */
@Tag("redis")
class RedisPadNotesTest {
  private static RedisFixture redis;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    redis = RedisFixture.start(RedisLauncher.Fsync.ALWAYS);
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    redis.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void profilesAndVersionsAreKeptPerPad() throws Exception {
    RedisPadStore store = RedisPadStore.create(vertx, redis.url());
    PadNotes notes = RedisPadNotes.of(store);
    await(notes.rememberAuthor("réunion{1}", "alice", new AuthorProfile("Zoë « Z »", "#e69f00")));
    await(notes.rememberAuthor("réunion{1}", "alice", new AuthorProfile("Zoë", "#56b4e9")));
    await(notes.saveVersion("réunion{1}", new SavedVersion(12, "Avant la pause", "alice", 1000)));
    await(notes.saveVersion("réunion{1}", new SavedVersion(3, "Début", "alice", 900)));
    await(notes.saveVersion("réunion{1}", new SavedVersion(12, "Avant la pause déjeuner", "alice", 1100)));
    await(store.close());

    redis.stop();
    redis.restart();
    RedisPadStore again = RedisPadStore.create(vertx, redis.url());
    PadNotes reread = RedisPadNotes.of(again);
    assertEquals(Map.of("alice", new AuthorProfile("Zoë", "#56b4e9")), await(reread.authors("réunion{1}")));
    assertEquals(List.of(new SavedVersion(3, "Début", "alice", 900), new SavedVersion(12, "Avant la pause déjeuner", "alice", 1100)),
        await(reread.versions("réunion{1}")));
    assertEquals(Map.of(), await(reread.authors("autre")));
    assertEquals(List.of(), await(reread.versions("autre")));
    await(again.close());
  }

  @Test
  void versionsAreBounded() throws Exception {
    RedisPadStore store = RedisPadStore.create(vertx, redis.url());
    PadNotes notes = RedisPadNotes.of(store);
    for (int rev = 0; rev < PadNotes.MAX_VERSIONS; rev++) await(notes.saveVersion("plein", new SavedVersion(rev, "v" + rev, "a", rev)));
    IllegalStateException full = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> await(notes.saveVersion("plein", new SavedVersion(9999, "trop", "a", 1))));
    assertTrue(full.getMessage().contains("200 saved versions"));
    await(notes.saveVersion("plein", new SavedVersion(5, "renommée", "a", 1))); // renaming is always allowed
    await(store.close());
  }
}
