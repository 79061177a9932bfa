package ardoise.http.api;

import ardoise.config.ApiKeys;
import ardoise.config.ApiKeys.ApiKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code ardoise_api_requests_total{key, status}} in /metrics: the /api/v1 requests answered, by the
 * name of the key that called (its secret is never a label; {@code none} without a valid key) and
 * status; and {@code ardoise_api_keys{key, scope}}, one line per configured key, so an operator sees
 * which keys exist. Names are the configured ones only, so the labels stay few.
 */
final class ApiMeter {
  static final String NO_KEY = "none";

  private final MeterRegistry registry;

  ApiMeter(MeterRegistry registry, ApiKeys keys) {
    this.registry = registry;
    // Every event loop mounts the API: the first registers the lines.
    synchronized (registry) {
      for (ApiKey key : keys.keys()) {
        if (registry.find("ardoise.api.keys").tag("key", key.name()).gauge() != null) continue;
        Gauge.builder("ardoise.api.keys", () -> 1).tag("key", key.name()).tag("scope", ApiAccess.scopeName(key.scope()))
            .description("API keys configured (ARDOISE_API_KEYS), by name and scope").register(registry);
      }
    }
  }

  /** Counts the request once it is answered. */
  void count(RoutingContext ctx) {
    String key = ApiAccess.key(ctx).map(ApiKey::name).orElse(NO_KEY);
    ctx.addEndHandler(v -> Counter.builder("ardoise.api.requests").tag("key", key)
        .tag("status", Integer.toString(ctx.response().getStatusCode()))
        .description("/api/v1 requests answered, by API key name and status").register(registry).increment());
    ctx.next();
  }
}
