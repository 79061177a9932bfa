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

  /** A page of webroot ({@code pad.html}), revalidated on each use; 404 when there is none. */
  public void page(RoutingContext ctx, String file) {
    Optional<Asset> page = assets.file("/" + file);
    if (page.isEmpty()) ctx.fail(404);
    else send(ctx, page.get(), REVALIDATE);
  }

  /** Sends {@code asset}: 304 when the browser holds it, else its bytes in the best accepted coding. */
  void send(RoutingContext ctx, Asset asset, String cacheControl) {
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    Encoding wanted = asset.encodingFor(Encoding.negotiate(request.getHeader("Accept-Encoding")));
    response.putHeader("Content-Type", asset.contentType()).putHeader("Cache-Control", cacheControl);
    if (!asset.isDocument()) {
      // A policy for documents only: sent with each of a page's sixty modules it would weigh 20 KB.
      response.headers().remove("Content-Security-Policy").remove("Referrer-Policy");
    }
    if (asset.encodingFor(Encoding.GZIP) != Encoding.IDENTITY) response.putHeader("Vary", "Accept-Encoding");
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
