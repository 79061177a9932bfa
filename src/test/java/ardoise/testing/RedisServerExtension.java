package ardoise.testing;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPidFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for tests, on a free port and a fresh data directory, started with the
 * server's own {@link RedisLauncher} (the {@code redis-server} on PATH, else embedded-redis's).
 * Registered on a static field it serves the whole test class; on an instance field, each test:
 * <pre>{@code
 * @RegisterExtension static final RedisServerExtension redis = RedisServerExtension.create(Fsync.EVERYSEC);
 * }</pre>
 * It starts before the class's own {@code @BeforeAll} / {@code @BeforeEach} methods and stops after
 * the matching {@code @After…} ones, deleting its data. Tests may kill it, stop it and restart it on
 * the same port and data. Nothing is flushed between tests: each test uses its own pad ids.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback {
  private RedisLauncher.Fsync fsync;
  private Path dataDir;
  private RedisLauncher running;
  private int port;
  private boolean perClass;

  private RedisServerExtension(RedisLauncher.Fsync fsync) {
    this.fsync = fsync;
  }

  /** {@code fsync}: when Redis fsyncs its append-only file (ALWAYS: before every reply). */
  public static RedisServerExtension create(RedisLauncher.Fsync fsync) {
    return new RedisServerExtension(fsync);
  }

  @Override public void beforeAll(ExtensionContext context) throws IOException {
    perClass = true;
    start();
  }

  @Override public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override public void beforeEach(ExtensionContext context) throws IOException {
    if (!perClass) start();
  }

  @Override public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) close();
  }

  private void start() throws IOException {
    dataDir = Files.createTempDirectory("ardoise-redis-");
    running = RedisLauncher.start(dataDir, fsync);
    port = running.port();
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The redis-server process (Redis names itself "path 127.0.0.1:port", which finds it). */
  public ProcessHandle process() {
    return ProcessHandle.current().children()
        .filter(p -> (RedisPidFile.commandLine(p) + " ").contains(":" + port + " "))
        .findFirst().orElseThrow(() -> new IllegalStateException("no redis-server runs on port " + port));
  }

  /** SIGKILL, like a crash: no shutdown work, no final fsync. */
  public void kill() throws Exception {
    ProcessHandle redis = process();
    redis.destroyForcibly();
    redis.onExit().get(30, TimeUnit.SECONDS);
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

  /** Stops Redis cleanly and starts it again with another {@code appendfsync}, same port and data. */
  public void restartWith(RedisLauncher.Fsync newFsync) throws Exception {
    if (running != null) stop();
    fsync = newFsync;
    restart();
  }

  private void close() throws InterruptedException, IOException {
    if (running != null) stop();
    try (var paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
