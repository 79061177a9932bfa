package ardoise.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PadNameTest {
  @Test
  void acceptsLettersOfAnyScriptDigitsDashUnderscore() throws Exception {
    assertEquals("atelier-mardi_2", PadName.fromPath("atelier-mardi_2"));
    assertEquals("réunion", PadName.fromPath("r%C3%A9union"));
    assertEquals("réunion", PadName.fromPath("re%CC%81union")); // NFD becomes NFC
    assertEquals("совещание", PadName.validate("совещание"));
    assertEquals("会議", PadName.validate("会議"));
    assertEquals("हिन्दी", PadName.validate("हिन्दी"));
    assertEquals("x".repeat(64), PadName.validate("x".repeat(64)));
  }

  @Test
  void refusesEverythingElse() {
    for (String raw : new String[] {"", "a%2Fb", "a/b", "a.b", "..", "%00", "a%0Ab", "a b", "a+b", "%", "%zz", "%C3", "<b>", "x".repeat(65), "😀"}) {
      assertThrows(PadName.InvalidException.class, () -> PadName.fromPath(raw), raw);
    }
  }

  @Test
  void suggestionsAreValidNames() throws Exception {
    NameSuggestions names = new NameSuggestions(new Random(7));
    for (int i = 0; i < 100; i++) {
      String n = names.next();
      assertTrue(n.matches("[a-z]+-[a-z]+-[a-z2-9]{4}"), n);
      assertEquals(n, PadName.validate(n));
    }
  }
}
