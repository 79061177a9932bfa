package ardoise.durability;

import ardoise.testing.Eventually;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Ardoise server as a child JVM ({@code java -cp <test classpath> ardoise.App}), so a test can
 * kill it with SIGKILL ({@link #kill()}) or SIGTERM ({@link #terminate()}) like an operator or a
 * crash would. Its output goes to a log file under target/ for post-mortems.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts a server on {@code port} with {@code env} added to ours and waits until /health answers. */
  static ServerProcess start(int port, Map<String, String> env, String logName) throws IOException {
    Path logDir = Path.of("target", "durability-logs");
    Files.createDirectories(logDir);
    Path log = logDir.resolve(logName + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "ardoise.App");
    // Only what the test says: an ARDOISE_* variable of the shell running the tests must not leak in.
    pb.environment().keySet().removeIf(k -> k.startsWith("ARDOISE_"));
    pb.environment().put("ARDOISE_PORT", Integer.toString(port));
    pb.environment().put("ARDOISE_HOST", "127.0.0.1");
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    ServerProcess server = new ServerProcess(pb.start(), port, log);
    server.awaitHealth();
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  int port() { return port; }

  /** Polls /health until it answers (any status): the server listens and has wired its routes. */
  private void awaitHealth() throws IOException {
    try {
      Eventually.until("the server answers /health (see " + log + ")", () -> {
        if (!process.isAlive()) throw new IllegalStateException("server exited with " + process.exitValue() + ", see " + log);
        return healthStatus() > 0;
      });
    } catch (RuntimeException | AssertionError e) {
      process.destroyForcibly(); // a test that never got its server cannot stop it
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The HTTP status of GET /health, or 0 if nothing answers. */
  int healthStatus() {
    return Health.status(port);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the graceful shutdown path; returns the exit code. */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("server ignored SIGTERM for 60 s, see " + log);
    }
    return process.exitValue();
  }

  String logText() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) kill();
  }

  /** Plain blocking HTTP GETs of /health for test threads. */
  static final class Health {
    private Health() {}

    static int status(int port) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
            .openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(5000);
        int code = c.getResponseCode();
        c.disconnect();
        return code;
      } catch (IOException e) {
        return 0;
      }
    }

    static String body(int port) throws IOException {
      HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
          .openConnection();
      c.setReadTimeout(5000);
      var in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
      try (in) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
  }
}
