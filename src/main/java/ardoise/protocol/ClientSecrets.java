package ardoise.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The public ids of a connection, derived from the secrets only its browser holds.
 *
 * <p>Why derived: every member and viewer sees a writer's clientId and authorId (presence, ops,
 * chat). Whoever could join with another tab's clientId would receive its acks and have its own op
 * deduplicated against the victim's seq, so the victim's text would be acknowledged but never
 * stored. A clientId is therefore the hash of a secret the joiner presents: knowing the id does not
 * let anyone present it. The same holds for the authorId a person's inserts are attributed to. No
 * server state is needed, so the binding survives restarts and holds across instances.
 */
public final class ClientSecrets {
  /** 22 base64url characters: 132 bits of the hash, the length of a random id. */
  private static final int ID_CHARS = 22;

  private ClientSecrets() {}

  /** The clientId of the connection holding {@code secret}. */
  public static String clientId(String secret) {
    return derive("ardoise client\0", secret);
  }

  /** The authorId of the person holding {@code authorSecret}. */
  public static String authorId(String authorSecret) {
    return derive("ardoise author\0", authorSecret);
  }

  private static String derive(String domain, String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha256.digest((domain + secret).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, ID_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
