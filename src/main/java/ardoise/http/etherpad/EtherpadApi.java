package ardoise.http.etherpad;

import ardoise.http.HttpParts;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import ardoise.http.api.PadOperations;
import java.util.Map;

/** Mounts Etherpad's HTTP API on a router (see {@link EtherpadRoutes}). Thread rule: the router's event loop. */
public final class EtherpadApi {
  /**
   * Vert.x's router writes every request's whole address at its finest level, and only on these
   * routes does an address carry a key (or pad text, with GET). Held here (java.util.logging keeps
   * loggers weakly) at FINE, so that an operator who turns on debug logging never logs a key.
   */
  private static final java.util.logging.Logger ROUTER_TRACE = java.util.logging.Logger.getLogger("io.vertx.ext.web.impl.RouterImpl");

  static {
    ROUTER_TRACE.setLevel(java.util.logging.Level.FINE);
  }

  private EtherpadApi() {}

  /**
   * Mount it before the same-origin guard: no browser holds credentials for these routes (every
   * function needs the key the request itself carries), so a foreign page can do nothing here that
   * it could not do without a browser.
   */
  public static void mount(Router router, Vertx vertx, HttpParts parts) {
    Map<String, EtherpadFunction> functions = new PadFunctions(new PadOperations(vertx, parts), vertx).all();
    new EtherpadRoutes(parts.config().apiKeys(), functions, PadFunctions::failure,
        new EtherpadMeter(parts.metrics().registry())).mount(router, maxBodyBytes(parts.config().maxPadChars()));
  }

  /**
   * A POST's largest form: a whole pad's text, each character URL-encoded as up to 9 bytes (3 UTF-8
   * bytes as %XX), plus room for the other fields.
   */
  static long maxBodyBytes(int maxPadChars) {
    return maxPadChars * 9L + 65_536;
  }
}
