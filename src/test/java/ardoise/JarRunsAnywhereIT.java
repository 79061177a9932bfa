package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import ardoise.testing.ProjectVersion;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator runs it: {@code java -jar …/target/ardoise.jar} in an empty
 * directory, far from the checkout, with a settings file and a templates directory of its own.
 * Every page, script, WebJar and bundled template must come from the jar; the embedded redis-server
 * it starts must stop with it. Run by failsafe after {@code package} (mvn verify), on the jar built once.
 */
@Tag("process")
class JarRunsAnywhereIT {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  @TempDir Path root;
  // Kept in a field: the client must outlive each call.
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path jar() {
    Path jar = Path.of(System.getProperty("ardoise.jar", "target/ardoise.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), jar + " is built by mvn package (this test runs in mvn verify, after it)");
    return jar;
  }

  private ProcessBuilder java(Path workDir, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    // Only what the test says: an ARDOISE_* variable of the shell running the tests must not leak in.
    pb.environment().keySet().removeIf(k -> k.startsWith("ARDOISE_"));
    return pb;
  }

  /** Runs a command that ends by itself; returns its exit code and output. */
  private String[] runToEnd(Path workDir, String... args) throws Exception {
    Process p = java(workDir, args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar " + String.join(" ", args) + " ends");
    return new String[] {Integer.toString(p.exitValue()), out};
  }

  @Test
  void theJarCarriesItsLicenceNoticesAndVersion() throws Exception {
    try (JarFile jar = new JarFile(jar().toFile())) {
      assertEquals(ProjectVersion.ofPom(), jar.getManifest().getMainAttributes().getValue("Implementation-Version"));
      assertEquals("ardoise.App", jar.getManifest().getMainAttributes().getValue("Main-Class"));
      assertTrue(entry(jar, "META-INF/LICENSE").contains("Version 2.0, January 2004"), "Ardoise's own licence, not a dependency's");
      assertTrue(entry(jar, "META-INF/THIRD-PARTY.md").contains("| `io.vertx:vertx-core` |"));
      assertTrue(entry(jar, "META-INF/NOTICE").contains("Apache PDFBox"), "the bundled components' NOTICE files, merged");
      assertTrue(entry(jar, "META-INF/services/io.vertx.core.spi.VertxServiceProvider")
          .contains("io.vertx.micrometer.MicrometerMetricsFactory"), "Vert.x finds its metrics through this service file");
    }
  }

  private static String entry(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertTrue(entry != null, name + " is in the jar");
    try (var in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void versionAndHelpAnswerWithoutStartingAServer() throws Exception {
    Path work = Files.createDirectories(root.resolve("run"));
    String[] version = runToEnd(work, "--version");
    assertEquals("0", version[0]);
    assertEquals("Ardoise " + ProjectVersion.ofPom(), version[1].strip());
    String[] help = runToEnd(work, "--help");
    assertEquals("0", help[0]);
    assertTrue(help[1].startsWith("Usage: java -jar ardoise.jar [--config FILE]"), help[1]);
    String[] missing = runToEnd(work, "--config", "nowhere.json");
    assertEquals("2", missing[0], "a settings file that is not there stops the start: " + missing[1]);
    assertTrue(missing[1].contains("--config names no file: " + work.resolve("nowhere.json")), missing[1]);
    assertEquals(List.of(), list(work), "nothing was started, nothing written");
  }

  @Test
  void servesEveryPageFromTheJarInAnEmptyDirectoryAndStopsItsRedis() throws Exception {
    Path work = Files.createDirectories(root.resolve("run"));
    assertEquals(List.of(), list(work), "the working directory holds no file of the checkout");
    int port = freePort();
    Path settings = Files.writeString(root.resolve("settings.json"), "{\"port\": " + port + ", \"host\": \"127.0.0.1\"}");
    Path templates = Files.createDirectories(root.resolve("our-templates"));
    Files.writeString(templates.resolve("agenda.fr.md"), "# Ordre du jour\n\n1. Accueil\n");
    Running running = start(work, port, Map.of("ARDOISE_TEMPLATES_DIR", templates.toString()), "--config", settings.toString());
    try {
      checkPagesAndModules(port);
      checkTemplates(port);
      assertEquals(List.of("data"), list(work), "only the data directory is written beside the jar's run");
    } finally {
      running.stop();
    }
  }

  /**
   * On a machine without redis-server, the jar runs the one embedded-redis ships (unpacked from
   * the jar). Its PATH has only {@code uname}, which embedded-redis asks for the platform.
   */
  @Test
  void runsTheRedisBundledInTheJarWhenNoneIsInstalled() throws Exception {
    Path work = Files.createDirectories(root.resolve("bare"));
    Path bin = Files.createDirectories(root.resolve("bin-without-redis"));
    Files.createSymbolicLink(bin.resolve("uname"), onPath("uname"));
    int port = freePort();
    Running running = start(work, port, Map.of("PATH", bin.toString(), "ARDOISE_PORT", Integer.toString(port),
        "ARDOISE_HOST", "127.0.0.1"));
    try {
      assertTrue(read(running.log()).contains("no redis-server on PATH: using the one bundled"), read(running.log()));
      String redisExe = running.redis().info().command().orElse("");
      assertTrue(redisExe.contains("redis-server-") && !redisExe.startsWith("/usr/"), "the bundled binary runs: " + redisExe);
      padFromTemplate(port, "sans-redis-installe", "minutes", "en", "# Meeting minutes"); // written and read back through it
    } finally {
      running.stop();
    }
  }

  /** A server started from the jar, its redis-server, its log. */
  private record Running(Process server, ProcessHandle redis, Path work, Path log) {
    /** SIGTERM, the graceful stop, which stops redis-server too: no orphan is left. */
    void stop() throws Exception {
      server.destroy();
      boolean stopped = server.waitFor(60, TimeUnit.SECONDS);
      if (!stopped) server.destroyForcibly();
      boolean redisGone = redis.onExit().completeOnTimeout(redis, 30, TimeUnit.SECONDS).get() != null && !redis.isAlive();
      if (!redisGone) redis.destroyForcibly();
      assertTrue(stopped, "the server stops on SIGTERM: " + read(log));
      assertTrue(redisGone, "no orphan redis-server " + redis.pid() + " after the server stopped: " + read(log));
      assertFalse(Files.exists(work.resolve("data").resolve("redis-server.pid")), "the pid file goes with the redis-server");
    }
  }

  /** Starts the jar in {@code work} with {@code env} added, waits until it is ready and finds its redis-server. */
  private Running start(Path work, int port, Map<String, String> env, String... args) throws Exception {
    Path log = root.resolve(work.getFileName() + ".log");
    ProcessBuilder pb = java(work, args);
    pb.environment().putAll(env);
    Process server = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      Eventually.until("the jar's server is ready (see " + log + ")", () -> {
        if (!server.isAlive()) throw new IllegalStateException("the server exited with " + server.exitValue() + ": " + read(log));
        return status(port, "/health/ready") == 200;
      });
      // The data directory's pid file says "redisPid ownerPid" (the processes' names say little: Debian's
      // redis-server is a link to redis-check-rdb, and Redis rewrites its command line).
      String[] pids = Files.readString(work.resolve("data").resolve("redis-server.pid")).trim().split("\\s+");
      assertEquals(Long.toString(server.pid()), pids[1], "the jar owns the data directory's redis-server");
      long redisPid = Long.parseLong(pids[0]);
      ProcessHandle redis = server.descendants().filter(p -> p.pid() == redisPid).findFirst()
          .orElseThrow(() -> new AssertionError("the embedded redis-server " + redisPid + " runs as the jar's child"));
      return new Running(server, redis, work, log);
    } catch (Exception | AssertionError e) {
      server.descendants().forEach(ProcessHandle::destroyForcibly);
      server.destroyForcibly();
      throw e;
    }
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) return candidate;
    }
    throw new AssertionError(program + " is not on the PATH");
  }

  private void checkPagesAndModules(int port) throws Exception {
    HttpResponse<String> home = get(port, "/");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("<span id=\"app-version\">" + ProjectVersion.ofPom() + "</span>"), home.body());
    String pad = page(port, "/p/atelier-du-jar");
    page(port, "/p/atelier-du-jar/projector");
    page(port, "/p/atelier-du-jar/history");
    assertEquals(ProjectVersion.ofPom(), new JsonObject(get(port, "/health").body()).getString("version"));
    String metrics = get(port, "/metrics").body();
    assertTrue(metrics.contains("ardoise_clients_connected"), "metrics found through the jar's service files: " + metrics);
    for (String path : List.of("/js/home.js", "/js/pad-main.js", "/css/ardoise.css", "/i18n/fr.json")) {
      assertEquals(200, get(port, path).statusCode(), path);
    }
    Matcher webjar = Pattern.compile("\"(/webjars/codemirror__view/[^\"]+\\.js)\"").matcher(pad);
    assertTrue(webjar.find(), "the pad page's import map names CodeMirror's view module");
    HttpResponse<String> module = get(port, webjar.group(1));
    assertEquals(200, module.statusCode(), webjar.group(1));
    assertTrue(module.headers().firstValue("Content-Type").orElse("").contains("javascript"), module.headers().toString());
    assertTrue(module.body().contains("class EditorView"), "the WebJar's own code");
  }

  /** The bundled templates and the operator's, listed and turned into pads (written through the embedded Redis). */
  private void checkTemplates(int port) throws Exception {
    String french = get(port, "/api/templates?lang=fr").body();
    assertTrue(french.contains("\"id\":\"minutes\"") && french.contains("\"id\":\"agenda\""), french);
    String english = get(port, "/api/templates?lang=en").body();
    assertTrue(english.contains("\"title\":\"Meeting minutes\""), "the bundled English template: " + english);
    padFromTemplate(port, "depuis-minutes", "minutes", "en", "# Meeting minutes");
    padFromTemplate(port, "depuis-agenda", "agenda", "fr", "# Ordre du jour");
  }

  /** Makes {@code pad} from a template (a write through the store) and reads its text back. */
  private void padFromTemplate(int port, String pad, String template, String lang, String expectedStart) throws Exception {
    String body = "{\"template\":\"" + template + "\",\"lang\":\"" + lang
        + "\",\"authorSecret\":\"jar-test-0123456789\",\"name\":\"Zoë\",\"color\":\"#d55e00\"}";
    HttpResponse<String> made = http.send(HttpRequest.newBuilder(url(port, "/api/pads/" + pad + "/from-template"))
        .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, made.statusCode(), made.body());
    String text = get(port, "/p/" + pad + "/export/txt").body();
    assertTrue(text.startsWith(expectedStart), text);
  }

  private String page(int port, String path) throws Exception {
    HttpResponse<String> page = get(port, path);
    assertEquals(200, page.statusCode(), path);
    assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
    assertTrue(page.body().startsWith("<!DOCTYPE html>"), path + ": " + page.body());
    return page.body();
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(port, path)).timeout(REQUEST_TIMEOUT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int status(int port, String path) {
    try {
      return get(port, path).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static URI url(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
