package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.md names every component the jar bundles, with its version and licence: the runtime
 * dependencies Maven resolved for this build (target/runtime-dependencies.txt, written by
 * maven-dependency-plugin in generate-resources) and every font file shipped. A dependency added or
 * upgraded without its line fails here, and so does a line left for one that is gone.
 */
class ThirdPartyNoticeTest {
  private static final Path RESOLVED = Path.of("target", "runtime-dependencies.txt");
  // "   io.vertx:vertx-core:jar:5.2.3:compile -- module …"
  private static final Pattern RESOLVED_LINE = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar:(?:[\\w.-]+:)?([\\w.-]+):(compile|runtime)\\b");
  // "| `io.vertx:vertx-core` | 5.2.3 | Apache-2.0 OR EPL-2.0 | … |"
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([\\w.-]+:[\\w.-]+)` \\| ([^|]+?) \\| ([^|]*?) \\|");

  @Test
  void everyRuntimeDependencyIsListedWithItsVersionAndLicence() throws IOException {
    Map<String, String> resolved = resolvedRuntimeDependencies();
    assertTrue(resolved.size() > 20, "the resolved list looks complete: " + resolved.keySet());
    Map<String, String[]> listed = listedComponents();
    List<String> problems = new ArrayList<>();
    resolved.forEach((component, version) -> {
      String[] row = listed.get(component);
      if (row == null) problems.add(component + " " + version + " is bundled but not in THIRD-PARTY.md");
      else if (!row[0].equals(version)) problems.add(component + " is " + version + ", THIRD-PARTY.md says " + row[0]);
      else if (row[1].isBlank()) problems.add(component + " has no licence in THIRD-PARTY.md");
    });
    listed.keySet().stream().filter(c -> !resolved.containsKey(c))
        .forEach(c -> problems.add(c + " is in THIRD-PARTY.md but no longer bundled"));
    assertEquals(List.of(), problems);
  }

  @Test
  void everyShippedFontIsListed() throws IOException {
    String notice = Files.readString(Path.of("THIRD-PARTY.md"));
    List<String> fonts = new ArrayList<>();
    for (Path root : List.of(Path.of("src", "main", "resources"), Path.of("webroot"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files.map(p -> p.getFileName().toString()).filter(n -> n.matches("(?i).+\\.(ttf|otf|woff2?)")).forEach(fonts::add);
      }
    }
    assertTrue(fonts.contains("DejaVuSans.ttf"), "the walk finds the PDF fonts: " + fonts);
    assertEquals(List.of(), fonts.stream().filter(f -> !notice.contains(f)).toList(), "fonts missing from THIRD-PARTY.md");
  }

  @Test
  void theLicenceIsTheFullApacheLicence() throws IOException {
    String licence = Files.readString(Path.of("LICENSE"));
    assertTrue(licence.contains("Apache License") && licence.contains("Version 2.0, January 2004"), "Apache-2.0 header");
    assertTrue(licence.contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION")
        && licence.contains("END OF TERMS AND CONDITIONS"), "the full terms, not a pointer to them");
  }

  private static Map<String, String> resolvedRuntimeDependencies() throws IOException {
    assertTrue(Files.exists(RESOLVED), RESOLVED + " is written by the build (mvn generate-resources or later)");
    Map<String, String> resolved = new TreeMap<>();
    for (String line : Files.readAllLines(RESOLVED)) {
      Matcher m = RESOLVED_LINE.matcher(line);
      if (m.find()) resolved.put(m.group(1) + ":" + m.group(2), m.group(3));
    }
    return resolved;
  }

  /** component → {version, licence} from the libraries table. */
  private static Map<String, String[]> listedComponents() throws IOException {
    Map<String, String[]> listed = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("THIRD-PARTY.md"))) {
      Matcher m = TABLE_ROW.matcher(line);
      if (m.find()) listed.put(m.group(1), new String[] {m.group(2).strip(), m.group(3).strip()});
    }
    return listed;
  }
}
