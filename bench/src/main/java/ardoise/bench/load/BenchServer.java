package ardoise.bench.load;

import ardoise.App;
import ardoise.config.Config;
import ardoise.store.PadStore;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * Ardoise as the load benchmark runs it: the real server (App, ServerVerticle, pads, sessions) on
 * a RedisPadStore with persistence on — an embedded redis-server with appendonly yes and
 * appendfsync everysec in a temporary directory (or ARDOISE_REDIS_URL when set). Settings come
 * from conf/config.json and ARDOISE_* like App; prints "READY port=N" once it listens and stops
 * Redis and deletes its data on SIGTERM.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    Config config = Config.load(Path.of("conf", "config.json"), System.getenv());
    Path dataDir = Files.createTempDirectory("ardoise-bench-redis-");
    RedisLauncher redis = config.redisUrl() == null ? RedisLauncher.start(dataDir, RedisLauncher.Fsync.EVERYSEC) : null;
    String url = redis == null ? config.redisUrl() : redis.url();
    Vertx storeVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    PadStore store = RedisPadStore.create(storeVertx, url);
    App app = App.start(config, store).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    System.out.println("READY port=" + app.port() + " redis=" + url + " pid=" + ProcessHandle.current().pid());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.stop().get(20, TimeUnit.SECONDS);
        store.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        storeVertx.close();
        if (redis != null) redis.stop();
        try (var paths = Files.walk(dataDir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      } catch (Exception e) {
        System.err.println("bench server shutdown: " + e);
      }
    }, "bench-server-shutdown"));
  }
}
