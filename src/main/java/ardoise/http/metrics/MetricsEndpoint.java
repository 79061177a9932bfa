package ardoise.http.metrics;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ardoise.http.BearerToken;

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
    BearerToken expected = new BearerToken(token);
    return ctx -> {
      if (expected.presentIn(ctx.request())) {
        scrape.handle(ctx);
        return;
      }
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
          .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end("{\"error\":\"unauthorized\",\"message\":\"/metrics needs Authorization: Bearer <ARDOISE_METRICS_TOKEN>\"}");
    };
  }
}
