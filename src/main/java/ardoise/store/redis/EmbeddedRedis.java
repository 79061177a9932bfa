package ardoise.store.redis;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The zero-config store's redis-server: one per data directory, started with {@link RedisLauncher}
 * and recorded in a {@link RedisPidFile} (so a leftover from a crashed Ardoise is stopped before a new
 * one starts). If it dies while Ardoise runs (OOM killer, a stray kill), it is started again on the
 * same port and files, so the store's clients reconnect by themselves and held edits get stored.
 * Blocking: call from main or a worker, never on an event loop.
 */
public final class EmbeddedRedis {
  private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
  private static final long RESTART_PAUSE_MS = 1000;

  private final Path dataDir;
  private final Path pidFile;
  private final RedisLauncher.Fsync fsync;
  private final PrivateRedisFiles lock;
  private final File executable;
  private final int port;
  private final int maxMemoryMb;
  private volatile RedisLauncher launcher;
  private volatile boolean stopping;

  private EmbeddedRedis(Path dataDir, RedisLauncher.Fsync fsync, PrivateRedisFiles lock, File executable,
      RedisLauncher launcher, int maxMemoryMb) {
    this.maxMemoryMb = maxMemoryMb;
    this.dataDir = dataDir;
    this.executable = executable;
    this.lock = lock;
    this.pidFile = dataDir.resolve(RedisPidFile.NAME);
    this.fsync = fsync;
    this.launcher = launcher;
    this.port = launcher.port();
  }

  /**
   * Stops a redis-server left behind in {@code dataDir}, then starts a private one (see
   * {@link PrivateRedisFiles}) on a free port.
   */
  public static EmbeddedRedis start(Path dataDir, RedisLauncher.Fsync fsync) throws IOException {
    return start(dataDir, fsync, 0);
  }

  /** As {@link #start(Path, RedisLauncher.Fsync)}, with {@code maxMemoryMb} MiB at most and noeviction (0: no limit). */
  public static EmbeddedRedis start(Path dataDir, RedisLauncher.Fsync fsync, int maxMemoryMb) throws IOException {
    return start(dataDir, fsync, RedisLauncher.executable(), maxMemoryMb);
  }

  static EmbeddedRedis start(Path dataDir, RedisLauncher.Fsync fsync, File executable) throws IOException {
    return start(dataDir, fsync, executable, 0);
  }

  /** As {@link #start(Path, RedisLauncher.Fsync)}, with that redis-server binary. */
  static EmbeddedRedis start(Path dataDir, RedisLauncher.Fsync fsync, File executable, int maxMemoryMb) throws IOException {
    Files.createDirectories(dataDir);
    RedisPidFile.stopLeftover(dataDir.resolve(RedisPidFile.NAME));
    PrivateRedisFiles lock = PrivateRedisFiles.prepare(dataDir);
    EmbeddedRedis redis = new EmbeddedRedis(dataDir, fsync, lock, executable,
        RedisLauncher.start(dataDir, RedisLauncher.freePort(), fsync, lock, executable, maxMemoryMb), maxMemoryMb);
    redis.recordAndWatch();
    return redis;
  }

  /** Its address, password included: never log it. */
  public String url() {
    return launcher.url();
  }

  public int port() {
    return port;
  }

  /** SIGTERM and wait: Redis fsyncs its append-only file before it exits. */
  public void stop() throws InterruptedException {
    synchronized (this) { // Why: a restart in progress must not leave a redis-server behind
      stopping = true;
      launcher.stop();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warning("pad=- client=- cannot delete " + pidFile + ": " + e.getMessage());
    }
  }

  private void recordAndWatch() throws IOException {
    ProcessHandle child = launcher.process();
    RedisPidFile.write(pidFile, child);
    child.onExit().thenRun(() -> {
      if (!stopping) new Thread(() -> restart(child.pid()), "redis-server-restart").start();
    });
  }

  /** Starts redis-server again on the same port and files, retrying until it runs or we stop. */
  private void restart(long deadPid) {
    LOG.warning("pad=- client=- embedded redis-server (pid " + deadPid + ") exited unexpectedly; restarting it on port "
        + port + " with the data in " + dataDir);
    while (!stopping) {
      try {
        synchronized (this) {
          if (stopping) return;
          launcher = RedisLauncher.start(dataDir, port, fsync, lock, executable, maxMemoryMb);
          recordAndWatch();
        }
        return;
      } catch (IOException e) {
        LOG.warning("pad=- client=- cannot restart the embedded redis-server: " + e.getMessage());
      }
      try {
        Thread.sleep(RESTART_PAUSE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
