package ardoise.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Only our own pages may change a pad. A browser names the page that sent a request (Origin, and
 * Sec-Fetch-Site in current browsers); a page on another site that posts to us, or opens a
 * WebSocket to us, is refused. "Our own" is ARDOISE_PUBLIC_URL when set, else the address the
 * browser used: the Host header, or X-Forwarded-Host when a trusted proxy sent it ({@link ProxyTrust};
 * from any other peer that header is ignored, else a foreign page's request could name its own site).
 * Requests without either header come from programs (curl, the API clients), not from a page a
 * person was lured to, and pass. Content types are checked per endpoint, before any body is read, so
 * that an HTML form (which a foreign page can submit without CORS) never reaches a handler.
 */
final class CrossSiteGuard {
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final String publicOrigin;
  private final ProxyTrust proxies;

  private final ardoise.config.ApiKeys keys;

  /** {@code publicOrigin}: scheme://host[:port] of ARDOISE_PUBLIC_URL, or null; {@code keys}: the API keys. */
  CrossSiteGuard(String publicOrigin, ProxyTrust proxies, ardoise.config.ApiKeys keys) {
    this.publicOrigin = publicOrigin;
    this.proxies = proxies;
    this.keys = keys;
  }

  /** Route handler for every request: state-changing ones from another site end here with 403. */
  void check(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method()) || fromOurPages(ctx.request()) || withApiKey(ctx.request())) {
      ctx.next();
      return;
    }
    ErrorPage.json(ctx, HttpError.CROSS_SITE, "requests that change a pad are only accepted from this server's pages");
  }

  /**
   * A request with a valid API key in its Authorization header is a program's, not a page's: a
   * foreign page cannot make a browser send that header to us (it would need CORS, which we never
   * grant), so such a request cannot be forged by a lured visitor.
   */
  private boolean withApiKey(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && keys.match(header.substring(7).strip()).isPresent();
  }

  /** Whether a WebSocket upgrade (or any request) comes from our pages or from a program. */
  boolean fromOurPages(HttpServerRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin")) return false;
    String origin = request.getHeader("Origin");
    if (origin == null) return true;
    if (publicOrigin != null) return publicOrigin.equalsIgnoreCase(origin);
    String host = proxies.host(request);
    return host != null && host.equalsIgnoreCase(authority(origin));
  }

  /** A handler that lets through only bodies of these media types (415 otherwise). */
  static Handler<RoutingContext> accepting(String... mediaTypes) {
    Set<String> accepted = Set.of(mediaTypes);
    return ctx -> {
      String type = ctx.request().getHeader("Content-Type");
      String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (accepted.contains(media)) {
        ctx.next();
        return;
      }
      ErrorPage.json(ctx, HttpError.UNSUPPORTED_CONTENT_TYPE,
          "this address accepts a body of type " + String.join(" or ", accepted.stream().sorted().toList()));
    };
  }

  /** host[:port] of an origin, or "" when it is not one ("null", garbage). */
  private static String authority(String origin) {
    try {
      URI uri = new URI(origin);
      return uri.getRawAuthority() == null || uri.getScheme() == null ? "" : uri.getRawAuthority();
    } catch (Exception e) {
      return "";
    }
  }
}
