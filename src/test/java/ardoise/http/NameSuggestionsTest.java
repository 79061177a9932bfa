package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Suggested names cannot be guessed: the entropy is measured from the generator's own tables, and
 * 10,000 names from the real (SecureRandom) generator show the tail is used uniformly.
 */
class NameSuggestionsTest {
  private static final int SAMPLES = 10_000;

  /**
   * log2 of the number of equally likely names. Each table holds distinct entries and the parts are
   * joined by '-', which no word nor tail character holds, so every choice gives a different name.
   */
  static double entropyBits() {
    assertDistinct(NameSuggestions.NOUNS);
    assertDistinct(NameSuggestions.QUALIFIERS);
    assertDistinct(NameSuggestions.TAIL_CHARS.chars().mapToObj(c -> String.valueOf((char) c)).toArray(String[]::new));
    for (String w : NameSuggestions.NOUNS) assertTrue(w.indexOf('-') < 0, w);
    for (String w : NameSuggestions.QUALIFIERS) assertTrue(w.indexOf('-') < 0, w);
    return log2(NameSuggestions.NOUNS.length) + log2(NameSuggestions.QUALIFIERS.length)
        + NameSuggestions.TAIL_LENGTH * log2(NameSuggestions.TAIL_CHARS.length());
  }

  @Test
  void suggestedNamesCarryAtLeast64BitsOfRandomness() {
    double bits = entropyBits();
    System.out.printf("suggested names: %.1f bits (tail alone %.1f)%n", bits,
        NameSuggestions.TAIL_LENGTH * log2(NameSuggestions.TAIL_CHARS.length()));
    assertTrue(bits >= 64, "only " + bits + " bits");
  }

  @Test
  void tenThousandSuggestionsAreDistinctValidShortAndUseTheTailUniformly() throws Exception {
    NameSuggestions names = new NameSuggestions();
    Set<String> seen = new HashSet<>();
    Map<Character, Integer> counts = new HashMap<>();
    Set<String> nouns = Set.of(NameSuggestions.NOUNS);
    Set<String> qualifiers = Set.of(NameSuggestions.QUALIFIERS);
    for (int i = 0; i < SAMPLES; i++) {
      String name = names.next();
      assertTrue(seen.add(name), "suggested twice: " + name);
      assertEquals(name, PadName.validate(name));
      assertEquals(name, PadName.canonical(name), "a suggestion is stored under the name shown");
      assertTrue(name.length() <= 40, name);
      String[] parts = name.split("-");
      assertEquals(3, parts.length, name);
      assertTrue(nouns.contains(parts[0]) && qualifiers.contains(parts[1]), name);
      assertEquals(NameSuggestions.TAIL_LENGTH, parts[2].length(), name);
      for (char c : parts[2].toCharArray()) {
        assertTrue(NameSuggestions.TAIL_CHARS.indexOf(c) >= 0, name);
        counts.merge(c, 1, Integer::sum);
      }
    }
    int k = NameSuggestions.TAIL_CHARS.length();
    assertEquals(k, counts.size(), "every tail character appears");
    double expected = (double) SAMPLES * NameSuggestions.TAIL_LENGTH / k;
    double chiSquare = counts.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
    // 31 degrees of freedom: a fair generator exceeds 103.4 once in 10^9 runs; one character twice as
    // likely as the others gives about 3,600, and a byte taken modulo 31 (8 characters 1/8 likelier) about 190.
    System.out.printf("tail characters over %d names: chi-square %.1f (31 degrees of freedom)%n", SAMPLES, chiSquare);
    assertTrue(chiSquare < 103.4, "tail characters not uniform: chi-square " + chiSquare + " " + counts);
  }

  private static void assertDistinct(String[] table) {
    assertEquals(table.length, new HashSet<>(Arrays.asList(table)).size(), Arrays.toString(table));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
