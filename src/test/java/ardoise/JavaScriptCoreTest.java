package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ardoise.testing.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the browser core's tests (src/test/js/*.test.mjs: algebra, shared vectors, pad names, client
 * state machine, pad session, network simulation) with Node's built-in runner, so {@code mvn verify}
 * covers the JavaScript too.
 * Node is the one {@link TestTools} finds (on PATH, or ARDOISE_NODE). Without Node.js this test fails:
 * a skipped JavaScript suite would let the two cores drift apart.
 * {@code -Dot.seed=N} and {@code -Dot.cases=N} reach the JavaScript tests as ARDOISE_SEED / ARDOISE_CASES.
 */
class JavaScriptCoreTest {
  private static final String NEED_NODE =
      "Node.js 18+ is required to run the JavaScript core tests (on PATH, or ARDOISE_NODE=/path/to/node): "
          + TestTools.INSTALL;
  private static final Pattern PASS = Pattern.compile("^# pass (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FAIL = Pattern.compile("^# fail (\\d+)$", Pattern.MULTILINE);
  private static final Pattern SKIPPED = Pattern.compile("^# (?:skipped|todo) ([1-9]\\d*)$", Pattern.MULTILINE);

  @Test
  void javaScriptCoreTestsPass() throws IOException, InterruptedException {
    Path node = TestTools.node();
    int major = TestTools.nodeMajor(node);
    if (major < TestTools.NODE_MAJOR) fail(NEED_NODE + " (found " + node + ", version " + major + ")");
    Path base = Path.of("").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(node.toString(), "--test", "--test-reporter=tap"));
    command.addAll(testFiles(base.resolve("src/test/js")));
    ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
    forward(builder.environment(), "ot.seed", "ARDOISE_SEED");
    forward(builder.environment(), "ot.cases", "ARDOISE_CASES");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    System.out.println(output);
    assertEquals(0, count(FAIL, output), "JavaScript tests failed:\n" + output);
    assertEquals(0, exit, "node --test exited with " + exit + ":\n" + output);
    assertTrue(count(PASS, output) > 0, "no JavaScript test ran:\n" + output);
    assertFalse(SKIPPED.matcher(output).find(), "skipped or todo JavaScript tests are not allowed:\n" + output);
  }

  /** Explicit file names: Node 18, 20 and 22 disagree on how a directory argument is searched. */
  private static List<String> testFiles(Path dir) throws IOException {
    assertTrue(Files.isDirectory(dir), "missing " + dir + " (run Maven from the project directory)");
    try (Stream<Path> files = Files.walk(dir)) {
      List<String> names = files.filter(p -> p.getFileName().toString().endsWith(".test.mjs"))
          .map(Path::toString).sorted().toList();
      assertFalse(names.isEmpty(), "no *.test.mjs file under " + dir);
      return names;
    }
  }

  private static void forward(Map<String, String> environment, String property, String variable) {
    String value = System.getProperty(property);
    if (value != null && !value.isBlank()) environment.put(variable, value.trim());
  }

  private static int count(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }
}
