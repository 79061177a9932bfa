package ardoise.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One redis-server process of a test's cluster or sentinel group: the {@code redis-server} of
 * {@link TestTools}, on a free port of 127.0.0.1 and a data directory of its own, started with the
 * arguments given. It can be killed (SIGKILL), stopped and restarted on the same port and files.
 * {@link #cli} runs {@code redis-cli} against it. It is open or secured by a password and TLS
 * ({@link RedisAccess}). Blocking: call from a test thread.
 */
public final class RedisNode {
  private final int port;
  private final Path dir;
  private final List<String> args;
  private final RedisAccess access;
  /** The last lines the process wrote (a sentinel's events: promotions, epochs), for failure messages. */
  private final java.util.ArrayDeque<String> output = new java.util.ArrayDeque<>();
  private Process process;

  private RedisNode(int port, Path dir, List<String> args, RedisAccess access) {
    this.port = port;
    this.dir = dir;
    this.args = List.copyOf(args);
    this.access = access;
  }

  /** Starts an open redis-server with {@code args} (after port, bind and dir) and waits until it accepts connections. */
  public static RedisNode start(List<String> args) throws IOException {
    return start(args, RedisAccess.OPEN);
  }

  /**
   * Why several tries: the free port is found before redis-server binds it, and another process
   * (a client's ephemeral port) may take it meanwhile; a node that could not bind is started again
   * on another port.
   */
  public static RedisNode start(List<String> args, RedisAccess access) throws IOException {
    for (int attempt = 1; ; attempt++) {
      RedisNode node = new RedisNode(freePort(), Files.createTempDirectory("ardoise-redis-node-"), args, access);
      try {
        node.restart();
        return node;
      } catch (IOException e) {
        if (attempt == 3) throw e;
      }
    }
  }

  /**
   * A sentinel that watches {@code master}: {@code config} lines (its {@code sentinel monitor} line
   * first) are written to its own file (sentinels rewrite it).
   */
  public static RedisNode sentinel(List<String> config, RedisAccess access, String master) throws IOException {
    int port = freePort();
    Path dir = Files.createTempDirectory("ardoise-sentinel-");
    List<String> lines = new ArrayList<>(access.sentinelListen(port));
    lines.addAll(List.of("bind 127.0.0.1", "dir " + dir));
    lines.addAll(config);
    lines.addAll(access.sentinelAuth(master));
    Files.write(dir.resolve("sentinel.conf"), lines);
    RedisNode node = new RedisNode(port, dir, List.of(dir.resolve("sentinel.conf").toString(), "--sentinel"), access);
    node.restart();
    return node;
  }

  public int port() {
    return port;
  }

  /** The URL Ardoise takes for this node (with its password, {@code rediss} with TLS). */
  public String url() {
    return access.url(port);
  }

  public RedisAccess access() {
    return access;
  }

  /** The last lines (up to 200) the process wrote, over its restarts. */
  public String recentOutput() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** (Re)starts the process on the same port and files. */
  public void restart() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(TestTools.redisServer().toString());
    boolean sentinel = args.contains("--sentinel");
    if (sentinel) {
      command.addAll(args);
    } else {
      command.addAll(access.serverArgs(port));
      command.addAll(List.of("--bind", "127.0.0.1", "--dir", dir.toString(), "--daemonize", "no"));
      command.addAll(args);
    }
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch ready = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean listening = new java.util.concurrent.atomic.AtomicBoolean();
    List<String> last = new ArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (last) {
            last.add(line);
            if (last.size() > 10) last.remove(0);
          }
          synchronized (output) {
            output.add(line);
            if (output.size() > 200) output.removeFirst();
          }
          if (line.contains("Ready to accept connections") || line.contains("Sentinel ID is")) {
            listening.set(true);
            ready.countDown();
          }
        }
      } catch (IOException e) {
        // the process ended
      } finally {
        ready.countDown();
      }
    }, "redis-node-" + port);
    reader.setDaemon(true);
    reader.start();
    try {
      // Why the flag: the latch also opens when the output ends (a server that could not bind and
      // exits), possibly before the process is reaped and isAlive turns false.
      if (!ready.await(30, TimeUnit.SECONDS) || !listening.get() || !process.isAlive()) {
        process.destroyForcibly();
        synchronized (last) {
          throw new IOException("redis-server did not start on port " + port + ": " + String.join(" | ", last));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** SIGKILL, like a crash: no shutdown work, no final fsync. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM and wait; then the data directory is deleted. */
  public void close() throws InterruptedException, IOException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** {@code redis-cli -p port args…} (with this node's password and TLS flags), its output (errors included), trimmed. */
  public String cli(String... args) {
    return cli(port, access, args);
  }

  /** {@code redis-cli} against an open server on {@code port}. */
  public static String cli(int port, String... args) {
    return cli(port, RedisAccess.OPEN, args);
  }

  public static String cli(int port, RedisAccess access, String... args) {
    List<String> command = new ArrayList<>(List.of(TestTools.redisCli().toString(), "-h", "127.0.0.1", "-p",
        Integer.toString(port)));
    command.addAll(access.cliArgs());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out.strip();
    } catch (IOException e) {
      return "ERR " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ERR interrupted";
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
