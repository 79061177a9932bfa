package ardoise.http;

/**
 * The inline import map of {@code webroot/pad.html} and the Content-Security-Policy
 * that lets it run.
 *
 * <p>Browsers accept import maps only as inline JSON, so {@code script-src 'self'}
 * alone refuses them. The map is static, so its sha256 is allowed instead of a
 * per-response nonce: no page templating, and {@code ImportMapTest} recomputes the
 * hash from the HTML and fails the build when they drift apart.
 *
 * <p>{@code style-src 'self'} is enough: CodeMirror's styles go through
 * {@code webroot/js/editor/style-mod-csp.js} (constructed stylesheets), and inline
 * styles are only set through the CSSOM ({@code element.style}), which CSP does not govern.
 *
 * <p>Constants only; safe from any thread.
 */
public final class ImportMap {

  /** The CSP source for the import map's text, sha256 of its exact UTF-8 bytes. */
  public static final String SCRIPT_HASH = "'sha256-9px4x0fMVgMbrjfc4YWH2TAplDBf0msJrGdYoWl3nxQ='";

  /** The header value for every HTML page (harmless on the other responses). */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
      + "script-src 'self' " + SCRIPT_HASH + "; "
      + "style-src 'self'; "
      + "connect-src 'self' ws: wss:; "
      + "img-src 'self' data:";

  private ImportMap() {}
}
