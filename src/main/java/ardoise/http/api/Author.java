package ardoise.http.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Who writes through the API: the caller's declared {@code name} (shown in the pad as an API author)
 * and an {@code authorId} derived on the server from the key's name and the declared name, so the
 * same program writing as the same name keeps one colour and one line in the contributors, and no
 * caller can write under a browser's id (those derive from a different domain, see
 * protocol/ClientSecrets).
 */
public record Author(String name, String authorId) {
  /** The longest declared name, in code points. */
  public static final int MAX_NAME = 48;

  /**
   * The author a caller declares: {@code keyName} (the API key's name, or null without a key) and
   * {@code declaredName} (null or blank: the key's name, else "API"). Throws {@link ApiFailure}
   * BAD_REQUEST for a name too long or with control characters.
   */
  public static Author of(String keyName, String declaredName) {
    String name = declaredName == null || declaredName.isBlank() ? (keyName == null ? "API" : keyName) : declaredName.strip();
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
      throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, "the author name must be 1 to " + MAX_NAME + " printable characters");
    }
    return new Author(name, derive(keyName == null ? "" : keyName, name));
  }

  /** The name members see: the declared name marked as written through the API. */
  public String shownName() {
    return name + " (API)";
  }

  private static String derive(String keyName, String name) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("ardoise api author\0" + keyName + "\0" + name).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
