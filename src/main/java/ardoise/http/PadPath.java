package ardoise.http;

import io.vertx.ext.web.RoutingContext;

/**
 * The pad named in a request path such as {@code /p/{pad}/export/pdf} or {@code /api/pads/{pad}/history},
 * read from the raw (still percent-encoded) path so {@link PadName} decodes it strictly, once.
 */
final class PadPath {
  private PadPath() {}

  /** The raw path split on '/', without the leading empty segment. */
  static String[] segments(RoutingContext ctx) {
    String path = ctx.request().path();
    return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
  }

  /** The valid pad name at segment {@code index}, or null after answering 400. */
  static String padId(RoutingContext ctx, int index, boolean json) {
    String[] segments = segments(ctx);
    try {
      if (index >= segments.length) throw new PadName.InvalidException("the address names no pad");
      return PadName.fromPath(segments[index]);
    } catch (PadName.InvalidException e) {
      if (json) ErrorPage.json(ctx, 400, "bad-pad-name", e.getMessage());
      else ErrorPage.html(ctx, 400, "Nom de pad invalide", "Invalid pad name", e.getMessage());
      return null;
    }
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
