package ardoise.bench.load;

import ardoise.store.redis.RedisLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A redis-server for the ShareDB side of the comparison, configured like the one Ardoise starts
 * by default (the embedded binary, appendonly yes, appendfsync always — or everysec when the first
 * argument says so — in a temporary directory). Prints "READY url=…" and stops Redis and deletes
 * its data on SIGTERM.
 */
public final class BenchRedis {
  private BenchRedis() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("sharedb-bench-redis-");
    RedisLauncher.Fsync fsync = args.length > 0 ? RedisLauncher.Fsync.valueOf(args[0].toUpperCase()) : RedisLauncher.Fsync.ALWAYS;
    RedisLauncher redis = RedisLauncher.start(dataDir, fsync);
    System.out.println("READY url=" + redis.url());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        redis.stop();
        try (var paths = Files.walk(dataDir)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
      } catch (Exception e) {
        System.err.println("bench redis shutdown: " + e);
      }
    }, "bench-redis-shutdown"));
    Thread.currentThread().join();
  }
}
