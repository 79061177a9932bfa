package ardoise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheCommittedFile() {
    Config fromFile = Config.load(Path.of("conf", "config.json"), Map.of());
    assertEquals(Config.defaults(), fromFile);
    assertEquals(9000, fromFile.port());
    assertEquals(262144, fromFile.maxMessageBytes());
    assertEquals(1048576, fromFile.maxPadChars());
    assertNull(fromFile.publicUrl());
    assertEquals(32, fromFile.redisPoolSize());
    assertEquals(0, fromFile.eventLoops());
    assertEquals(Runtime.getRuntime().availableProcessors(), fromFile.eventLoopCount(), "0 means one per processor");
    assertEquals(3, Config.fromValues(Map.of("ARDOISE_EVENT_LOOPS", "3")).eventLoopCount());
  }

  @Test
  void everySettingIsInTheCommittedFileAndTheReadmeWithItsDefault() throws Exception {
    com.fasterxml.jackson.databind.JsonNode file = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(Path.of("conf", "config.json").toFile());
    String readme = Files.readString(Path.of("README.md"));
    for (Setting s : Setting.values()) {
      assertTrue(file.has(s.key), "conf/config.json lists " + s.key);
      String committed = file.get(s.key).isNull() ? "" : file.get(s.key).asText();
      assertEquals(s.defaultValue, committed, "conf/config.json holds the default of " + s.key);
      String row = "| `" + s.env + "` | `" + s.key + "` | ";
      assertTrue(readme.contains(row), "README.md has a row for " + s.env);
      String defaultCell = readme.substring(readme.indexOf(row) + row.length()).split("\\|", 2)[0].strip();
      assertTrue(s.defaultValue.isEmpty() ? defaultCell.equals("unset") : defaultCell.startsWith("`" + s.defaultValue + "`"),
          "README.md gives the default of " + s.env + ": " + defaultCell);
    }
    assertEquals(Setting.values().length, file.size(), "conf/config.json has no other keys");
  }

  @Test
  void environmentOverridesTheFile() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"port\": 8000, \"opsPerSecond\": 10}");
    Config c = Config.load(file, Map.of("ARDOISE_PORT", "8100", "ARDOISE_PUBLIC_URL", "HTTPS://Pad.Example.org:443/x", "PATH", "/bin"));
    assertEquals(8100, c.port());
    assertEquals(10, c.opsPerSecond());
    assertEquals("https://pad.example.org", c.publicUrl());
  }

  @Test
  void badValuesFailFastNamingTheSetting() throws Exception {
    assertMessage("ARDOISE_PORT", Map.of("ARDOISE_PORT", "neuf mille"));
    assertMessage("ARDOISE_PORT", Map.of("ARDOISE_PORT", "70000"));
    assertMessage("ARDOISE_MAX_PAD_CHARS", Map.of("ARDOISE_MAX_PAD_CHARS", "0"));
    assertMessage("ARDOISE_PUBLIC_URL", Map.of("ARDOISE_PUBLIC_URL", "ftp://x"));
    assertMessage("ARDOISE_REDIS_URL", Map.of("ARDOISE_REDIS_URL", "localhost:6379"));
    assertMessage("ARDOISE_REDIS_POOL_SIZE", Map.of("ARDOISE_REDIS_POOL_SIZE", "0"));
    assertMessage("ARDOISE_EVENT_LOOPS", Map.of("ARDOISE_EVENT_LOOPS", "-1"));
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"prot\": 1}");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
    assertTrue(e.getMessage().contains("unknown setting \"prot\""), e.getMessage());
  }

  /** A server with a maximum lifetime promises deletion: its default can be neither "forever" nor above it. */
  @Test
  void theDefaultLifetimeStaysWithinTheMaximum() {
    assertMessage("ARDOISE_RETENTION_DAYS", Map.of("ARDOISE_RETENTION_DAYS", "0"));
    assertMessage("ARDOISE_RETENTION_DAYS", Map.of("ARDOISE_RETENTION_DAYS", "400", "ARDOISE_MAX_RETENTION_DAYS", "365"));
    assertEquals(0, Config.fromValues(Map.of("ARDOISE_RETENTION_DAYS", "0", "ARDOISE_MAX_RETENTION_DAYS", "0"))
        .integer(Setting.RETENTION_DAYS));
    assertEquals(30, Config.fromValues(Map.of("ARDOISE_RETENTION_DAYS", "30")).integer(Setting.RETENTION_DAYS));
  }

  /** The message is printed when the server refuses to start: a secret typed wrong is not quoted back. */
  @Test
  void aMistypedSecretIsNotQuotedInTheError() throws Exception {
    Path file = dir.resolve("unquoted.json");
    Files.writeString(file, "{\"metricsToken\": jeton0123456789abcdef}");
    ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file, Map.of()));
    assertFalse(e.getMessage().contains("jeton0123456789abcdef"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1, column"), e.getMessage());
    ConfigException url = assertThrows(ConfigException.class,
        () -> Config.fromValues(Map.of("ARDOISE_REDIS_URL", "redis:/:mot-de-passe@10.0.0.5:6379")));
    assertFalse(url.getMessage().contains("mot-de-passe"), url.getMessage());
  }

  private static void assertMessage(String name, Map<String, String> env) {
    ConfigException e = assertThrows(ConfigException.class, () -> Config.fromValues(env));
    assertTrue(e.getMessage().startsWith(name), e.getMessage());
  }
}
