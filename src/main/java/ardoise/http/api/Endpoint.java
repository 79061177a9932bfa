package ardoise.http.api;

import ardoise.config.ApiKeys.Scope;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * One route of {@code /api/v1}: its method, its path as the OpenAPI file writes it
 * ({@code /api/v1/pads/{pad}/text}), the scope it needs without being the pad's owner (null: none),
 * and its handler. The router is built from this list only, so the list is what is mounted
 * (ApiDocumentationTest compares it with the OpenAPI file, both ways).
 */
record Endpoint(HttpMethod method, String path, Scope scope, Handler<RoutingContext> handler) {
  /** The path as a Vert.x route pattern ({@code {pad}} → {@code :pad}). */
  String routePath() {
    return path.replaceAll("\\{([A-Za-z]+)}", ":$1");
  }
}
