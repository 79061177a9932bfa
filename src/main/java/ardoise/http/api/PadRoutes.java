package ardoise.http.api;

import static ardoise.http.api.ApiRequest.author;
import static ardoise.http.api.ApiRequest.body;
import static ardoise.http.api.ApiRequest.integer;
import static ardoise.http.api.ApiRequest.longValue;
import static ardoise.http.api.ApiRequest.pad;
import static ardoise.http.api.ApiRequest.query;
import static ardoise.http.api.ApiRequest.revision;
import static ardoise.http.api.ApiRequest.string;

import ardoise.http.HttpParts;
import ardoise.http.MissBudget;
import ardoise.http.ProxyTrust;
import ardoise.http.share.ShareLinks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The handlers of {@code /api/v1/pads…}: each reads its parameters, calls {@link PadOperations}
 * and answers JSON (field names as in api/openapi.json). The pad is the raw path's segment
 * {@code {pad}}, checked like a browser address's. Thread rule: its event loop.
 */
final class PadRoutes {
  private static final int DEFAULT_PAGE = 100;

  private final PadOperations ops;
  private final String publicUrl;
  private final ProxyTrust proxies;
  private final MissBudget misses;

  PadRoutes(Vertx vertx, PadOperations ops, HttpParts parts, ProxyTrust proxies) {
    this.ops = ops;
    this.publicUrl = parts.config().publicUrl();
    this.proxies = proxies;
    this.misses = parts.misses();
  }

  /** POST and PUT bodies are JSON (415 otherwise), checked before any body is read. */
  static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/json")) ctx.next();
    else ApiAnswers.error(ctx, 415, ApiAnswers.UNSUPPORTED_CONTENT_TYPE, "the body must be application/json");
  }

  void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) return;
    answer(ctx, 201, author(ctx, body).compose(author -> ops.create(string(body, "padId"), string(body, "text"),
        string(body, "template"), integer(body, "lifetimeDays"), author)).map(created -> {
          String path = "/p/" + ShareLinks.encodeSegment(created.padId());
          String base = ShareLinks.base(publicUrl, proxies.scheme(ctx.request()), proxies.host(ctx.request()));
          return new JsonObject().put("padId", created.padId()).put("ownerToken", created.ownerToken())
              .put("editUrl", base == null ? path : base + path);
        }));
  }

  void list(RoutingContext ctx) {
    Integer limit = query(ctx, "limit");
    if (limit == null && ctx.queryParams().get("limit") != null) return;
    answer(ctx, 200, ops.list(ctx.queryParams().get("cursor"), limit == null ? DEFAULT_PAGE : limit).map(page -> {
      JsonArray pads = new JsonArray();
      page.pads().forEach(p -> pads.add(new JsonObject().put("padId", p.padId()).put("revision", p.revision())
          .put("lastEdited", p.lastEditedMillis()).put("chars", p.chars())));
      return new JsonObject().put("pads", pads).put("nextCursor", page.nextCursor());
    }));
  }

  void info(RoutingContext ctx) {
    String pad = pad(ctx);
    answer(ctx, 200, ops.info(pad).map(i -> new JsonObject().put("padId", pad).put("revision", i.revision())
        .put("lastEdited", i.lastEditedMillis()).put("readOnlyId", i.readOnlyId()).put("chars", i.chars())));
  }

  void delete(RoutingContext ctx) {
    String pad = pad(ctx);
    ApiAccess.allowsOwner(ctx, pad, p -> ops.isOwner(p, ApiCaller.bearer(ctx))).onComplete(allowed -> {
      if (allowed.failed()) refuse(ctx, allowed.cause());
      else if (allowed.result()) ops.delete(pad).onSuccess(v -> ctx.response().setStatusCode(204)
          .putHeader("Cache-Control", "no-store").end()).onFailure(e -> refuse(ctx, e));
    });
  }

  void text(RoutingContext ctx) {
    Long rev = revision(ctx);
    if (rev == null && ctx.queryParams().get("rev") != null) return;
    answer(ctx, 200, ops.text(pad(ctx), rev).map(t -> new JsonObject().put("text", t.text()).put("revision", t.revision())));
  }

  void html(RoutingContext ctx) {
    Long rev = revision(ctx);
    if (rev == null && ctx.queryParams().get("rev") != null) return;
    answer(ctx, 200, ops.html(pad(ctx), rev).map(html -> new JsonObject().put("html", html)));
  }

  void setText(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) return;
    answer(ctx, 200, author(ctx, body).compose(a -> ops.setText(pad(ctx), string(body, "text"), a)).map(PadRoutes::newRevision));
  }

  void appendText(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) return;
    answer(ctx, 200, author(ctx, body).compose(a -> ops.appendText(pad(ctx), string(body, "text"), a)).map(PadRoutes::newRevision));
  }

  void links(RoutingContext ctx) {
    String base = ShareLinks.base(publicUrl, proxies.scheme(ctx.request()), proxies.host(ctx.request()));
    if (base == null) {
      ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REQUEST.code(), "the Host header cannot make a link");
      return;
    }
    answer(ctx, 200, ops.info(pad(ctx)).map(i -> {
      ShareLinks l = ShareLinks.of(base, pad(ctx), i.readOnlyId());
      return new JsonObject().put("edit", l.edit()).put("readOnly", l.readOnly()).put("projector", l.projector())
          .put("qr", l.qr()).put("readOnlyQr", l.readOnlyQr()).put("readOnlyId", i.readOnlyId());
    }));
  }

  void members(RoutingContext ctx) {
    answer(ctx, 200, ops.members(pad(ctx)).map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(m -> out.add(new JsonObject().put("authorId", m.authorId()).put("name", m.name()).put("color", m.color())));
      return new JsonObject().put("members", out);
    }));
  }

  void versions(RoutingContext ctx) {
    answer(ctx, 200, ops.savedVersions(pad(ctx)).map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(v -> out.add(version(v)));
      return new JsonObject().put("versions", out);
    }));
  }

  void saveVersion(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) return;
    answer(ctx, 201, author(ctx, body).compose(a -> ops.saveVersion(pad(ctx), longValue(body, "revision"), string(body, "label"), a))
        .map(PadRoutes::version));
  }

  void restore(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body == null) return;
    Long rev = longValue(body, "revision");
    if (rev == null || rev < 0) {
      ApiAnswers.error(ctx, 400, ApiFailure.Kind.BAD_REVISION.code(), "revision must be a whole number from 0");
      return;
    }
    answer(ctx, 200, author(ctx, body).compose(a -> ops.restore(pad(ctx), rev, a)).map(PadRoutes::newRevision));
  }

  void chat(RoutingContext ctx) {
    Integer limit = query(ctx, "limit");
    if (limit == null && ctx.queryParams().get("limit") != null) return;
    answer(ctx, 200, ops.chat(pad(ctx), limit == null ? DEFAULT_PAGE : limit).map(list -> {
      JsonArray out = new JsonArray();
      list.forEach(m -> out.add(new JsonObject().put("authorId", m.authorId()).put("name", m.name()).put("color", m.color())
          .put("text", m.text()).put("time", m.timeMillis())));
      return new JsonObject().put("messages", out);
    }));
  }

  /**
   * The export of the browser's address ({@code /p/{pad}/export/{format}}), taken by the same route:
   * one renderer, one cache, the same file. Only the export's own parameters go along.
   */
  void export(RoutingContext ctx) {
    String[] segments = ctx.request().path().split("/");
    StringBuilder query = new StringBuilder();
    for (String name : new String[] {"rev", "authors", "lang", "tz"}) {
      String value = ctx.queryParams().get(name);
      if (value != null) query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
    ctx.put(ardoise.http.ErrorPage.JSON_ERRORS, true);
    ctx.reroute("/p/" + segments[4] + "/export/" + segments[6] + query);
  }

  private static JsonObject newRevision(long rev) {
    return new JsonObject().put("revision", rev);
  }

  private static JsonObject version(SavedVersion v) {
    return new JsonObject().put("revision", v.revision()).put("label", v.label()).put("authorId", v.authorId())
        .put("saved", v.savedMillis());
  }

  private void answer(RoutingContext ctx, int status, Future<JsonObject> result) {
    result.onSuccess(json -> ApiAnswers.json(ctx, status, json)).onFailure(e -> refuse(ctx, e));
  }

  /**
   * A pad nobody wrote in, asked for without a key, costs the client address a miss, as a browser's
   * read does at the pad door (a name is a secret: probing names is bounded); beyond the budget,
   * 429 {@code too-many-misses} with Retry-After. Programs with a key are not counted.
   */
  private void refuse(RoutingContext ctx, Throwable e) {
    ApiFailure failure = PadLookup.of("-", e);
    if (failure.kind() == ApiFailure.Kind.NO_SUCH_PAD && ApiAccess.key(ctx).isEmpty()) {
      long wait = misses.take(proxies.clientAddress(ctx.request()));
      if (wait > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(wait));
        ApiAnswers.error(ctx, 429, ApiAnswers.TOO_MANY_MISSES, "too many requests for pads that do not exist; try again in " + wait + " s");
        return;
      }
    }
    ApiAnswers.failure(ctx, failure);
  }

}
