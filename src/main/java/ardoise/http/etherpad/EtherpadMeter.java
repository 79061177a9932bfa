package ardoise.http.etherpad;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code ardoise_etherpad_requests_total{key, code}} in /metrics: the Etherpad calls answered, by the
 * name of the key that made them ({@code none} before a valid key) and Etherpad's code (0 to 4), so an
 * operator sees which integration calls and how often it fails. Names are the configured ones only,
 * and never a function name a caller made up, so the labels stay few. Thread rule: any event loop.
 */
final class EtherpadMeter {
  static final String NO_KEY = "none";
  private static final String KEY = "ardoise.etherpad.key";
  private static final String CODE = "ardoise.etherpad.code";

  private final MeterRegistry registry;

  EtherpadMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts the call once it is answered. */
  void count(RoutingContext ctx) {
    ctx.addEndHandler(v -> {
      Object code = ctx.get(CODE);
      if (code == null) return; // a request that never reached the envelope (the connection went first)
      Counter.builder("ardoise.etherpad.requests").tag("key", ctx.<String>get(KEY, NO_KEY)).tag("code", code.toString())
          .description("Etherpad API calls answered, by API key name and Etherpad code").register(registry).increment();
    });
    ctx.next();
  }

  static void keyName(RoutingContext ctx, String name) {
    ctx.put(KEY, name);
  }

  static void code(RoutingContext ctx, int code) {
    ctx.put(CODE, code);
  }
}
