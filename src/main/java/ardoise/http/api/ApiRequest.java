package ardoise.http.api;

import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Reading a /api/v1 request: the pad of its path, its JSON body and fields, its query parameters,
 * and the author it writes as. A field of the wrong kind throws {@link ApiFailure} BAD_REQUEST
 * (answered by the route); a query parameter or body that cannot be read is answered 400 here, and
 * the reader returns null.
 */
final class ApiRequest {
  private ApiRequest() {}

  /** The pad named by the raw path, checked like a browser address's; BAD_REQUEST otherwise. */
  static String pad(RoutingContext ctx) {
    String[] segments = ctx.request().path().split("/");
    try {
      return ardoise.http.PadName.fromPath(segments[4]);
    } catch (ardoise.http.PadName.InvalidException e) {
      throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, e.getMessage());
    }
  }

  static Future<Author> author(RoutingContext ctx, JsonObject body) {
    try {
      return Future.succeededFuture(Author.of(ApiAccess.key(ctx).map(k -> k.name()).orElse(null), string(body, "authorName")));
    } catch (ApiFailure e) {
      return Future.failedFuture(e);
    }
  }

  /** The JSON object body, or null after a 400. */
  static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      if (body != null) return body;
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REQUEST.code(), "the body must be a JSON object");
    return null;
  }

  static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String) return (String) value;
    throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, field + " must be a string");
  }

  static Integer integer(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) return null;
    if (value instanceof Integer i) return i;
    throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, field + " must be a whole number");
  }

  static Long longValue(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) return null;
    if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
    throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, field + " must be a whole number");
  }

  /** The {@code rev} parameter; null when absent, or after a 400 when it is not a whole number from 0. */
  static Long revision(RoutingContext ctx) {
    String raw = ctx.queryParams().get("rev");
    if (raw == null) return null;
    if (raw.matches("[0-9]{1,18}")) return Long.parseLong(raw);
    ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REVISION.code(), "rev must be a whole number from 0");
    return null;
  }

  static Integer query(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null) return null;
    if (raw.matches("[0-9]{1,4}")) return Integer.parseInt(raw);
    ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REQUEST.code(), name + " must be a whole number from 1 to 1000");
    return null;
  }
}
