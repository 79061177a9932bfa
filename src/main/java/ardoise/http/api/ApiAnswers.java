package ardoise.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * How {@code /api/v1} answers: JSON, never cached; an error is {@code {"error": code, "message": …}}
 * with its status (docs/api.md lists the codes), {@code Retry-After} for a quota, and
 * {@code WWW-Authenticate} for a missing or unknown key.
 */
final class ApiAnswers {
  /** Codes of refusals made by the routes themselves (the operations' are {@link ApiFailure.Kind}). */
  static final String UNAUTHORIZED = "unauthorized";
  static final String FORBIDDEN = "forbidden";
  static final String NOT_FOUND = "not-found";
  static final String KEY_IN_URL = "key-in-url";
  static final String UNSUPPORTED_CONTENT_TYPE = "unsupported-content-type";
  static final String TOO_MANY_MISSES = "too-many-misses";

  private ApiAnswers() {}

  static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }

  static void error(RoutingContext ctx, int status, String code, String message) {
    if (status == 401) ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"ardoise-api\"");
    json(ctx, status, new JsonObject().put("error", code).put("message", message));
  }

  static void failure(RoutingContext ctx, Throwable failure) {
    ApiFailure f = PadLookup.of("-", failure);
    if (f.retryAfterSeconds() > 0) ctx.response().putHeader("Retry-After", Long.toString(f.retryAfterSeconds()));
    JsonObject body = new JsonObject().put("error", f.kind().code()).put("message", f.getMessage());
    if (f.retryAfterSeconds() > 0) body.put("retryAfter", f.retryAfterSeconds());
    json(ctx, f.kind().status(), body);
  }
}
