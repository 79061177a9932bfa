package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.ChatMessage;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The chat in a real redis-server under appendfsync always: what was acknowledged survives a SIGKILL. */
@Tag("redis")
class RedisChatLogTest {
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
  void acknowledgedMessagesSurviveAKilledRedisAndLiveWithThePadsKeys() throws Exception {
    RedisPadStore store = RedisPadStore.create(vertx, redis.url());
    List<String> texts = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      String text = "remarque " + i + " « à part »";
      store.chat().append("réunion{1}", new ChatMessage(0, "client-0000000001", "alice", "Zoë", "#e69f00", text, i), 20).await();
      texts.add(text);
    }
    store.close().await();
    redis.kill();
    redis.restart();

    RedisPadStore again = RedisPadStore.create(vertx, redis.url());
    List<ChatMessage> kept = again.chat().recent("réunion{1}", 100).await();
    assertEquals(texts.subList(10, 30), kept.stream().map(ChatMessage::text).toList());
    assertEquals(31, again.chat().append("réunion{1}", new ChatMessage(0, "c", "a", "n", "#000000", "après", 99), 20).await().id());
    again.close().await();

    // Everything of a pad is under ardoise:{pad}:…, so deleting a pad's keys deletes its chat too.
    Redis admin = Redis.createClient(vertx, redis.url());
    Response keys = RedisAPI.api(admin).keys("ardoise:{réunion%7B1%7D}:*").await();
    admin.close().await();
    assertEquals(1, keys.size());
    assertTrue(keys.get(0).toString().endsWith(":chat"), keys.toString());
  }
}
