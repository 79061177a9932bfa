package ardoise.http;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A shared secret presented as {@code Authorization: Bearer <token>} (the metrics and operator
 * tokens). Compared in constant time: the comparison must not tell how much of a guess was right.
 */
public final class BearerToken {
  private final byte[] expected;

  public BearerToken(String token) {
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the request carries this token. */
  public boolean presentIn(HttpServerRequest request) {
    String given = request.getHeader("Authorization");
    return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8));
  }
}
