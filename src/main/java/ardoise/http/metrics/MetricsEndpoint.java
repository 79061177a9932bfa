package ardoise.http.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * GET /metrics: the Prometheus text, behind a bearer token when one is set (ARDOISE_METRICS_TOKEN).
 * The counts it shows (pads, connections, latencies) say how busy an instance is, not what is
 * written, but an operator of a public instance may still keep them to their monitoring.
 */
public final class MetricsEndpoint {
  private MetricsEndpoint() {}

  /** {@code token}: null for an open endpoint. */
  public static Handler<RoutingContext> create(ServerMetrics metrics, String token) {
    Handler<RoutingContext> scrape = metrics.scrapeHandler();
    if (token == null) return scrape;
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return ctx -> {
      String given = ctx.request().getHeader("Authorization");
      // Constant time: the comparison must not tell how much of a guess was right.
      if (given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        scrape.handle(ctx);
        return;
      }
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
          .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end("{\"error\":\"unauthorized\",\"message\":\"/metrics needs Authorization: Bearer <ARDOISE_METRICS_TOKEN>\"}");
    };
  }
}
