package ardoise.store.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * The {@value #NAME} file of a data directory: "redisPid ownerPid" of the embedded redis-server and
 * the Ardoise that started it. A redis-server outlives a SIGKILL of its Ardoise, and two of them
 * appending to one file would corrupt it: the next start uses this file to stop the leftover first.
 * Blocking; any thread but an event loop.
 */
public final class RedisPidFile {
  private static final Logger LOG = Logger.getLogger(RedisPidFile.class.getName());
  static final String NAME = "redis-server.pid";
  private static final long STOP_WAIT_S = 30;

  private RedisPidFile() {}

  /** Records {@code child}, our redis-server, with us as its owner. */
  static void write(Path pidFile, ProcessHandle child) throws IOException {
    String pids = child.pid() + " " + ProcessHandle.current().pid();
    Files.writeString(pidFile, pids, StandardCharsets.US_ASCII);
    PrivateRedisFiles.ownerOnly(pidFile);
  }

  /**
   * The pid file holds "redisPid ownerPid". A live owner means another Ardoise uses this directory:
   * refuse (two servers on one append-only file would corrupt it). A dead owner left its redis-server
   * behind: stop it.
   */
  static void stopLeftover(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) return;
    String[] pids = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
    Optional<ProcessHandle> leftover = pidOf(pids, 0).flatMap(ProcessHandle::of).filter(RedisPidFile::isRedis);
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
    LOG.warning("pad=- client=- stopping redis-server pid " + leftover.get().pid() + " left running on "
        + pidFile.getParent()
        + " by an earlier Ardoise that did not shut down");
    terminate(leftover.get());
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> pidOf(String[] pids, int index) {
    if (index >= pids.length || !pids[index].matches("\\d{1,10}")) return Optional.empty();
    return Optional.of(Long.parseLong(pids[index]));
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

  /**
   * Whether {@code p} runs redis-server, told by its command line: Debian's /usr/bin/redis-server is a
   * link to redis-check-rdb, which is the executable the process reports.
   */
  private static boolean isRedis(ProcessHandle p) {
    return p.isAlive() && commandLine(p).contains("redis-server");
  }

  /** The live command line: /proc/pid/cmdline on Linux (ProcessHandle.Info misses Redis's rewrite). */
  public static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.UTF_8)
          .replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return p.info().commandLine().orElse("");
    }
  }

}
