package ardoise.pad;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A pad's edit password, kept as a slow salted hash: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in base64url), PBKDF2-HMAC-SHA256 from the JDK. Why slow: a copy of the store must
 * not give away the short passwords people choose for a workshop; each guess costs 100,000 HMAC
 * rounds of CPU. Why on a worker thread: for the same reason, {@link #of} and {@link #matches}
 * block; callers run them with {@code executeBlocking}, never on an event loop.
 * The password itself is never stored, logged nor kept after the check.
 */
public final class PasswordHash {
  /**
   * Why 100,000: OWASP asks more for PBKDF2-HMAC-SHA256, but a check runs for every join with a
   * password, on the server's small worker pool; 268 ms a check was measured on a loaded 2-core
   * machine (docs/security.md). The count is stored with each hash, so it can be raised later.
   */
  public static final int ITERATIONS = 100_000;
  /** Shortest and longest password accepted (UTF-16 code units). */
  public static final int MIN_LENGTH = 4;
  public static final int MAX_LENGTH = 128;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** The stored form of {@code password}, with a fresh random salt. Blocks: call on a worker. */
  public static String of(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, ITERATIONS));
  }

  /** Whether {@code password} is the one {@code stored} was made from; false for a malformed one. Blocks: call on a worker. */
  public static boolean matches(String password, String stored) {
    if (password == null || stored == null) return false;
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) return false;
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getUrlDecoder().decode(parts[2]);
      byte[] expected = Base64.getUrlDecoder().decode(parts[3]);
      // Constant time: the comparison must not tell how much of a guess was right.
      return iterations > 0 && MessageDigest.isEqual(expected, derive(password, salt, iterations));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether a password has an acceptable length. */
  public static boolean acceptable(String password) {
    return password != null && password.length() >= MIN_LENGTH && password.length() <= MAX_LENGTH;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
