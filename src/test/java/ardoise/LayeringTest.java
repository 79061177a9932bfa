package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dependency direction ot ← pad ← protocol ← http ← server ← App, checked on the import lines. */
class LayeringTest {

  private static List<String> violations(String pkg, String... forbiddenPrefixes) throws IOException {
    List<String> out = new ArrayList<>();
    Path dir = Path.of("src/main/java/ardoise", pkg);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.startsWith("import ")) continue;
          for (String prefix : forbiddenPrefixes) {
            if (line.startsWith("import " + prefix) || line.startsWith("import static " + prefix)) out.add(f + ": " + line);
          }
        }
      }
    }
    return out;
  }

  @Test
  void otImportsOnlyJava() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/ardoise/ot"))) {
      List<String> bad = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(f)) {
          if (line.startsWith("import ") && !line.startsWith("import java.") && !line.startsWith("import static java.")
              && !line.startsWith("import ardoise.ot.") && !line.startsWith("import static ardoise.ot.")
              && !line.startsWith("import com.github.difflib.")) { // java-diff-utils: pure Java, for TextDiff
            bad.add(f + ": " + line);
          }
        }
      }
      assertEquals(List.of(), bad);
    }
  }

  @Test
  void padSeesNoJsonSocketsOrOuterLayers() throws IOException {
    assertEquals(List.of(), violations("pad", "com.fasterxml", "io.vertx.core.http", "io.vertx.ext.web", "io.vertx.core.json",
        "ardoise.protocol", "ardoise.http", "ardoise.config", "ardoise.server", "ardoise.App"));
  }

  @Test
  void protocolDoesNotKnowHttpRoutes() throws IOException {
    assertEquals(List.of(), violations("protocol", "ardoise.http", "io.vertx.ext.web", "ardoise.config", "ardoise.server"));
  }

  @Test
  void onlyTheServerWiresTheParts() throws IOException {
    assertEquals(List.of(), violations("http", "ardoise.server", "ardoise.App"));
    assertEquals(List.of(), violations("history", "ardoise.pad", "ardoise.protocol", "ardoise.http", "ardoise.server", "io.vertx.ext.web"));
    assertEquals(List.of(), violations("store", "ardoise.pad", "ardoise.protocol", "ardoise.http", "ardoise.server", "ardoise.config"));
  }
}
