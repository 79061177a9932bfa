package ardoise.store.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server child process bound to 127.0.0.1, with the append-only file on in
 * {@code dataDir}. Uses {@code redis-server} from PATH when there is one, else the binary shipped in
 * the embedded-redis jar (Redis 6.2, with a warning: it gets no security fixes). Started with
 * {@link PrivateRedisFiles} (the zero-config store), it asks for a password and has no CONFIG, DEBUG
 * or MODULE, and creates its files owner-only (umask 077). Starting and stopping block: call them
 * before deploying verticles or from a worker, never on an event loop.
 */
public final class RedisLauncher {
  private static final Logger LOG = Logger.getLogger(RedisLauncher.class.getName());
  private static final long START_TIMEOUT_S = 20;

  /** {@code appendfsync}: when Redis fsyncs the append-only file (see docs/storage.md). */
  public enum Fsync {
    /** fsync once a second; an acknowledged write is in the file (page cache) before the reply. */
    EVERYSEC,
    /** fsync before every reply; survives power loss too, at a cost measured in bench/results/2026-11-23.md. */
    ALWAYS
  }

  private static final File SHELL = new File("/bin/sh");

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final String password;

  private RedisLauncher(Process process, int port, Path dataDir, String password) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.password = password;
  }

  /** Starts redis-server on a free port. */
  public static RedisLauncher start(Path dataDir, Fsync fsync) throws IOException {
    return start(dataDir, freePort(), fsync);
  }

  /** Starts an open redis-server (no password) on {@code port}; returns once it accepts connections. */
  public static RedisLauncher start(Path dataDir, int port, Fsync fsync) throws IOException {
    return start(dataDir, port, fsync, null);
  }

  /** Starts redis-server on {@code port}, private when {@code lock} is given; returns once it accepts connections. */
  static RedisLauncher start(Path dataDir, int port, Fsync fsync, PrivateRedisFiles lock) throws IOException {
    return start(dataDir, port, fsync, lock, executable());
  }

  static RedisLauncher start(Path dataDir, int port, Fsync fsync, PrivateRedisFiles lock, File executable)
      throws IOException {
    return start(dataDir, port, fsync, lock, executable, 0);
  }

  /**
   * As above, with {@code maxMemoryMb} MiB of memory at most (0: no limit) and {@code noeviction}:
   * beyond it Redis refuses writes (an OOM error reply) and evicts nothing, so no pad is ever lost to
   * make room; reads go on, and writes work again once memory frees.
   */
  static RedisLauncher start(Path dataDir, int port, Fsync fsync, PrivateRedisFiles lock, File executable, int maxMemoryMb)
      throws IOException {
    Files.createDirectories(dataDir);
    List<String> command = new ArrayList<>();
    if (lock != null && SHELL.canExecute()) {
      // exec keeps the pid: the child we watch is redis-server itself, created files are owner-only.
      command.addAll(List.of(SHELL.getPath(), "-c", "umask 077 && exec \"$0\" \"$@\""));
    }
    command.add(executable.getAbsolutePath());
    if (lock != null) command.add(lock.config().toAbsolutePath().toString()); // must come first
    command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
        "--dir", dataDir.toAbsolutePath().toString(), "--appendonly", "yes",
        "--appendfsync", fsync.name().toLowerCase(), "--save", "", "--daemonize", "no"));
    if (maxMemoryMb > 0) command.addAll(List.of("--maxmemory", maxMemoryMb + "mb", "--maxmemory-policy", "noeviction"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    awaitReady(process, port, lock == null ? null : lock.password());
    LOG.info("embedded redis-server (" + executable + ") started on 127.0.0.1:" + port + " with data in " + dataDir
        + " (appendfsync " + fsync.name().toLowerCase() + (lock == null ? ", open" : ", password-protected")
        + (maxMemoryMb > 0 ? ", maxmemory " + maxMemoryMb + " MiB noeviction" : "") + ")");
    return new RedisLauncher(process, port, dataDir, lock == null ? null : lock.password());
  }

  public int port() {
    return port;
  }

  /** The redis-server child process. */
  ProcessHandle process() {
    return process.toHandle();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Its address, with the password when it has one: never log it (RedisUrl.redact). */
  public String url() {
    if (password == null) return "redis://127.0.0.1:" + port;
    return "redis://:" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@127.0.0.1:" + port;
  }

  /** Stops Redis cleanly (SIGTERM: Redis fsyncs the append-only file and exits) and waits for it. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      LOG.warning("redis-server on port " + port + " did not stop within 30 s; killing it");
      kill();
    }
  }

  /** Kills Redis with SIGKILL, as a crash would (used by the durability tests). */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** redis-server from PATH, else the bundled one. */
  static File executable() throws IOException {
    try {
      return ExecutableProvider.newExecutableInPath("redis-server").get();
    } catch (IOException notOnPath) {
      LOG.warning("pad=- client=- no redis-server on PATH: using the one bundled in the embedded-redis jar "
          + "(Redis 6.2, no longer maintained); install your system's redis-server (apt install redis-server)");
      return bundledExecutable();
    }
  }

  /** The redis-server shipped in the embedded-redis jar, unpacked to a temporary file. */
  static File bundledExecutable() throws IOException {
    return ExecutableProvider.newJarResourceProvider().get();
  }

  /** {@code password} (may be null) is blanked out of the server's last lines quoted on failure (a bad config line is quoted). */
  private static void awaitReady(Process process, int port, String password) throws IOException {
    CountDownLatch ready = new CountDownLatch(1);
    Deque<String> lastLines = new ArrayDeque<>();
    Thread reader = new Thread(() -> drain(process, ready, lastLines), "redis-server-" + port);
    reader.setDaemon(true);
    reader.start();
    try {
      if (!ready.await(START_TIMEOUT_S, TimeUnit.SECONDS) || !process.isAlive()) {
        process.destroyForcibly();
        synchronized (lastLines) {
          String output = String.join(" | ", lastLines);
          if (password != null && !password.isEmpty()) output = output.replace(password, "***");
          throw new IOException("redis-server did not start on port " + port + ": " + output);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting redis-server", e);
    }
  }

  /** Reads the server's output for its whole life, so its pipe never fills and blocks it. */
  private static void drain(Process process, CountDownLatch ready, Deque<String> lastLines) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lastLines) {
          lastLines.addLast(line);
          if (lastLines.size() > 8) lastLines.removeFirst();
        }
        if (line.contains("Ready to accept connections")) ready.countDown();
      }
    } catch (IOException e) {
      // The process ended: nothing more to read.
    } finally {
      ready.countDown();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
