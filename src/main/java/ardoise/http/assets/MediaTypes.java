package ardoise.http.assets;

import java.util.Locale;
import java.util.Map;

/** The media type of a served file, from its extension, and whether compressing it pays. */
final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("svg", "image/svg+xml; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("md", "text/markdown; charset=utf-8"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("png", "image/png"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("webmanifest", "application/manifest+json"));

  private MediaTypes() {}

  /** The type of {@code path}, or null when we do not serve that kind of file. */
  static String of(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /** Text compresses; images and fonts are compressed already (an .ico holds bitmaps that do). */
  static boolean compressible(String contentType) {
    return contentType.startsWith("text/") || contentType.startsWith("application/json")
        || contentType.startsWith("image/svg") || contentType.equals("image/x-icon")
        || contentType.startsWith("application/manifest");
  }
}
