package ardoise.http.api;

import ardoise.config.ApiKeys.Scope;
import ardoise.http.HttpParts;
import ardoise.http.ProxyTrust;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/**
 * Mounts {@code /api/v1} (docs/api.md; described by {@code api/openapi.json}, served at
 * {@code /api/v1/openapi.json}): who calls ({@link ApiAccess}), the request count per key name
 * ({@link ApiMeter}), the body limit, then the {@link Endpoint}s, and JSON for every address under
 * {@code /api/v1} that is none of them. Thread rule: one per event loop.
 */
public final class ApiV1 {
  static final String PREFIX = "/api/v1";

  private ApiV1() {}

  /** The endpoints, as mounted and as documented ({@code pads} is only called when a request comes). */
  static List<Endpoint> endpoints(PadRoutes pads) {
    return List.of(
        new Endpoint(HttpMethod.GET, PREFIX + "/openapi.json", null, OpenApiFile::send),
        new Endpoint(HttpMethod.POST, PREFIX + "/pads", Scope.WRITE, ctx -> pads.create(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads", Scope.ADMIN, ctx -> pads.list(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}", null, ctx -> pads.info(ctx)),
        new Endpoint(HttpMethod.DELETE, PREFIX + "/pads/{pad}", Scope.ADMIN, ctx -> pads.delete(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/text", null, ctx -> pads.text(ctx)),
        new Endpoint(HttpMethod.PUT, PREFIX + "/pads/{pad}/text", Scope.WRITE, ctx -> pads.setText(ctx)),
        new Endpoint(HttpMethod.POST, PREFIX + "/pads/{pad}/append", Scope.WRITE, ctx -> pads.appendText(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/html", null, ctx -> pads.html(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/links", null, ctx -> pads.links(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/members", null, ctx -> pads.members(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/versions", null, ctx -> pads.versions(ctx)),
        new Endpoint(HttpMethod.POST, PREFIX + "/pads/{pad}/versions", Scope.WRITE, ctx -> pads.saveVersion(ctx)),
        new Endpoint(HttpMethod.POST, PREFIX + "/pads/{pad}/restore", Scope.WRITE, ctx -> pads.restore(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/chat", null, ctx -> pads.chat(ctx)),
        new Endpoint(HttpMethod.GET, PREFIX + "/pads/{pad}/export/{format}", null, ctx -> pads.export(ctx)));
  }

  public static void mount(Router router, Vertx vertx, HttpParts parts) {
    ApiAccess access = new ApiAccess(parts.config().apiKeys());
    ApiMeter meter = new ApiMeter(parts.metrics().registry(), parts.config().apiKeys());
    PadRoutes pads = new PadRoutes(vertx, new PadOperations(vertx, parts), parts, ProxyTrust.of(parts.config()));
    // A body holds at most a whole pad, each UTF-16 unit at most 6 bytes of JSON (an escape), and a little more.
    long bodyLimit = parts.config().integer(ardoise.config.Setting.MAX_PAD_CHARS) * 6L + 4096;
    mount(router, access, meter, endpoints(pads), bodyLimit);
  }

  /** Mounts {@code endpoints} behind the caller's identification, the meter and the body limit. */
  static void mount(Router router, ApiAccess access, ApiMeter meter, List<Endpoint> endpoints, long bodyLimit) {

    router.route(PREFIX + "/*").handler(access::identify).handler(meter::count);
    // Content type first, so that no form body (which any site can submit) is ever read.
    router.route(PREFIX + "/*").method(HttpMethod.POST).method(HttpMethod.PUT).handler(PadRoutes::requireJson);
    router.route(PREFIX + "/*").method(HttpMethod.POST).method(HttpMethod.PUT).handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    for (Endpoint e : endpoints) {
      router.route(e.method(), e.routePath()).handler(ctx -> {
        // Owner functions check the pad's owner token themselves; every other scope is checked here.
        if (e.method() != HttpMethod.DELETE && !ApiAccess.allows(ctx, e.scope())) return;
        try {
          e.handler().handle(ctx);
        } catch (ApiFailure refused) { // a parameter of the wrong kind, read before any call
          ApiAnswers.failure(ctx, refused);
        }
      });
    }
    router.route(PREFIX + "/*").handler(ctx -> ApiAnswers.error(ctx, 404, ApiAnswers.NOT_FOUND,
        "no such API address or method (see " + PREFIX + "/openapi.json)"));
    router.route(PREFIX + "/*").failureHandler(ApiV1::failure);
  }

  private static void failure(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      ApiAnswers.error(ctx, 413, ApiFailure.Kind.TOO_LARGE.code(), "the request body is too large");
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REQUEST.code(), "the request could not be read");
    } else {
      System.getLogger(ApiV1.class.getName()).log(System.Logger.Level.WARNING, "pad=- client=api request failed: {0}",
          ctx.failure() == null ? "-" : ctx.failure().getClass().getName());
      ApiAnswers.error(ctx, 500, "server-error", "the request failed; try again");
    }
  }
}
