package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import ardoise.testing.TestTools;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container, without a container engine: the Dockerfile's ENTRYPOINT command line, with the
 * environment of the Dockerfile and compose.yaml, run from an empty directory as an unprivileged user
 * (nobody, when the tests run as root) against a redis-server started with compose.yaml's Redis
 * configuration (password, AOF, fsync always). The HEALTHCHECK command turns healthy, a pad written
 * through the server lands in Redis's AOF, SIGTERM ends it within Docker's 10 s, and every line it
 * printed is a log record in the documented one-line format (no stray warning of a logging library).
 * Differences from the container, by necessity: ports are free ones instead of 9000 and 6379, the
 * data directory is a temporary one, the Java is this test's ({@code -Dcontainer.java} names another).
 */
class ContainerEntrypointIT {
  @TempDir Path root;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theEntrypointWithComposesSettingsServesFromRedisAndStopsWithinTenSeconds() throws Exception {
    String password = ContainerFilesTest.PASSWORD.get("ARDOISE_REDIS_PASSWORD");
    Path redisDir = open(Files.createDirectories(root.resolve("redis-data")));
    int redisPort = freePort();
    Process redis = startRedis(redisDir, redisPort);
    Process server = null;
    try {
      Map<String, String> env = new HashMap<>(ContainerFiles.runtimeEnv());
      env.putAll(ContainerFiles.environment(ContainerFiles.compose(ContainerFilesTest.PASSWORD).path("services").path("ardoise")));
      int port = freePort();
      env.put("ARDOISE_PORT", Integer.toString(port));
      env.put("ARDOISE_HOST", "127.0.0.1");
      env.put("ARDOISE_REDIS_URL", env.get("ARDOISE_REDIS_URL").replace("@redis:6379/", "@127.0.0.1:" + redisPort + "/"));
      env.put("ARDOISE_DATA_DIR", open(Files.createDirectories(root.resolve("var-lib-ardoise"))).toString());
      Path work = open(Files.createDirectories(root.resolve("empty")));

      assertEquals(1, run(command(ContainerFiles.healthCheck()), env, work), "unhealthy before the server runs");
      Path log = root.resolve("ardoise.log");
      ProcessBuilder pb = new ProcessBuilder(command(ContainerFiles.entrypoint())).directory(work.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("ARDOISE_"));
      pb.environment().putAll(env);
      server = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Process running = server;
      List<String> healthCheck = command(ContainerFiles.healthCheck());
      Eventually.until("the HEALTHCHECK command says healthy (see " + log + ")", () -> {
        if (!running.isAlive()) throw new IllegalStateException("exited with " + running.exitValue() + ", see " + log);
        return unchecked(() -> run(healthCheck, env, work)) == 0;
      });
      String user = server.descendants().map(p -> p.info().user().orElse("")).filter(u -> !u.isEmpty()).findFirst()
          .orElse(server.info().user().orElse("?"));
      assertFalse(user.equals("root"), "the server runs as " + user);

      HttpResponse<String> written = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/pads/conteneur/import?name=C"))
          .header("Content-Type", "text/plain").header("Ardoise-Author-Secret", "container-0123456789ab")
          .POST(HttpRequest.BodyPublishers.ofString("Relevé de décisions")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, written.statusCode(), written.body());
      assertTrue(aof(redisDir).contains("conteneur"), "the pad is in Redis's append-only file");
      assertTrue(redisCli(redisPort, null, "PING").contains("NOAUTH"), "Redis asks for the password");

      long start = System.nanoTime();
      server.destroy();
      assertTrue(server.waitFor(10, TimeUnit.SECONDS), "SIGTERM ends the server within Docker's 10 s: " + Files.readString(log));
      System.out.println("container entrypoint: SIGTERM to exit " + (System.nanoTime() - start) / 1_000_000 + " ms, user " + user);
      List<String> lines = Files.readAllLines(log);
      assertFalse(lines.isEmpty());
      for (String line : lines) {
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO|WARNING|SEVERE) [\\w.$]+: .*"),
            "one line per record, in the documented format, no stray warning: " + line);
      }
    } finally {
      if (server != null) {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
      }
      redis.destroy();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** redis-server with compose.yaml's configuration; only its directory and port differ. */
  private Process startRedis(Path dir, int port) throws Exception {
    List<String> conf = new ArrayList<>();
    for (String line : ContainerFilesTest.redisConf(ContainerFiles.compose(ContainerFilesTest.PASSWORD))) {
      conf.add(line.startsWith("dir ") ? "dir " + dir : line);
    }
    conf.addAll(List.of("port " + port, "bind 127.0.0.1", "save \"\""));
    Path file = Files.write(root.resolve("redis.conf"), conf);
    Process redis = new ProcessBuilder(TestTools.redisServer().toString(), file.toString()).redirectErrorStream(true)
        .redirectOutput(root.resolve("redis.log").toFile()).start();
    String password = ContainerFilesTest.PASSWORD.get("ARDOISE_REDIS_PASSWORD");
    Eventually.until("redis-server answers", () -> unchecked(() -> redisCli(port, password, "PING")).contains("PONG"));
    return redis;
  }

  private static <T> T unchecked(java.util.concurrent.Callable<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String redisCli(int port, String password, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(TestTools.redisCli().toString(), "-p", Integer.toString(port)));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (password != null) pb.environment().put("REDISCLI_AUTH", password);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  private static String aof(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().contains(".aof")).toList()) {
        all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  /** The image's command here: this Java, the built jar, as nobody when the tests run as root. */
  private static List<String> command(List<String> imageCommand) {
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    String java = System.getProperty("container.java", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String jar = Path.of(System.getProperty("ardoise.jar", "target/ardoise.jar")).toAbsolutePath().toString();
    for (String part : imageCommand) {
      cmd.add(part.equals("java") ? java : part.endsWith("/ardoise.jar") ? jar : part);
    }
    return cmd;
  }

  private static int run(List<String> command, Map<String, String> env, Path work) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeIf(k -> k.startsWith("ARDOISE_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  /** Writable by the unprivileged user too (the temporary directories belong to the test's user). */
  private Path open(Path dir) throws IOException {
    for (Path p = dir; p != null && p.startsWith(root.getParent()); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
