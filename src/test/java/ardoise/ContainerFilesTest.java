package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.Config;
import ardoise.config.Setting;
import ardoise.server.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the Dockerfile and compose.yaml promise, checked without a container engine: a Maven build
 * stage and a Java 21+ runtime, a short-pause collector, a user that is not root, a health check
 * that asks /health/ready through the jar's own probe, settings that Ardoise knows, and a Redis
 * with AOF fsynced on every write, a password and a volume.
 */
class ContainerFilesTest {
  static final Map<String, String> PASSWORD = Map.of("ARDOISE_REDIS_PASSWORD", "0123456789abcdef0123456789abcdef");

  @Test
  void theImageBuildsWithMavenAndRunsOnJava21OrNewerWithAShortPauseCollector() throws Exception {
    List<String> from = ContainerFiles.instruction("FROM");
    assertEquals(2, from.size(), "two stages: " + from);
    assertTrue(from.get(0).startsWith("maven:") && from.get(0).endsWith(" AS build"), from.get(0));
    Matcher runtime = Pattern.compile("eclipse-temurin:(\\d+)-jre").matcher(from.get(1));
    assertTrue(runtime.matches(), "a JRE, not a JDK: " + from.get(1));
    assertTrue(Integer.parseInt(runtime.group(1)) >= 21, from.get(1));
    assertTrue(ContainerFiles.instruction("RUN").stream().anyMatch(r -> r.contains("mvn -B -q package")));

    List<String> entrypoint = ContainerFiles.entrypoint();
    assertEquals("java", entrypoint.get(0));
    assertTrue(entrypoint.contains("-XX:+UseZGC"), "generational ZGC (the only ZGC mode from Java 23 on): " + entrypoint);
    String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
    assertTrue(ContainerFiles.instruction("COPY").contains("--from=build /src/target/ardoise.jar " + jar));
    assertEquals(jar, entrypoint.get(entrypoint.size() - 1), "no argument after the jar: settings come from ARDOISE_*");

    String user = ContainerFiles.instruction("USER").get(0);
    assertTrue(!user.startsWith("root") && !user.startsWith("0"), user);
    Map<String, String> env = ContainerFiles.runtimeEnv();
    assertEquals(env.get("ARDOISE_PORT"), ContainerFiles.instruction("EXPOSE").get(0));
    assertEquals(env.get("ARDOISE_DATA_DIR"), ContainerFiles.instruction("VOLUME").get(0));
    assertTrue(knownSettings().containsAll(env.keySet()), env.keySet() + " are settings");
  }

  @Test
  void theHealthCheckAsksReadinessThroughTheJarsOwnProbe() throws Exception {
    List<String> check = ContainerFiles.healthCheck();
    assertEquals("java", check.get(0));
    assertEquals(ContainerFiles.entrypoint().get(ContainerFiles.entrypoint().indexOf("-jar") + 1), check.get(check.indexOf("-jar") + 1));
    String[] args = check.subList(check.indexOf("-jar") + 2, check.size()).toArray(String[]::new);
    CommandLine probe = CommandLine.parse(args, ContainerFiles.runtimeEnv());
    assertEquals(CommandLine.Action.HEALTH_CHECK, probe.action());
    URI url = URI.create(probe.probeUrl());
    assertEquals("/health/ready", url.getPath());
    assertEquals(ContainerFiles.runtimeEnv().get("ARDOISE_PORT"), Integer.toString(url.getPort()));

    try (ServerFixture server = ServerFixture.start(Map.of())) {
      String same = "http://127.0.0.1:" + server.app.port() + url.getPath();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(0, HealthProbe.check(same, new PrintStream(out, true)), out.toString());
      assertTrue(out.toString().startsWith("200 {\"status\":\"ok\""), out.toString());
      assertEquals(1, HealthProbe.check("http://127.0.0.1:" + server.app.port() + "/health/nowhere", new PrintStream(out)));
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    assertEquals(1, HealthProbe.check("http://127.0.0.1:" + closed + "/health/ready", new PrintStream(new ByteArrayOutputStream())));
  }

  @Test
  void composeRunsArdoiseOnAPasswordedRedisWithAofFsyncedOnEveryWrite() throws Exception {
    JsonNode compose = ContainerFiles.compose(PASSWORD);
    JsonNode ardoise = compose.path("services").path("ardoise");
    JsonNode redis = compose.path("services").path("redis");
    Map<String, String> env = ContainerFiles.environment(ardoise);
    assertTrue(knownSettings().containsAll(env.keySet()), env.keySet() + " are settings");
    assertEquals("redis://:" + PASSWORD.get("ARDOISE_REDIS_PASSWORD") + "@redis:6379/0", env.get("ARDOISE_REDIS_URL"));
    Map<String, String> all = new HashMap<>(ContainerFiles.runtimeEnv());
    all.putAll(env);
    Config config = Config.fromValues(all); // Ardoise accepts every value
    assertEquals(env.get("ARDOISE_REDIS_URL"), config.redisUrl());
    assertEquals(ardoise.path("ports").get(0).asText().split(":")[1], Integer.toString(config.port()));
    assertEquals("service_healthy", ardoise.path("depends_on").path("redis").path("condition").asText());

    List<String> redisConf = redisConf(compose);
    assertTrue(redisConf.containsAll(List.of("appendonly yes", "appendfsync always", "dir /data",
        "requirepass " + PASSWORD.get("ARDOISE_REDIS_PASSWORD"))), redisConf.toString());
    String command = redis.path("command").toString();
    assertTrue(command.contains("/usr/local/etc/redis/redis.conf") && !command.contains("requirepass"),
        "the password is in the file, not on the command line: " + command);
    assertEquals("/usr/local/etc/redis/redis.conf", redis.path("configs").get(0).path("target").asText());
    String volume = redis.path("volumes").get(0).asText();
    assertTrue(volume.endsWith(":/data") && compose.path("volumes").has(volume.split(":")[0]), volume);
    assertNotEquals("", redis.path("healthcheck").path("test").toString());
  }

  @Test
  void theSystemdUnitIsSandboxedAndStopsWithinTenSeconds() throws Exception {
    Map<String, String> unit = new HashMap<>();
    Map<String, String> env = new HashMap<>();
    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("deploy", "ardoise.service"))) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("[")) continue;
      String[] kv = line.split("=", 2);
      if (kv[0].equals("Environment")) env.put(kv[1].split("=", 2)[0], kv[1].split("=", 2)[1]);
      else unit.put(kv[0], kv[1]);
    }
    assertEquals("yes", unit.get("DynamicUser"));
    assertEquals("strict", unit.get("ProtectSystem"));
    assertEquals("ardoise", unit.get("StateDirectory"));
    assertEquals("%S/ardoise", env.get("ARDOISE_DATA_DIR"), "the pads go to the state directory, the only writable one");
    assertEquals("mixed", unit.get("KillMode"), "SIGTERM to Ardoise alone: it stops its redis-server after the last commits");
    assertTrue(Integer.parseInt(unit.get("TimeoutStopSec")) <= 10);
    assertTrue(knownSettings().containsAll(env.keySet()), env.keySet() + " are settings");
    Config.fromValues(Map.of("ARDOISE_TRUSTED_PROXIES", env.get("ARDOISE_TRUSTED_PROXIES")));
    List<String> image = ContainerFiles.entrypoint();
    List<String> exec = List.of(unit.get("ExecStart").split(" "));
    assertEquals(image.subList(1, image.size()), exec.subList(1, exec.size()), "the same JVM options as the image");
  }

  @Test
  void theProxyExamplesPassWebSocketsAndSetTheForwardedHeaders() throws Exception {
    String nginx = java.nio.file.Files.readString(java.nio.file.Path.of("deploy", "nginx.conf"));
    for (String directive : List.of("proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;",
        "proxy_set_header X-Forwarded-Proto $scheme;", "proxy_set_header X-Forwarded-Host $http_host;",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_http_version 1.1;", "proxy_pass http://127.0.0.1:9000;")) {
      assertTrue(nginx.contains(directive), directive);
    }
    assertTrue(java.nio.file.Files.readString(java.nio.file.Path.of("deploy", "Caddyfile")).contains("reverse_proxy 127.0.0.1:9000"));
  }

  /** The Redis configuration compose.yaml hands the redis service, one directive a line. */
  static List<String> redisConf(JsonNode compose) {
    return Arrays.stream(compose.path("configs").path("redis_conf").path("content").asText().split("\n"))
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static Set<String> knownSettings() {
    return Arrays.stream(Setting.values()).map(s -> s.env).collect(Collectors.toSet());
  }
}
