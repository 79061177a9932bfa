package ardoise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.TestTools.Tool;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's first step, run as Maven runs it ({@code java TestTools.java TIER SKIP SKIP}) on a
 * machine without the tests' programs: one line naming the install command, exit status 1; and where
 * the tests look for Chromium, chromedriver and Node (overrides first, then PATH, never /usr/bin by name).
 */
class TestToolsTest {
  private static final Path SOURCE = Path.of("src/test/java/ardoise/testing/TestTools.java");
  @TempDir Path dir;

  @Test
  void theFullBuildStopsWithOneLineNamingTheInstallCommandAndTheFastTier() throws Exception {
    Result result = check(Map.of(), "full", "false", "false");
    assertEquals(1, result.exit, result.toString());
    assertEquals(1, result.stderr.size(), "one line: " + result);
    String line = result.stderr.get(0);
    assertTrue(line.contains("`" + TestTools.INSTALL + "`"), line);
    assertTrue(line.contains("mvn -B test -Pfast"), line);
    for (String name : List.of("chromium", "chromedriver", "node", "redis-server", "redis-cli")) {
      assertTrue(line.contains(name), name + " named in: " + line);
    }
    assertTrue(result.stdout.isEmpty(), result.toString());
  }

  @Test
  void theFastTierAsksForNodeOnly() throws Exception {
    Result missing = check(Map.of(), "fast", "false", "false");
    assertEquals(1, missing.exit, missing.toString());
    assertEquals(1, missing.stderr.size(), missing.toString());
    assertTrue(missing.stderr.get(0).contains("`sudo apt-get install -y nodejs`"), missing.toString());
    assertFalse(missing.stderr.get(0).contains("chromium"), missing.toString());

    Result withNode = check(Map.of("ARDOISE_NODE", TestTools.node().toString()), "fast", "false", "false");
    assertEquals(0, withNode.exit, withNode.toString());
    assertTrue(withNode.stderr.isEmpty(), withNode.toString());
  }

  @Test
  void skippingTheTestsSkipsTheCheck() throws Exception {
    assertEquals(0, check(Map.of(), "full", "true", "false").exit);
    assertEquals(0, check(Map.of(), "full", "false", "true").exit);
  }

  @Test
  void programsAreFoundOnPathByAnyOfTheirNamesInTheirOrder() throws IOException {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Path chrome = executable(first.resolve("google-chrome"));
    Path chromiumBrowser = executable(second.resolve("chromium-browser"));
    Files.writeString(first.resolve("chromium"), "not executable");
    Map<String, String> env = Map.of("PATH", first + File.pathSeparator + second);
    assertEquals(Optional.of(chromiumBrowser), TestTools.find(Tool.CHROMIUM, p -> null, env));
    Files.delete(chromiumBrowser);
    assertEquals(Optional.of(chrome), TestTools.find(Tool.CHROMIUM, p -> null, env));
    assertEquals(Optional.empty(), TestTools.find(Tool.CHROMEDRIVER, p -> null, env));
  }

  @Test
  void anOverrideWinsAndAWrongOneFindsNothing() throws IOException {
    Path onPath = executable(dir.resolve("chromedriver"));
    Path mine = executable(Files.createDirectories(dir.resolve("mine")).resolve("my-driver"));
    Map<String, String> env = Map.of("PATH", dir.toString(), "ARDOISE_CHROMEDRIVER", mine.toString());
    assertEquals(Optional.of(mine), TestTools.find(Tool.CHROMEDRIVER, p -> null, env));
    Path property = executable(dir.resolve("from-property"));
    assertEquals(Optional.of(property),
        TestTools.find(Tool.CHROMEDRIVER, p -> p.equals("ardoise.chromedriver") ? property.toString() : null, env));
    Map<String, String> typo = Map.of("PATH", dir.toString(), "ARDOISE_CHROMEDRIVER", dir.resolve("nope").toString());
    assertEquals(Optional.empty(), TestTools.find(Tool.CHROMEDRIVER, p -> null, typo), "no silent fallback to " + onPath);
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** Runs the check with PATH an empty directory, no ARDOISE_* variable but those given. */
  private Result check(Map<String, String> variables, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SOURCE.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(name -> name.startsWith("ARDOISE_"));
    pb.environment().put("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString());
    pb.environment().putAll(variables);
    pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
    Process process = pb.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the check ends");
    return new Result(process.exitValue(), lines("out.txt"), lines("err.txt"));
  }

  private List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
  }

  private record Result(int exit, List<String> stdout, List<String> stderr) {}
}
