package ardoise.http;

import ardoise.store.PadStore;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.IntSupplier;

/**
 * Liveness and readiness probes, JSON, never cached.
 * <ul>
 *   <li>{@code /health/live}: 200 whenever the event loop that took the request answers (a blocked one does not,
 *   so the probe times out and the orchestrator restarts the process).</li>
 *   <li>{@code /health/ready}: 200 when the store answers and the server is not stopping, else 503
 *   with the reason; open pads keep working while the store is down, but new joins may fail.</li>
 * </ul>
 * Thread rule: any event loop of the server (it reads a volatile flag and counters kept for any thread).
 */
public final class Health {
  private final PadStore store;
  private final IntSupplier openPads;
  private final IntSupplier clients;
  private volatile boolean stopping;

  public Health(PadStore store, IntSupplier openPads, IntSupplier clients) {
    this.store = store;
    this.openPads = openPads;
    this.clients = clients;
  }

  /** From now on readiness answers 503 (the server is shutting down). */
  public void stopping() {
    stopping = true;
  }

  void live(RoutingContext ctx) {
    reply(ctx, 200, new JsonObject().put("status", "ok"));
  }

  void ready(RoutingContext ctx) {
    boolean storeUp = store.isAvailable();
    boolean ready = storeUp && !stopping;
    JsonObject body = new JsonObject()
        .put("status", ready ? "ok" : "unavailable")
        .put("store", storeUp ? "up" : "down")
        .put("stopping", stopping)
        .put("pads", openPads.getAsInt())
        .put("clients", clients.getAsInt());
    reply(ctx, ready ? 200 : 503, body);
  }

  private static void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
