package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OT core stays pure Java: it imports only java.*, its own package and java-diff-utils (a pure
 * Java library without dependencies, for {@code TextDiff}), never Vert.x or Jackson.
 */
class OtPurityTest {
  private static final Path OT = Path.of("src", "main", "java", "ardoise", "ot");
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+(\\.\\*)?)\\s*;",
      Pattern.MULTILINE);

  @Test
  void otImportsOnlyJava() throws IOException {
    List<String> offending = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.list(OT)) {
      for (Path file : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        offending.addAll(badImports(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    assertTrue(files >= 5, "expected the ot sources under " + OT.toAbsolutePath() + ", found " + files);
    assertEquals(List.of(), offending, "ardoise.ot must import java.* and com.github.difflib.* only");
  }

  @Test
  void theCheckCatchesForeignImports() {
    String source = "package ardoise.ot;\nimport java.util.List;\nimport ardoise.ot.Component.Insert;\n"
        + "import io.vertx.core.json.JsonArray;\nimport static com.fasterxml.jackson.Foo.bar;\n";
    assertEquals(List.of("X.java: io.vertx.core.json.JsonArray", "X.java: com.fasterxml.jackson.Foo.bar"),
        badImports("X.java", source));
  }

  static List<String> badImports(String fileName, String source) {
    List<String> bad = new ArrayList<>();
    Matcher m = IMPORT.matcher(source);
    while (m.find()) {
      String name = m.group(2);
      if (!name.startsWith("java.") && !name.startsWith("ardoise.ot.") && !name.startsWith("com.github.difflib.")) bad.add(fileName + ": " + name);
    }
    return bad;
  }
}
