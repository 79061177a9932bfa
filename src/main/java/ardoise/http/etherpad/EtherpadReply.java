package ardoise.http.etherpad;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Etherpad's envelope, {@code {"code":0,"message":"ok","data":…}}, on every answer of the compatibility routes. */
final class EtherpadReply {
  private EtherpadReply() {}

  /** Code 0; {@code data} null for the functions whose Etherpad answer carries none. */
  static void ok(RoutingContext ctx, JsonObject data) {
    send(ctx, 200, new JsonObject().put("code", 0).put("message", "ok").put("data", data));
  }

  static void fail(RoutingContext ctx, EtherpadError error) {
    if (error.retryAfterSeconds > 0 && !ctx.response().ended()) {
      ctx.response().putHeader("Retry-After", Long.toString(error.retryAfterSeconds));
    }
    send(ctx, error.status, new JsonObject().put("code", error.code).put("message", error.getMessage()).putNull("data"));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) return;
    if (body.containsKey("code")) EtherpadMeter.code(ctx, body.getInteger("code"));
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
