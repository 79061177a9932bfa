package ardoise.http.assets;

import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Sends the pages' files with the caching each kind deserves, in the best coding the browser accepts:
 * <ul>
 *   <li>{@code /v/{tag}/…} of this release and {@code /webjars/{name}/{version}/…}: their address
 *       changes whenever their bytes do, so they are cached for a year and never revalidated;</li>
 *   <li>pages, unversioned files ({@code /sw.js}, {@code /favicon.svg}, {@code /js/…}) and
 *       {@code /v/…} of another release: revalidated on every use (ETag, 304 when unchanged).
 *       A page of the previous release still open after an upgrade gets the current file, never a
 *       copy pinned under its old address.</li>
 * </ul>
 * Thread rule: the request's event loop; reading a WebJar the first time and compressing a file
 * the first time happen on other threads.
 */
public final class AssetRoutes {
  static final String FOREVER = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";

  private final WebAssets assets;

  public AssetRoutes(WebAssets assets) {
    this.assets = assets;
  }

  /** {@code /v/{tag}/…}. */
  public void versioned(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    int slash = path.indexOf('/', 3);
    if (slash < 0) {
      ctx.next();
      return;
    }
    String tag = path.substring(3, slash);
    Optional<Asset> asset = assets.file(path.substring(slash));
    if (asset.isEmpty()) {
      ctx.next();
      return;
    }
    send(ctx, asset.get(), tag.equals(assets.tag()) ? FOREVER : REVALIDATE);
  }

  /** {@code /webjars/…}. */
  public void webJar(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (assets.webJarKnown(path)) {
      answerWebJar(ctx, assets.webJar(path));
      return;
    }
    ctx.vertx().executeBlocking(() -> assets.webJar(path), false).onComplete(r -> {
      if (r.failed()) ctx.fail(r.cause());
      else answerWebJar(ctx, r.result());
    });
  }

  private void answerWebJar(RoutingContext ctx, Optional<Asset> asset) {
    if (asset.isEmpty()) ctx.next();
    else send(ctx, asset.get(), FOREVER);
  }

  /** Any other address that names a file of webroot (unversioned): revalidated on each use. */
  public void unversioned(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    Optional<Asset> asset = method == HttpMethod.GET || method == HttpMethod.HEAD ? assets.file(ctx.normalizedPath()) : Optional.empty();
    if (asset.isEmpty()) ctx.next();
    else send(ctx, asset.get(), REVALIDATE);
  }

  /**
   * A page of webroot ({@code pad.html}), revalidated on each use; 404 when there is none. A page's
   * scripts fetch its texts only once they run, a round trip after the last module arrives: a
   * {@code Link} header has the browser fetch them with the modules, in the language its scripts
   * will pick (the first of Accept-Language: French, else English; a language chosen on the page
   * and remembered costs one unused small file).
   */
  public void page(RoutingContext ctx, String file) {
    Optional<Asset> page = assets.file("/" + file);
    if (page.isEmpty()) {
      ctx.fail(404);
      return;
    }
    String language = textsLanguage(ctx.request().getHeader("Accept-Language"));
    ctx.response().putHeader("Link", "</v/" + assets.tag() + "/i18n/" + language + ".json>; rel=preload; as=fetch; crossorigin");
    send(ctx, page.get(), REVALIDATE, "Accept-Encoding, Accept-Language");
  }

  /** The language js/i18n.js picks without a remembered choice: French for a first language fr*, else English. */
  static String textsLanguage(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) return "fr";
    String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return first.startsWith("fr") ? "fr" : "en";
  }

  /** Sends {@code asset}: 304 when the browser holds it, else its bytes in the best accepted coding. */
  void send(RoutingContext ctx, Asset asset, String cacheControl) {
    send(ctx, asset, cacheControl, "Accept-Encoding");
  }

  private void send(RoutingContext ctx, Asset asset, String cacheControl, String vary) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    Encoding wanted = asset.encodingFor(Encoding.negotiate(request.getHeader("Accept-Encoding")));
    response.putHeader("Content-Type", asset.contentType()).putHeader("Cache-Control", cacheControl);
    if (!asset.isDocument()) {
      // A policy for documents only: sent with each of a page's sixty modules it would weigh 20 KB.
      response.headers().remove("Content-Security-Policy").remove("Referrer-Policy");
    }
    if (asset.encodingFor(Encoding.GZIP) != Encoding.IDENTITY) response.putHeader("Vary", vary);
    if (asset.matches(request.getHeader("If-None-Match"))) {
      response.setStatusCode(304).putHeader("ETag", asset.etag(wanted)).end();
      return;
    }
    Context context = ctx.vertx().getOrCreateContext();
    asset.in(wanted, assets.compressor()).whenComplete((bytes, failure) -> context.runOnContext(v -> {
      if (response.ended() || response.closed()) return;
      if (failure != null) {
        ctx.fail(failure);
        return;
      }
      Encoding sent = bytes == asset.bytes() ? Encoding.IDENTITY : wanted;
      response.putHeader("ETag", asset.etag(sent));
      if (sent.header != null) response.putHeader("Content-Encoding", sent.header);
      if (request.method() == HttpMethod.HEAD) {
        response.putHeader("Content-Length", String.valueOf(bytes.length)).end();
        return;
      }
      // "identity" keeps the server's own compression of dynamic responses off this one (Vert.x drops the header).
      if (sent.header == null) response.putHeader("Content-Encoding", "identity");
      response.end(Buffer.buffer(bytes));
    }));
  }
}
