package ardoise.server;

import ardoise.config.Config;
import ardoise.http.metrics.MetricsEndpoint;
import ardoise.http.metrics.ServerMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * /metrics on a port of its own (ARDOISE_METRICS_PORT above 0), e.g. 127.0.0.1:9100 where only the
 * monitoring reaches, while the main port, open to the world, has no /metrics at all.
 */
final class MetricsListener {
  private MetricsListener() {}

  /** Starts the listener when the config asks for one; completes with null otherwise. */
  static Future<HttpServer> start(Vertx vertx, Config config, ServerMetrics metrics) {
    if (config.metricsPort() <= 0) return Future.succeededFuture(null);
    Router router = Router.router(vertx);
    router.get("/metrics").handler(MetricsEndpoint.create(metrics, config.metricsToken()));
    return vertx.createHttpServer().requestHandler(router).listen(config.metricsPort(), config.metricsHost());
  }
}
