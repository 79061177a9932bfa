package ardoise.http;

import io.vertx.ext.web.RoutingContext;

/** Values read from a request's raw path and query: path segments, revisions, the reader's language. */
final class RequestValues {
  private RequestValues() {}

  /** The raw (still percent-encoded) path split on '/', without the leading empty segment. */
  static String[] segments(RoutingContext ctx) {
    String path = ctx.request().path();
    return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
  }

  /** Segment {@code index} of the raw path, or null. */
  static String segment(RoutingContext ctx, int index) {
    String[] segments = segments(ctx);
    return index < segments.length ? segments[index] : null;
  }

  /** A revision query parameter: null when absent; -1 when not a non-negative integer. */
  static Long rev(String value) {
    if (value == null || value.isEmpty()) return null;
    if (value.length() > 18 || !value.chars().allMatch(Character::isDigit)) return -1L;
    return Long.parseLong(value);
  }

  /** "en" or "fr": the lang parameter, else the first Accept-Language, else French. */
  static String language(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if (asked == null) asked = ctx.request().getHeader("Accept-Language");
    return asked != null && asked.strip().toLowerCase().startsWith("en") ? "en" : "fr";
  }
}
