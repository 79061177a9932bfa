package ardoise.http.etherpad;

import ardoise.config.ApiKeys.Scope;
import ardoise.http.HttpParts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.HashMap;
import java.util.Map;

/** Mounts Etherpad's HTTP API on a router (see {@link EtherpadRoutes}). Thread rule: the router's event loop. */
public final class EtherpadApi {
  private EtherpadApi() {}

  /**
   * Mount it before the same-origin guard: no browser holds credentials for these routes (every
   * function needs the key the request itself carries), so a foreign page can do nothing here that
   * it could not do without a browser.
   */
  public static void mount(Router router, Vertx vertx, HttpParts parts) {
    Map<String, EtherpadFunction> functions = new HashMap<>();
    functions.put("checkToken", new EtherpadFunction(Scope.READ, call -> Future.succeededFuture(null)));
    new EtherpadRoutes(parts.config().apiKeys(), functions, EtherpadApi::failure).mount(router, maxBodyBytes(parts.config().maxPadChars()));
  }

  /**
   * A POST's largest form: a whole pad's text, each character URL-encoded as up to 9 bytes (3 UTF-8
   * bytes as %XX), plus room for the other fields.
   */
  static long maxBodyBytes(int maxPadChars) {
    return maxPadChars * 9L + 65_536;
  }

  private static EtherpadError failure(Throwable e) {
    System.getLogger(EtherpadApi.class.getName()).log(System.Logger.Level.WARNING,
        "pad=- client=- etherpad call failed: {0}", e.getClass().getName());
    return EtherpadError.internal(500, "internal error");
  }
}
