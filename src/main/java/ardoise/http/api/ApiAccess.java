package ardoise.http.api;

import ardoise.config.ApiKeys;
import ardoise.config.ApiKeys.ApiKey;
import ardoise.config.ApiKeys.Scope;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who calls {@code /api/v1} and what they may do (docs/api.md, "Keys and scopes"):
 * <ul>
 *   <li>an API key ({@code Authorization: Bearer <secret>}, ARDOISE_API_KEYS): its scope, read &lt; write &lt; admin;</li>
 *   <li>no key: what a browser may do knowing the pad's name, which here is reading it;</li>
 *   <li>a pad's owner token as the bearer: that pad's owner functions (deleting it).</li>
 * </ul>
 * A bearer secret that is neither a key nor the owner token gets 401; a key without the scope gets
 * 403. Secrets are never taken from the address: a parameter that looks like one gets 400
 * {@code key-in-url} (a link a page could make a browser load must never carry a credential).
 */
final class ApiAccess {
  /** Query parameters that carry credentials in other APIs (Etherpad's {@code apikey} among them). */
  private static final Set<String> SECRET_PARAMETERS = Set.of("apikey", "api_key", "key", "token", "access_token", "secret");
  static final String CALLER = "ardoise.api.caller";

  private final ApiKeys keys;

  ApiAccess(ApiKeys keys) {
    this.keys = keys;
  }

  /** First handler of every /api/v1 request: refuses credentials in the address, and notes the caller's key. */
  void identify(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        ApiAnswers.error(ctx, 400, ApiAnswers.KEY_IN_URL,
            "credentials are never accepted in the address; send Authorization: Bearer <key>");
        return;
      }
    }
    ApiCaller.from(ctx, keys).ifPresent(key -> ctx.put(CALLER, key));
    ctx.next();
  }

  /** The key of the request, if it presented a valid one. */
  static Optional<ApiKey> key(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(CALLER));
  }

  /**
   * Whether the request may go on with {@code needed} (null: no key needed); answers 401/403 and
   * returns false otherwise. A bearer that is no key counts as a wrong key here.
   */
  static boolean allows(RoutingContext ctx, Scope needed) {
    Optional<ApiKey> key = key(ctx);
    if (key.isEmpty() && ApiCaller.bearer(ctx) != null) {
      ApiAnswers.error(ctx, 401, ApiAnswers.UNAUTHORIZED, "this bearer secret is no API key of this server");
      return false;
    }
    if (needed == null) return true;
    if (key.isEmpty()) {
      ApiAnswers.error(ctx, 401, ApiAnswers.UNAUTHORIZED, "this needs an API key with the " + scopeName(needed)
          + " scope: Authorization: Bearer <key>");
      return false;
    }
    if (!key.get().scope().includes(needed)) {
      ApiAnswers.error(ctx, 403, ApiAnswers.FORBIDDEN, "this key's scope is " + scopeName(key.get().scope())
          + "; this needs " + scopeName(needed));
      return false;
    }
    return true;
  }

  /**
   * Whether the request may use {@code padId}'s owner functions: an admin key, or the pad's owner
   * token as the bearer ({@code isOwner}); answers 401/403 and completes with false otherwise.
   */
  static Future<Boolean> allowsOwner(RoutingContext ctx, String padId, Function<String, Future<Boolean>> isOwner) {
    Optional<ApiKey> key = key(ctx);
    if (key.isPresent()) return Future.succeededFuture(allows(ctx, Scope.ADMIN));
    String bearer = ApiCaller.bearer(ctx);
    if (bearer == null) {
      ApiAnswers.error(ctx, 401, ApiAnswers.UNAUTHORIZED, "this needs the pad's owner token or an admin key: Authorization: Bearer <token>");
      return Future.succeededFuture(false);
    }
    return isOwner.apply(padId).map(owner -> {
      if (!owner) ApiAnswers.error(ctx, 401, ApiAnswers.UNAUTHORIZED, "this bearer secret is neither an API key nor this pad's owner token");
      return owner;
    });
  }

  static String scopeName(Scope scope) {
    return scope.name().toLowerCase(Locale.ROOT);
  }
}
