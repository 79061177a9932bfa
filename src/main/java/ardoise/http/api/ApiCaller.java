package ardoise.http.api;

import ardoise.config.ApiKeys;
import ardoise.config.ApiKeys.ApiKey;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The API key a request presents, as {@code Authorization: Bearer <secret>} only: a header is never
 * in an address, so a page cannot make a browser send it by loading a link. Matched in constant
 * time ({@link ApiKeys#match}).
 */
public final class ApiCaller {
  private ApiCaller() {}

  /** The key of the request's bearer secret; empty without one, or for a secret no key has. */
  public static Optional<ApiKey> from(RoutingContext ctx, ApiKeys keys) {
    return keys.match(bearer(ctx));
  }

  /** The bearer secret of the request, or null. */
  static String bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    String secret = header.substring(7).strip();
    return secret.isEmpty() ? null : secret;
  }
}
