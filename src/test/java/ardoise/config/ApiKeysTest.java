package ardoise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.config.ApiKeys.ApiKey;
import ardoise.config.ApiKeys.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private static final String ARCHIVE = "archive-secret-0123456789";
  private static final String MOODLE = "moodle-secret-0123456789";

  @Test
  void eachEntryIsANameAScopeAndASecretFoundOnlyByItsExactSecret() {
    ApiKeys keys = ApiKeys.parse(" archive:admin:" + ARCHIVE + " , moodle:WRITE:" + MOODLE + ",");
    assertEquals(List.of(new ApiKey("archive", Scope.ADMIN), new ApiKey("moodle", Scope.WRITE)), keys.keys());
    assertEquals(Optional.of(new ApiKey("moodle", Scope.WRITE)), keys.match(MOODLE));
    assertEquals(Optional.of(new ApiKey("archive", Scope.ADMIN)), keys.match(ARCHIVE));
    assertEquals(Optional.empty(), keys.match(MOODLE + "x"));
    assertEquals(Optional.empty(), keys.match(MOODLE.substring(1)));
    assertEquals(Optional.empty(), keys.match(""));
    assertEquals(Optional.empty(), keys.match(null));
  }

  @Test
  void aSecretMayHoldColons() {
    ApiKeys keys = ApiKeys.parse("bot:read:abc:def:0123456789abcdef");
    assertEquals(Optional.of(new ApiKey("bot", Scope.READ)), keys.match("abc:def:0123456789abcdef"));
  }

  @Test
  void scopesIncludeTheLowerOnes() {
    assertTrue(Scope.ADMIN.includes(Scope.WRITE));
    assertTrue(Scope.WRITE.includes(Scope.READ));
    assertTrue(Scope.READ.includes(Scope.READ));
    assertFalse(Scope.READ.includes(Scope.WRITE));
    assertFalse(Scope.WRITE.includes(Scope.ADMIN));
  }

  @Test
  void badEntriesAreNamedWithoutTheirSecret() {
    Map<String, String> expected = Map.of(
        "nocolon", "entry 1 is not name:scope:secret",
        "a b:read:" + ARCHIVE, "entry 1 has a bad name",
        "bot:root:" + ARCHIVE, "entry 1 (bot) has a bad scope",
        "bot:read:short", "entry 1 (bot) has a secret shorter than 16",
        "a:read:" + ARCHIVE + ",a:write:" + MOODLE, "entry 2 (a) repeats a name",
        "a:read:" + ARCHIVE + ",b:write:" + ARCHIVE, "entry 2 (b) repeats another key's secret");
    expected.forEach((value, message) -> {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(value));
      assertTrue(e.getMessage().startsWith(message), e.getMessage());
      assertFalse(e.getMessage().contains(ARCHIVE) || e.getMessage().contains(MOODLE), e.getMessage());
    });
  }

  @Test
  void theSettingIsEmptyByDefaultAndItsErrorsNameTheVariable() {
    assertTrue(Config.fromValues(Map.of()).apiKeys().isEmpty());
    Config config = Config.fromValues(Map.of("ARDOISE_API_KEYS", "archive:admin:" + ARCHIVE));
    assertEquals(List.of(new ApiKey("archive", Scope.ADMIN)), config.apiKeys().keys());
    assertFalse(config.toString().contains(ARCHIVE));
    ConfigException e = assertThrows(ConfigException.class, () -> Config.fromValues(Map.of("ARDOISE_API_KEYS", "archive:admin:short")));
    assertTrue(e.getMessage().startsWith("ARDOISE_API_KEYS must list"), e.getMessage());
  }
}
