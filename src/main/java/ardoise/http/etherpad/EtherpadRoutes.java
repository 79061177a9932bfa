package ardoise.http.etherpad;

import ardoise.config.ApiKeys;
import ardoise.config.ApiKeys.ApiKey;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Etherpad's HTTP API (docs/api.md, "Etherpad compatibility"): {@code GET /api} names the current
 * version; {@code GET|POST /api/{version}/{function}} answers in Etherpad's envelope. Checks run in
 * Etherpad's order: the version (code 3), the function in that version (code 3), the key (code 4),
 * then the function's own parameters (code 1). The key may come as the {@code apikey} parameter (the
 * query or the body, as Etherpad's clients send it) or as {@code Authorization: Bearer}; only these
 * routes take a key from a URL (docs/security.md says why). Thread rule: the event loop that mounted it.
 */
public final class EtherpadRoutes {
  /** Digits and dots only, so /api/v1/… and /api/pads/… never reach these routes. */
  static final String CALL = "/api/(\\d+(?:\\.\\d+)*)/([A-Za-z0-9_]+)";

  private final ApiKeys keys;
  private final Map<String, EtherpadFunction> functions;
  private final Function<Throwable, EtherpadError> failures;
  private final EtherpadMeter meter;

  /**
   * {@code functions}: the Etherpad functions Ardoise offers, by name; {@code failures}: how a failed
   * call's cause reads as an Etherpad error.
   */
  EtherpadRoutes(ApiKeys keys, Map<String, EtherpadFunction> functions, Function<Throwable, EtherpadError> failures,
      EtherpadMeter meter) {
    this.meter = meter;
    this.keys = keys;
    this.functions = Map.copyOf(functions);
    this.failures = failures;
  }

  /** Mounts {@code GET /api} and the calls; {@code maxBodyBytes} bounds a POST's form. */
  void mount(Router router, long maxBodyBytes) {
    router.get("/api").handler(ctx -> EtherpadReply.send(ctx, 200, new JsonObject().put("currentVersion", EtherpadVersions.CURRENT)));
    // A route of its own: Vert.x wants the body handler first on a route.
    router.routeWithRegex(CALL).handler(meter::count);
    router.routeWithRegex(CALL).method(io.vertx.core.http.HttpMethod.GET).method(io.vertx.core.http.HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::call)
        .failureHandler(EtherpadRoutes::unreadable);
  }

  private void call(RoutingContext ctx) {
    String version = ctx.pathParam("param0");
    String name = ctx.pathParam("param1");
    try {
      if (!EtherpadVersions.known(version)) throw EtherpadError.noSuchFunction("no such api version");
      if (!EtherpadVersions.offers(version, name)) throw EtherpadError.noSuchFunction("no such function");
      EtherpadParams params = EtherpadParams.of(ctx);
      ApiKey key = key(ctx, params).orElseThrow(() -> EtherpadError.wrongKey("no or wrong API Key"));
      EtherpadMeter.keyName(ctx, key.name());
      EtherpadFunction function = functions.get(name);
      if (function == null) {
        String reason = NotMapped.reason(name);
        throw EtherpadError.noSuchFunction(reason == null ? "no such function" : name + " is not available: " + reason);
      }
      if (!key.scope().includes(function.scope())) {
        throw EtherpadError.wrongKey("this API key may not call " + name + " (it needs a "
            + function.scope().name().toLowerCase(java.util.Locale.ROOT) + " key)");
      }
      function.call(new EtherpadCall(version, name, params, key))
          .onSuccess(data -> EtherpadReply.ok(ctx, data))
          .onFailure(e -> EtherpadReply.fail(ctx, e instanceof EtherpadError known ? known : failures.apply(e)));
    } catch (EtherpadError e) {
      EtherpadReply.fail(ctx, e);
    }
  }

  /** The key the call carries: the apikey parameter (body over query), else a Bearer header. */
  private Optional<ApiKey> key(RoutingContext ctx, EtherpadParams params) {
    String given = params.optional("apikey");
    if (given == null) given = params.optional("api_key");
    if (given == null) {
      String header = ctx.request().getHeader("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) given = header.substring(7).strip();
    }
    return keys.match(given);
  }

  /** A body too large or unreadable, still in Etherpad's envelope. */
  private static void unreadable(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      EtherpadReply.fail(ctx, EtherpadError.refused(413, "text too long"));
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      EtherpadReply.fail(ctx, EtherpadError.wrongParameters("the request could not be read"));
    } else {
      System.getLogger(EtherpadRoutes.class.getName()).log(System.Logger.Level.WARNING,
          "pad=- client=- etherpad call failed: {0}", String.valueOf(ctx.failure() == null ? null : ctx.failure().getClass().getName()));
      EtherpadReply.fail(ctx, EtherpadError.internal(500, "internal error"));
    }
  }
}
