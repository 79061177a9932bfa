package ardoise.testing;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programs the tests run besides Java: Chromium and chromedriver (browser tests), Node.js (the
 * JavaScript core) and redis-server with redis-cli (the container's integration test; the other
 * tests fall back to embedded-redis's binary). Each is an override (system property, else
 * environment variable, e.g. {@code -Dardoise.chromium=…} or {@code ARDOISE_CHROMIUM=…}), else the
 * first of its names found on PATH.
 *
 * <p>Also the build's first step: Maven's validate phase runs this file as a source-file program
 * ({@code java TestTools.java fast|full}) before anything is compiled, so a machine that lacks a
 * program stops within seconds with one line naming the command that installs everything, instead of
 * dozens of failed tests minutes later. Hence java.* imports only.
 */
public final class TestTools {
  /** What one command installs on Debian and Ubuntu (fonts: emoji in the browser tests' screenshots). */
  public static final String INSTALL =
      "sudo apt-get install -y chromium chromium-driver nodejs redis-server fonts-noto-color-emoji";
  /** The oldest Node.js whose test runner the JavaScript core's tests use. */
  public static final int NODE_MAJOR = 18;

  /** A program the tests run: its override's name and the names it goes by on PATH. */
  public enum Tool {
    CHROMIUM("ardoise.chromium", "ARDOISE_CHROMIUM", "chromium", "chromium-browser", "google-chrome",
        "google-chrome-stable", "chrome"),
    CHROMEDRIVER("ardoise.chromedriver", "ARDOISE_CHROMEDRIVER", "chromedriver"),
    NODE("ardoise.node", "ARDOISE_NODE", "node", "nodejs"),
    REDIS_SERVER("ardoise.redis-server", "ARDOISE_REDIS_SERVER", "redis-server"),
    REDIS_CLI("ardoise.redis-cli", "ARDOISE_REDIS_CLI", "redis-cli");

    final String property;
    final String variable;
    final List<String> names;

    Tool(String property, String variable, String... names) {
      this.property = property;
      this.variable = variable;
      this.names = List.of(names);
    }

    /** What the tests of a tier run: the fast tier needs Node only (JavaScriptCoreTest). */
    static List<Tool> neededBy(String tier) {
      return tier.equals("fast") ? List.of(NODE) : List.of(values());
    }
  }

  private TestTools() {}

  public static Path chromium() {
    return require(Tool.CHROMIUM);
  }

  public static Path chromedriver() {
    return require(Tool.CHROMEDRIVER);
  }

  public static Path node() {
    return require(Tool.NODE);
  }

  public static Path redisServer() {
    return require(Tool.REDIS_SERVER);
  }

  public static Path redisCli() {
    return require(Tool.REDIS_CLI);
  }

  private static Path require(Tool tool) {
    return find(tool, System::getProperty, System.getenv()).orElseThrow(() -> new IllegalStateException(
        "the tests need " + tool.names.get(0) + " (on PATH, or " + tool.variable + "=/path/to/it): " + INSTALL));
  }

  /**
   * The override if set (an override that is not an executable file finds nothing: a typo must not
   * silently fall back to another program), else the first executable of the tool's names on PATH.
   */
  static Optional<Path> find(Tool tool, Function<String, String> properties, Map<String, String> env) {
    String override = properties.apply(tool.property);
    if (override == null || override.isBlank()) override = env.get(tool.variable);
    if (override != null && !override.isBlank()) {
      Path file = Path.of(override.trim());
      return Files.isRegularFile(file) && Files.isExecutable(file) ? Optional.of(file) : Optional.empty();
    }
    String path = env.getOrDefault("PATH", "");
    for (String name : tool.names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) continue;
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The programs a tier ("fast" or "full") runs that are missing (or too old); empty when none is. */
  static List<Tool> missing(String tier, Function<String, String> properties, Map<String, String> env) {
    List<Tool> missing = new ArrayList<>();
    for (Tool tool : Tool.neededBy(tier)) {
      Optional<Path> found = find(tool, properties, env);
      if (found.isEmpty() || tool == Tool.NODE && nodeMajor(found.get()) < NODE_MAJOR) missing.add(tool);
    }
    return missing;
  }

  /** The one line the build stops with: what is missing, the command that installs it, the other ways out. */
  static String message(String tier, List<Tool> missing) {
    boolean fast = tier.equals("fast");
    return "Ardoise's tests need " + String.join(", ", missing.stream().map(t -> t.names.get(0)
            + (t == Tool.NODE ? " (Node.js " + NODE_MAJOR + "+)" : "")).toList())
        + ", not found on PATH: on Debian/Ubuntu run `" + (fast ? "sudo apt-get install -y nodejs" : INSTALL) + "`"
        + (fast ? "" : ", or run the fast tier only, which needs Node.js alone: mvn -B test -Pfast")
        + ". Elsewhere name each program's path with " + String.join(", ", missing.stream().map(t -> t.variable).toList())
        + "; mvn -DskipTests builds without them.";
  }

  /** The major version `node --version` prints; 0 if it prints none. */
  public static int nodeMajor(Path node) {
    try {
      Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
      Matcher m = Pattern.compile("^v(\\d+)\\.").matcher(version);
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (Exception e) {
      return 0;
    }
  }

  /**
   * {@code java TestTools.java TIER [SKIP…]}: exits 1 with one line on stderr when a program TIER's
   * tests run is missing; does nothing when a SKIP is "true" (mvn -DskipTests, -Dmaven.test.skip).
   */
  public static void main(String[] args) {
    String tier = args.length > 0 ? args[0] : "full";
    if (List.of(args).subList(Math.min(1, args.length), args.length).contains("true")) return;
    List<Tool> missing = missing(tier, System::getProperty, System.getenv());
    if (missing.isEmpty()) return;
    System.err.println(message(tier, missing));
    System.exit(1);
  }
}
