package ardoise.http;

/**
 * The Content-Security-Policy of every response, which lets the pages' inline import maps run.
 *
 * <p>Browsers accept import maps only as inline JSON, so {@code script-src 'self'}
 * alone refuses them. The maps are the same on every response of a release, so their sha256
 * (computed at start from the pages as sent, {@code WebAssets#importMapHashes}) is allowed instead
 * of a per-response nonce.
 *
 * <p>{@code style-src 'self'} is enough: CodeMirror's styles go through
 * {@code webroot/js/editor/style-mod-csp.js} (constructed stylesheets), and inline
 * styles are only set through the CSSOM ({@code element.style}), which CSP does not govern.
 *
 * <p>Constants only; safe from any thread.
 */
public final class ImportMap {

  /**
   * The header value for every response (only pages use it), allowing inline scripts whose sha256
   * CSP sources are {@code importMapHashes} ({@code 'sha256-…'}) and nothing else inline.
   */
  public static String contentSecurityPolicy(java.util.Collection<String> importMapHashes) {
    return "default-src 'self'; "
        + "script-src 'self'" + importMapHashes.stream().sorted().map(h -> " " + h).reduce("", String::concat) + "; "
        + "style-src 'self'; "
        + "connect-src 'self' ws: wss:; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
  }

  private ImportMap() {}
}
