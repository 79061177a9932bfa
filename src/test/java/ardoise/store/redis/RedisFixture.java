package ardoise.store.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A real redis-server for tests, on a free port and a fresh data directory: start, kill -9, restart
 * on the same port and data, stop. Reusable by any test (integration tests included).
 */
public final class RedisFixture implements AutoCloseable {
  private final Path dataDir;
  private final RedisLauncher.Fsync fsync;
  private RedisLauncher running;
  private int port;

  private RedisFixture(Path dataDir, RedisLauncher.Fsync fsync) {
    this.dataDir = dataDir;
    this.fsync = fsync;
  }

  public static RedisFixture start(RedisLauncher.Fsync fsync) throws IOException {
    RedisFixture fixture = new RedisFixture(Files.createTempDirectory("ardoise-redis-"), fsync);
    fixture.running = RedisLauncher.start(fixture.dataDir, fsync);
    fixture.port = fixture.running.port();
    return fixture;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** SIGKILL, like a crash: no shutdown work, no final fsync. */
  public void kill() throws InterruptedException {
    running.kill();
    running = null;
  }

  /** SIGTERM: Redis fsyncs its append-only file and exits. */
  public void stop() throws InterruptedException {
    running.stop();
    running = null;
  }

  /** Starts redis-server again on the same port and data directory. */
  public void restart() throws IOException {
    running = RedisLauncher.start(dataDir, port, fsync);
  }

  /** Stops Redis if it runs and deletes its data directory. */
  @Override
  public void close() throws InterruptedException, IOException {
    if (running != null) stop();
    try (var paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
