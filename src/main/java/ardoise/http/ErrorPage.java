package ardoise.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Clear refusals: a small bilingual HTML page for pages and downloads, a JSON {"error": code,
 * "message": text} for the API. Messages are ours (never a stack trace) and are escaped anyway.
 */
final class ErrorPage {
  private ErrorPage() {}

  static void html(RoutingContext ctx, int status, String titleFr, String titleEn, String message) {
    if (ctx.response().ended()) return;
    String page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + Pages.escape(titleFr)
        + "</title><link rel=\"stylesheet\" href=\"/css/ardoise.css\"></head><body class=\"error-page\"><main>"
        + "<h1>" + Pages.escape(titleFr) + " / " + Pages.escape(titleEn) + "</h1><p>" + Pages.escape(message) + "</p>"
        + "<p><a href=\"/\">Accueil / Home</a></p></main></body></html>";
    ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(page);
  }

  static void json(RoutingContext ctx, int status, String code, String message) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", code).put("message", message).encode());
  }
}
