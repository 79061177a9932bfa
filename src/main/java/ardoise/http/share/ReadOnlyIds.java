package ardoise.http.share;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Read-only ids: 22 URL-safe characters from 16 bytes of {@link SecureRandom} (128 bits), never
 * derived from the pad name, so knowing a read-only link tells nothing of the pad's edit link.
 * Thread rule: safe from any thread (SecureRandom is thread-safe).
 */
public final class ReadOnlyIds {
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  private final SecureRandom random = new SecureRandom();

  /** A fresh candidate id. */
  public String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code raw} (a URL segment) could be a read-only id; anything else is refused unread. */
  public static boolean hasShape(String raw) {
    return raw != null && SHAPE.matcher(raw).matches();
  }
}
