package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Random;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PadNameTest {
  /** The table the browser's rule is tested against too (src/test/js/pad-names.test.mjs). */
  private static final Path NAMES = Path.of("src", "test", "resources", "pad-names.json");

  static Stream<Arguments> sharedNames() throws IOException {
    JsonNode rows = new ObjectMapper().readTree(NAMES.toFile());
    return StreamSupport.stream(rows.spliterator(), false)
        .map(row -> Arguments.of(row.get("name").asText(), row.get("valid").asBoolean(), row.get("why").asText()));
  }

  static Stream<Arguments> canonicalNames() throws IOException {
    JsonNode rows = new ObjectMapper().readTree(NAMES.toFile());
    return StreamSupport.stream(rows.spliterator(), false).filter(row -> row.get("valid").asBoolean())
        .map(row -> Arguments.of(row.get("name").asText(), row.get("canonical").asText(), row.get("why").asText()));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("canonicalNames")
  void storesEveryValidNameUnderTheTablesCanonicalForm(String name, String canonical, String why) throws Exception {
    String stored = PadName.canonical(PadName.validate(name));
    assertEquals(canonical, stored, why);
    assertEquals(stored, PadName.validate(stored), "the canonical form is itself a valid name: " + why);
    assertEquals(stored, PadName.canonical(stored), "canonical twice is canonical once: " + why);
  }

  @Test
  void spellingsOfOneNameMeetInOneCanonicalForm() throws Exception {
    for (String spelling : new String[] {"Réunion-Tours", "reunion-tours", "RÉUNION-TOURS", "re\u0301union-Tours", "réunion-tours"}) {
      assertEquals("reunion-tours", PadName.canonical(PadName.validate(spelling)), spelling);
    }
    assertEquals("bilan-soir-tw7f", PadName.canonical(PadName.fromPath("Bilan-Soir-TW7F")));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("sharedNames")
  void followsTheSharedTable(String name, boolean valid, String why) throws Exception {
    if (valid) {
      assertEquals(Normalizer.normalize(name, Normalizer.Form.NFC), PadName.validate(name), why);
    } else {
      assertThrows(PadName.InvalidException.class, () -> PadName.validate(name), why);
    }
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("sharedNames")
  void readsTheSameVerdictFromAPercentEncodedPath(String name, boolean valid, String why) throws Exception {
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(name)) return; // a lone surrogate has no UTF-8 form
    String path = percentEncode(name);
    if (valid) {
      assertEquals(Normalizer.normalize(name, Normalizer.Form.NFC), PadName.fromPath(path), why);
    } else {
      assertThrows(PadName.InvalidException.class, () -> PadName.fromPath(path), why);
    }
  }

  @Test
  void refusesBrokenEscapesAndKeepsPlusAsAPlus() {
    for (String raw : new String[] {"a%2Fb", "%00", "a%0Ab", "a+b", "%", "%zz", "%C3", "%ED%A0%80"}) {
      assertThrows(PadName.InvalidException.class, () -> PadName.fromPath(raw), raw);
    }
  }

  @Test
  void suggestionsAreValidNames() throws Exception {
    NameSuggestions names = new NameSuggestions(new Random(7));
    for (int i = 0; i < 100; i++) {
      String n = names.next();
      assertTrue(n.matches("[a-z]+-[a-z]+-[a-km-np-z2-9]{12}"), n);
      assertEquals(n, PadName.validate(n));
    }
  }

  private static String percentEncode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) out.append(String.format("%%%02X", b & 0xFF));
    return out.toString();
  }
}
