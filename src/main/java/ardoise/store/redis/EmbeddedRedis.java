package ardoise.store.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The zero-config store's redis-server: one per data directory, started with {@link RedisLauncher}.
 * Its pid goes to {@value #PID_FILE} in the data directory, because when Ardoise itself is killed
 * with SIGKILL its child redis-server keeps running; a second redis-server appending to the same
 * append-only file would corrupt it, so the next start stops the leftover one first (SIGTERM, so it
 * fsyncs) before starting its own. Blocking: call from main or a worker, never on an event loop.
 */
public final class EmbeddedRedis {
  private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
  static final String PID_FILE = "redis-server.pid";
  private static final long STOP_WAIT_S = 30;

  private final RedisLauncher launcher;
  private final Path pidFile;

  private EmbeddedRedis(RedisLauncher launcher, Path pidFile) {
    this.launcher = launcher;
    this.pidFile = pidFile;
  }

  /** Stops a redis-server left behind in {@code dataDir}, then starts one on a free port. */
  public static EmbeddedRedis start(Path dataDir, RedisLauncher.Fsync fsync) throws IOException {
    Files.createDirectories(dataDir);
    Path pidFile = dataDir.resolve(PID_FILE);
    stopLeftover(pidFile);
    RedisLauncher launcher = RedisLauncher.start(dataDir, fsync);
    Optional<ProcessHandle> child = childOnPort(launcher.port());
    if (child.isPresent()) {
      String pids = child.get().pid() + " " + ProcessHandle.current().pid();
      Files.writeString(pidFile, pids, StandardCharsets.US_ASCII);
    } else {
      LOG.warning("cannot find the pid of redis-server on port " + launcher.port()
          + "; a crash of this process may leave it running");
    }
    return new EmbeddedRedis(launcher, pidFile);
  }

  public String url() {
    return launcher.url();
  }

  public int port() {
    return launcher.port();
  }

  /** SIGTERM and wait: Redis fsyncs its append-only file before it exits. */
  public void stop() throws InterruptedException {
    launcher.stop();
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warning("cannot delete " + pidFile + ": " + e.getMessage());
    }
  }

  /**
   * The pid file holds "redisPid ownerPid". A live owner means another Ardoise uses this directory:
   * refuse (two servers on one append-only file would corrupt it). A dead owner left its redis-server
   * behind: stop it.
   */
  private static void stopLeftover(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) return;
    String[] pids = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
    Optional<ProcessHandle> leftover = pidOf(pids, 0).flatMap(ProcessHandle::of).filter(EmbeddedRedis::isRedis);
    if (leftover.isEmpty()) {
      Files.deleteIfExists(pidFile);
      return;
    }
    Optional<ProcessHandle> owner = pidOf(pids, 1).flatMap(ProcessHandle::of)
        .filter(p -> p.isAlive() && p.info().command().map(c -> c.contains("java")).orElse(true));
    if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
      throw new IOException("another Ardoise (pid " + owner.get().pid() + ") uses the data directory "
          + pidFile.getParent().toAbsolutePath() + "; stop it or set ARDOISE_DATA_DIR to another directory");
    }
    LOG.warning("stopping redis-server pid " + leftover.get().pid() + " left running on " + pidFile.getParent()
        + " by an earlier Ardoise that did not shut down");
    terminate(leftover.get());
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> pidOf(String[] pids, int index) {
    return index < pids.length && pids[index].matches("\\d{1,10}") ? Optional.of(Long.parseLong(pids[index])) : Optional.empty();
  }

  private static void terminate(ProcessHandle process) throws IOException {
    process.destroy();
    try {
      process.onExit().get(STOP_WAIT_S, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the leftover redis-server", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot wait for the leftover redis-server", e);
    }
  }

  private static boolean isRedis(ProcessHandle p) {
    return p.isAlive() && p.info().command().map(c -> c.contains("redis-server")).orElse(false);
  }

  /** Our redis-server child; Redis rewrites its command line to "path host:port", hence the match on ":port". */
  private static Optional<ProcessHandle> childOnPort(int port) {
    List<ProcessHandle> children = ProcessHandle.current().children().filter(EmbeddedRedis::isRedis).toList();
    Optional<ProcessHandle> onPort = children.stream()
        .filter(p -> p.info().commandLine().map(c -> c.contains(":" + port) || c.contains(" " + port)).orElse(false))
        .findFirst();
    return onPort.isPresent() || children.size() != 1 ? onPort : Optional.of(children.get(0));
  }
}
