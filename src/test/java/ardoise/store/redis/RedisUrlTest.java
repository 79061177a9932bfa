package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisUrlTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);

  @Test
  void redactsThePassword() {
    assertEquals("redis://:***@host:6379/2", RedisUrl.redact("redis://:s3cret@host:6379/2"));
    assertEquals("rediss://bob:***@host", RedisUrl.redact("rediss://bob:s3cret@host"));
    assertEquals("redis://:***@host", RedisUrl.redact("redis://s3cret@host"));
    assertEquals("redis://host:6379", RedisUrl.redact("redis://host:6379"));
    assertEquals("redis://host:6379/0?password=***", RedisUrl.redact("redis://host:6379/0?password=s3cret"));
    assertEquals("redis://bob:***@host?db=1&Password=***&x=1", RedisUrl.redact("redis://bob:a@host?db=1&Password=s3cret&x=1"));
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
    try {
      Redis admin = Redis.createClient(vertx, redis.url());
      RedisAPI.api(admin).config(List.of("SET", "requirepass", "s3cret")).await();
      admin.close().await();
      String base = "127.0.0.1:" + redis.port();
      PadStore store = RedisPadStore.create(vertx, "redis://:s3cret@" + base + "/3");
      TextOperation op = TextOperation.builder().insert("x", "a").build();
      store.append("pad-db", 0, List.of(new OpRecord(1, op, "c", 1, "a", 1))).await();
      store.close().await();

      Redis db3 = Redis.createClient(vertx, "redis://:s3cret@" + base + "/3");
      Redis db0 = Redis.createClient(vertx, "redis://:s3cret@" + base + "/0");
      assertEquals(1, RedisAPI.api(db3).exists(List.of(PadKeys.of("pad-db").meta())).await().toInteger());
      assertEquals(0, RedisAPI.api(db0).exists(List.of(PadKeys.of("pad-db").meta())).await().toInteger());
      db3.close().await();
      db0.close().await();

      PadStore wrong = RedisPadStore.create(vertx, "redis://:nope@" + base + "/3");
      Throwable failure = assertThrows(Throwable.class, () -> wrong.load("pad-db").await()); // a Redis error reply
      assertTrue(failure.getMessage().contains("WRONGPASS"), failure.getMessage());
      wrong.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
