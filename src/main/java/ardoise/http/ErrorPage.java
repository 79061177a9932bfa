package ardoise.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Clear refusals: a small bilingual HTML page for pages and downloads, a JSON {"error": code,
 * "message": text} for the API ({@code /api/…}). Messages are ours (never a stack trace) and are
 * escaped anyway.
 */
final class ErrorPage {
  private ErrorPage() {}

  /** JSON under {@code /api/}, an HTML page elsewhere. */
  static void answer(RoutingContext ctx, HttpError error, String message) {
    if (ctx.request().path().startsWith("/api/")) json(ctx, error, message);
    else html(ctx, error, message);
  }

  static void html(RoutingContext ctx, HttpError error, String message) {
    if (ctx.response().ended()) return;
    String page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + Pages.escape(error.titleFr())
        + "</title><link rel=\"stylesheet\" href=\"/css/ardoise.css\"></head><body class=\"error-page\"><main>"
        + "<h1>" + Pages.escape(error.titleFr()) + " / " + Pages.escape(error.titleEn()) + "</h1><p>" + Pages.escape(message) + "</p>"
        + "<p><a href=\"/\">Accueil / Home</a></p></main></body></html>";
    ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store").end(page);
  }

  static void json(RoutingContext ctx, HttpError error, String message) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", error.code()).put("message", message).encode());
  }
}
