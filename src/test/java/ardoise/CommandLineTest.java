package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of {@code java -jar ardoise.jar}: which settings file, --version, --help, mistakes named. */
class CommandLineTest {
  @TempDir Path dir;

  @Test
  void withoutArgumentsItRunsOnTheBundledSettings() {
    CommandLine c = CommandLine.parse(new String[0], Map.of());
    assertEquals(CommandLine.Action.RUN, c.action());
    assertNull(c.configFile());
  }

  @Test
  void theSettingsFileComesFromTheOptionElseTheVariable() throws Exception {
    Path mine = Files.writeString(dir.resolve("mine.json"), "{}");
    Path theirs = Files.writeString(dir.resolve("theirs.json"), "{}");
    Map<String, String> env = Map.of("ARDOISE_CONFIG", theirs.toString());
    assertEquals(theirs, CommandLine.parse(new String[0], env).configFile());
    assertEquals(mine, CommandLine.parse(new String[] {"--config", mine.toString()}, env).configFile());
  }

  @Test
  void aSettingsFileThatIsNotThereStopsTheStartWithItsName() {
    Path missing = dir.resolve("missing.json");
    IllegalArgumentException byOption = assertThrows(IllegalArgumentException.class,
        () -> CommandLine.parse(new String[] {"--config", missing.toString()}, Map.of()));
    assertEquals("--config names no file: " + missing.toAbsolutePath(), byOption.getMessage());
    IllegalArgumentException byVariable = assertThrows(IllegalArgumentException.class,
        () -> CommandLine.parse(new String[0], Map.of("ARDOISE_CONFIG", missing.toString())));
    assertEquals("ARDOISE_CONFIG names no file: " + missing.toAbsolutePath(), byVariable.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--config"}, Map.of()));
  }

  @Test
  void versionAndHelpNeedNoSettings() {
    Map<String, String> broken = Map.of("ARDOISE_CONFIG", dir.resolve("missing.json").toString());
    assertEquals(CommandLine.Action.VERSION, CommandLine.parse(new String[] {"--version"}, broken).action());
    assertEquals(CommandLine.Action.HELP, CommandLine.parse(new String[] {"--help"}, broken).action());
    assertEquals(CommandLine.Action.HELP, CommandLine.parse(new String[] {"--version", "--help"}, Map.of()).action());
    assertTrue(CommandLine.HELP.contains("--config FILE") && CommandLine.HELP.contains("ARDOISE_CONFIG"), CommandLine.HELP);
  }

  @Test
  void anUnknownArgumentIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CommandLine.parse(new String[] {"--port", "80"}, Map.of()));
    assertEquals("unknown argument '--port'", e.getMessage());
  }

  @Test
  void theHealthCheckAsksReadinessOnTheConfiguredPortOrTheGivenUrl() {
    Map<String, String> broken = Map.of("ARDOISE_CONFIG", dir.resolve("missing.json").toString(), "ARDOISE_PORT", "9123");
    CommandLine probe = CommandLine.parse(new String[] {"--health-check"}, broken);
    assertEquals(CommandLine.Action.HEALTH_CHECK, probe.action());
    assertEquals("http://127.0.0.1:9123/health/ready", probe.probeUrl());
    assertEquals("http://127.0.0.1:9000/health/ready", CommandLine.parse(new String[] {"--health-check"}, Map.of()).probeUrl());
    assertEquals("https://pad.example.org/health/ready",
        CommandLine.parse(new String[] {"--health-check", "https://pad.example.org/health/ready"}, Map.of()).probeUrl());
    assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--health-check", "pad.example.org"}, Map.of()));
  }
}
