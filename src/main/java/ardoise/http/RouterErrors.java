package ardoise.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the router answers when a request fails outside any route's own handling. A malformed
 * address (a bad escape such as {@code /%ZZ}) is the client's mistake, cheap to send by the
 * thousand: one debug line, a 400 page. Anything else is our bug: a warning with its stack trace
 * (exceptions carry no pad text: handlers never put it in their messages) and a 500 without it.
 */
final class RouterErrors {
  private static final System.Logger LOG = System.getLogger(RouterErrors.class.getName());

  private RouterErrors() {}

  static void install(Router router) {
    router.errorHandler(400, RouterErrors::badRequest);
    router.errorHandler(500, RouterErrors::serverError);
  }

  private static void badRequest(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    LOG.log(System.Logger.Level.DEBUG, "pad=- client=- bad request: {0}",
        failure == null ? "-" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
    ErrorPage.answer(ctx, HttpError.BAD_REQUEST, "this address is not valid");
  }

  private static void serverError(RoutingContext ctx) {
    LOG.log(System.Logger.Level.WARNING, "pad=- client=- request failed", ctx.failure());
    ErrorPage.answer(ctx, HttpError.SERVER_ERROR, "something went wrong on the server");
  }
}
