package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

  @Test
  void redactsThePassword() {
    assertEquals("redis://:***@host:6379/2", RedisUrl.redact("redis://:s3cret@host:6379/2"));
    assertEquals("rediss://bob:***@host", RedisUrl.redact("rediss://bob:s3cret@host"));
    assertEquals("redis://:***@host", RedisUrl.redact("redis://s3cret@host"));
    assertEquals("redis://host:6379", RedisUrl.redact("redis://host:6379"));
  }

  @Test
  void rejectsWhatIsNotARedisUrlWithoutShowingThePassword() {
    var wrongScheme = assertThrows(IllegalArgumentException.class, () -> RedisUrl.options("http://:pw@host", 4));
    assertFalse(wrongScheme.getMessage().contains("pw@"), wrongScheme.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RedisUrl.options("redis://:pw@host/db", 4));
    assertThrows(IllegalArgumentException.class, () -> RedisUrl.options("redis:///0", 4));
  }

  @Tag("redis")
  @Test
  void passwordAndDatabaseAreHonoured() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RedisFixture redis = RedisFixture.start(RedisLauncher.Fsync.EVERYSEC)) {
      Redis admin = Redis.createClient(vertx, redis.url());
      await(RedisAPI.api(admin).config(List.of("SET", "requirepass", "s3cret")));
      await(admin.close());
      String base = "127.0.0.1:" + redis.port();
      PadStore store = RedisPadStore.create(vertx, "redis://:s3cret@" + base + "/3");
      TextOperation op = TextOperation.builder().insert("x", "a").build();
      await(store.append("pad-db", 0, List.of(new OpRecord(1, op, "c", 1, "a", 1))));
      await(store.close());

      Redis db3 = Redis.createClient(vertx, "redis://:s3cret@" + base + "/3");
      Redis db0 = Redis.createClient(vertx, "redis://:s3cret@" + base + "/0");
      assertEquals(1, await(RedisAPI.api(db3).exists(List.of(PadKeys.of("pad-db").meta()))).toInteger());
      assertEquals(0, await(RedisAPI.api(db0).exists(List.of(PadKeys.of("pad-db").meta()))).toInteger());
      await(db3.close());
      await(db0.close());

      PadStore wrong = RedisPadStore.create(vertx, "redis://:nope@" + base + "/3");
      var failure = assertThrows(ExecutionException.class, () -> await(wrong.load("pad-db")));
      assertTrue(failure.getCause().getMessage().contains("WRONGPASS"), failure.getCause().getMessage());
      await(wrong.close());
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
