package ardoise.http;

import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * One line per request when ARDOISE_ACCESS_LOG is {@code on}, on the logger {@code ardoise.access}:
 * {@code GET /p/atelier/export/pdf 200 48213 B 35 ms client=203.0.113.5}. The client is the address
 * per-client limits use ({@link ProxyTrust}). Left out, because they may be secrets or name people:
 * the query string (an author's name on import, the host asked for), read-only ids (they open a pad),
 * malformed paths and every header. Thread rule: any event loop.
 */
final class AccessLog {
  private static final System.Logger LOG = System.getLogger("ardoise.access");
  private static final String LOGGED = "ardoise.access.logged";
  private static final Pattern READ_ONLY_ID = Pattern.compile("^(/ws)?/r/[^/]+");

  private final ProxyTrust proxies;

  AccessLog(ProxyTrust proxies) {
    this.proxies = proxies;
  }

  void handle(RoutingContext ctx) {
    // A request rerouted (the API's exports go to the browser's route) is one request: one line.
    if (ctx.get(LOGGED) != null) {
      ctx.next();
      return;
    }
    ctx.put(LOGGED, Boolean.TRUE);
    long start = System.nanoTime();
    String method = ctx.request().method().name();
    String path = shape(ctx.request().path());
    String client = proxies.clientAddress(ctx.request());
    ctx.addEndHandler(r -> LOG.log(System.Logger.Level.INFO, "{0} {1} {2,number,#} {3,number,#} B {4,number,#} ms client={5}",
        method, path, ctx.response().getStatusCode(), ctx.response().bytesWritten(), (System.nanoTime() - start) / 1_000_000, client));
    ctx.next();
  }

  /**
   * The path without the read-only id; one that is not a well-formed URI path (a 400 for it: it could
   * carry anything, text included) as "(malformed)".
   */
  static String shape(String path) {
    if (path == null) return "-";
    try {
      new java.net.URI(path);
    } catch (java.net.URISyntaxException e) {
      return "(malformed)";
    }
    return READ_ONLY_ID.matcher(path).replaceFirst(m -> m.group().startsWith("/ws") ? "/ws/r/…" : "/r/…");
  }
}
