package ardoise.http;

import ardoise.http.share.ShareLinks;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Clear refusals: an HTML page for pages and downloads, a JSON {"error": code, "message": text}
 * for the API ({@code /api/…}). The page has the site's header, colours and fonts, speaks French
 * to a browser that prefers French and English to any other, and leads back: to the pad when the
 * request was for one (never for a read-only link: its page must not reveal the pad's name), and
 * home. Messages are ours (never a stack trace) and are escaped anyway.
 */
public final class ErrorPage {
  /**
   * Context data set on a request rerouted from the API to a page route (an export): its errors
   * stay JSON, as the program that asked expects.
   */
  public static final String JSON_ERRORS = "ardoise.jsonErrors";

  private ErrorPage() {}

  /** JSON under {@code /api/} (or for a request the API rerouted), an HTML page elsewhere. */
  static void answer(RoutingContext ctx, HttpError error, String message) {
    if (ctx.request().path().startsWith("/api/") || Boolean.TRUE.equals(ctx.get(JSON_ERRORS))) json(ctx, error, message);
    else html(ctx, error, message);
  }

  static void html(RoutingContext ctx, HttpError error, String message) {
    if (ctx.response().ended()) return;
    String lang = language(ctx);
    boolean fr = "fr".equals(lang);
    String title = fr ? error.titleFr() : error.titleEn();
    StringBuilder page = new StringBuilder(2048)
        .append("<!doctype html><html lang=\"").append(lang).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Pages.escape(title)).append(" · Ardoise</title>")
        .append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
        .append("<link rel=\"stylesheet\" href=\"/css/ardoise.css\"><link rel=\"stylesheet\" href=\"/css/error-page.css\">")
        .append("</head><body class=\"error-page\"><header class=\"topbar\"><a class=\"brand\" href=\"/\">Ardoise</a></header>")
        .append("<main class=\"error-main\"><section class=\"card error-card\"><p class=\"error-code\">")
        .append(error.status()).append("</p><h1>").append(Pages.escape(title)).append("</h1><p class=\"error-explanation\">")
        .append(Pages.escape(ErrorTexts.explanation(error, lang))).append("</p>");
    // An unknown address has nothing to add to its explanation; the others name what was wrong.
    if (!fr && error != HttpError.NOT_FOUND && message != null && !message.isBlank()) {
      page.append("<p class=\"hint error-detail\">").append(Pages.escape(message)).append("</p>");
    }
    page.append("<p class=\"error-actions\">");
    PadDoor.Entry entry = PadDoor.entry(ctx);
    if (entry != null && !entry.readOnly()) {
      page.append("<a class=\"button-primary\" href=\"/p/").append(ShareLinks.encodeSegment(entry.padId())).append("\">")
          .append(fr ? "Retour au pad " : "Back to the pad ").append("<span class=\"error-pad\">")
          .append(Pages.escape(entry.padId())).append("</span></a>");
    }
    page.append("<a class=\"button-secondary\" href=\"/\">").append(fr ? "Accueil" : "Home").append("</a></p>")
        .append("</section></main></body></html>");
    ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Language", lang).putHeader("Vary", "Accept-Language")
        .putHeader("Cache-Control", "no-store").end(page.toString());
  }

  /** "fr" or "en": the lang parameter when it is one of them, else French for a browser preferring French. */
  static String language(RoutingContext ctx) {
    String asked = ctx.queryParams().get("lang");
    if ("fr".equals(asked) || "en".equals(asked)) return asked;
    String accept = ctx.request().getHeader("Accept-Language");
    return accept != null && accept.strip().toLowerCase().startsWith("fr") ? "fr" : "en";
  }

  static void json(RoutingContext ctx, HttpError error, String message) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(error.status()).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(new JsonObject().put("error", error.code()).put("message", message).encode());
  }
}
