package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The edit password's stored form, its check, and the budget of wrong passwords (no clock: times are given). */
class PasswordHashTest {
  @Test
  void aPasswordIsStoredSaltedAndSlowAndCheckedExactly() {
    String stored = PasswordHash.of("café-crème");
    String[] parts = stored.split("\\$");
    assertEquals("pbkdf2-sha256", parts[0]);
    assertTrue(Integer.parseInt(parts[1]) >= 100_000, stored);
    assertEquals(22, parts[2].length(), "16 bytes of salt");
    assertFalse(stored.contains("café"));
    assertNotEquals(stored, PasswordHash.of("café-crème"), "a fresh salt each time");
    assertTrue(PasswordHash.matches("café-crème", stored));
    assertFalse(PasswordHash.matches("cafe-creme", stored));
    assertFalse(PasswordHash.matches("café-crème ", stored));
    assertFalse(PasswordHash.matches("café-crème", "sha1$1$x$y"));
    assertFalse(PasswordHash.matches("café-crème", "pbkdf2-sha256$abc$%%$%%"));
    assertFalse(PasswordHash.acceptable("abc"));
    assertTrue(PasswordHash.acceptable("abcd"));
    assertFalse(PasswordHash.acceptable("x".repeat(129)));
  }

  @Test
  void wrongPasswordsSpendTheAddressesBudgetThenThePadsAndTheBudgetRefills() {
    PasswordTries tries = new PasswordTries(2);
    long t = 0;
    assertEquals(0, tries.retryAfterSeconds("a", t));
    tries.failed("a", t);
    tries.failed("a", t);
    assertEquals(30, tries.retryAfterSeconds("a", t), "one try back in 30 s at 2 a minute");
    assertEquals(0, tries.retryAfterSeconds("b", t), "another address has its own budget");
    assertEquals(0, tries.retryAfterSeconds("a", t + 30_000_000_000L));
    for (int i = 0; i < 10; i++) tries.failed("c" + i, t);
    assertEquals(5, tries.retryAfterSeconds("z", t), "12 a minute for the pad in all: one back in 5 s");
  }
}
