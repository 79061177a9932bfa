package ardoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every UI string key used by the pages (data-i18n* attributes) and scripts (literal
 * {@code i18n.t('key')} calls) exists in both webroot/i18n/fr.json and en.json, and the two files
 * hold the same keys: no page, projector and read-only view included, shows a raw key.
 */
class I18nKeysTest {
  private static final Path WEBROOT = Path.of("webroot");
  private static final Pattern MARKUP = Pattern.compile("data-i18n(?:-placeholder|-title|-aria-label)?=\"([^\"]+)\"");
  private static final Pattern SCRIPT = Pattern.compile("\\bt\\(\\s*['\"]([A-Za-z0-9_.]+)['\"]");

  @SuppressWarnings("unchecked")
  private static Map<String, String> strings(String lang) throws IOException {
    return new ObjectMapper().readValue(WEBROOT.resolve("i18n/" + lang + ".json").toFile(), Map.class);
  }

  private static List<String> usedKeys() throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(WEBROOT)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".html") && !name.endsWith(".js")) continue;
        Matcher m = (name.endsWith(".html") ? MARKUP : SCRIPT).matcher(Files.readString(f));
        while (m.find()) keys.add(m.group(1));
      }
    }
    return keys;
  }

  @Test
  void bothLanguagesHaveTheSameKeys() throws IOException {
    assertEquals(new TreeSet<>(strings("fr").keySet()), new TreeSet<>(strings("en").keySet()));
  }

  @Test
  void everyKeyThePagesUseExistsInBothLanguages() throws IOException {
    List<String> used = usedKeys();
    for (ardoise.http.export.ExportFormat f : ardoise.http.export.ExportFormat.values()) used.add("export." + f.extension());
    assertTrue(used.containsAll(List.of("projector.join", "read.badge", "share.copy")), "the scan finds the new pages: " + used);
    for (String lang : List.of("fr", "en")) {
      Map<String, String> s = strings(lang);
      List<String> missing = used.stream()
          .filter(k -> !s.containsKey(k) && !(s.containsKey(k + ".one") && s.containsKey(k + ".other")))
          .distinct().toList();
      assertEquals(List.of(), missing, lang + ".json misses keys");
    }
  }

  /**
   * French puts a space before : ; ? ! » and after «; it must be a no-break space (U+00A0), or a
   * narrow screen (a phone, the projector's side panel) may start a line with the sign alone.
   */
  @Test
  void frenchPunctuationNeverStartsALine() throws IOException {
    List<String> loose = strings("fr").entrySet().stream()
        .filter(e -> LOOSE_FRENCH_SPACE.matcher(e.getValue()).find())
        .map(Map.Entry::getKey).toList();
    assertEquals(List.of(), loose, "fr.json: a plain space before : ; ? ! » or after «");
  }

  /** A breakable space where French wants a no-break one. */
  private static final Pattern LOOSE_FRENCH_SPACE = Pattern.compile("[ \\t\\n][:;?!»]|«[ \\t\\n]");
}
