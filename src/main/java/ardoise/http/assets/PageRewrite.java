package ardoise.http.assets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of webroot as it is sent, rewritten once at start:
 * <ul>
 *   <li>its own scripts, styles and the import map's own modules load from {@code prefix}
 *       ({@code /v/{tag}}), so they can be cached for good;</li>
 *   <li>every module its scripts import, directly or not, is listed as {@code modulepreload} right
 *       after the import map, so the browser fetches the whole chain in one round instead of one
 *       level of imports per round trip;</li>
 *   <li>{@code js/browser-check.js}, a classic script, tells a browser without modules or import
 *       maps that it is too old, instead of leaving a blank page;</li>
 *   <li>{@code {{version}}} becomes the release.</li>
 * </ul>
 */
final class PageRewrite {
  static final String VERSION_MARK = "{{version}}";
  static final String BROWSER_CHECK = "/js/browser-check.js";
  private static final Pattern IMPORT_MAP = Pattern.compile("(<script type=\"importmap\">)(.*?)(</script>)", Pattern.DOTALL);
  private static final Pattern ENTRY = Pattern.compile("<script type=\"module\" src=\"(/js/[^\"]+)\"></script>");
  private static final Pattern OWN_URL = Pattern.compile("((?:href|src)=\")(/(?:js|css|i18n)/[^\"]*\")");
  private static final Pattern OWN_IN_MAP = Pattern.compile("\"(/js/[^\"]+)\"");

  private final String html;
  private final String prefix;
  private final String version;

  PageRewrite(String html, String prefix, String version) {
    this.html = html;
    this.prefix = prefix;
    this.version = version;
  }

  /** The page's import map as written (specifier → URL path); empty without one. */
  Map<String, String> importMap() {
    Matcher m = IMPORT_MAP.matcher(html);
    Map<String, String> map = new LinkedHashMap<>();
    if (!m.find()) return map;
    try {
      JsonNode imports = new ObjectMapper().readTree(m.group(2)).path("imports");
      imports.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("a page's import map is not JSON: " + e.getMessage(), e));
    }
    return map;
  }

  /** The page's {@code <script type="module" src>} entries, unversioned. */
  List<String> entryModules() {
    List<String> entries = new ArrayList<>();
    Matcher m = ENTRY.matcher(html);
    while (m.find()) entries.add(m.group(1));
    return entries;
  }

  /** The page as sent, with {@code preloads} (URL paths, unversioned) listed. */
  String rewrite(List<String> preloads) {
    String out = html.replace(VERSION_MARK, escape(version));
    out = OWN_URL.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + prefix + m.group(2)));
    Matcher map = IMPORT_MAP.matcher(out);
    StringBuilder links = new StringBuilder();
    for (String url : preloads) links.append("\n  <link rel=\"modulepreload\" href=\"").append(versioned(url)).append("\">");
    if (map.find()) {
      String rewrittenMap = OWN_IN_MAP.matcher(map.group(2)).replaceAll(m -> Matcher.quoteReplacement("\"" + prefix + m.group(1) + "\""));
      out = out.substring(0, map.start()) + map.group(1) + rewrittenMap + map.group(3) + links + out.substring(map.end());
    } else {
      int firstModule = out.indexOf("<script type=\"module\"");
      int at = firstModule >= 0 ? firstModule : out.indexOf("</head>");
      out = out.substring(0, at) + links.toString().strip() + "\n  " + out.substring(at);
    }
    int head = out.indexOf("</head>");
    if (head >= 0) {
      out = out.substring(0, head) + "  <script src=\"" + prefix + BROWSER_CHECK + "\" defer></script>\n" + out.substring(head);
    }
    return out;
  }

  /** The import map's text in {@code page}, as the CSP hashes it. */
  static Optional<String> importMapTextOf(String page) {
    Matcher m = IMPORT_MAP.matcher(page);
    return m.find() ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** {@code 'sha256-…'}: the CSP source allowing an inline script of exactly this text. */
  static String cspHash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String versioned(String url) {
    return url.startsWith("/webjars/") ? url : prefix + url;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
