package ardoise.http;

import ardoise.quota.Quotas;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The write quotas ({@link Quotas}) of HTTP writes, per {@link ClientAddress}: a pad created
 * ({@code POST /api/pads}, or an import, restore or template into a pad nobody wrote in), the bytes an
 * import, a restore or a template writes, and imports. A refusal takes nothing and is answered 429
 * {@code quota-exceeded} with {@code Retry-After} (and {@code retryAfter} in the JSON).
 * Thread rule: any event loop.
 */
public final class WriteQuotas {
  private final Quotas quotas;
  private final ProxyTrust proxies;
  private final Function<String, Future<Boolean>> created;

  WriteQuotas(Quotas quotas, ProxyTrust proxies, PadStore store) {
    this.quotas = quotas;
    this.proxies = proxies;
    this.created = padId -> created(store, padId);
  }

  /** The server's write quotas, for routes outside this package. */
  public static WriteQuotas of(HttpParts parts) {
    return new WriteQuotas(parts.quotas(), ProxyTrust.of(parts.config()), parts.store());
  }

  /**
   * Whether the pad's creation was paid already: it has text, or an owner (POST /api/pads paid for
   * it before anything was written). A pad is paid for once.
   */
  static Future<Boolean> created(PadStore store, String padId) {
    return store.exists(padId).compose(written -> written ? Future.succeededFuture(true)
        : store.notes().ownerTokenHash(padId).map(hash -> hash != null));
  }

  /** A refused write: the seconds to wait, and the message to show. */
  public static final class Refused extends RuntimeException {
    final long retryAfter;

    Refused(long retryAfter, String message) {
      super(message, null, false, false);
      this.retryAfter = retryAfter;
    }

    public long retryAfter() {
      return retryAfter;
    }
  }

  /** One new pad (POST /api/pads); null when it may be created, else the refusal. */
  Refused newPad(RoutingContext ctx) {
    return newPad(address(ctx), 0);
  }

  /**
   * One new pad and the {@code chars} its first text writes, counted for {@code who} (a client
   * address, or an API caller): null when both may be taken, else the refusal, having taken neither.
   */
  public Refused newPad(String who, long chars) {
    long wait = quotas.pads().take(who, 1);
    if (wait > 0) return tooManyPads(wait);
    wait = quotas.bytes().take(who, chars);
    if (wait == 0) return null;
    quotas.pads().refund(who, 1);
    return new Refused(wait, "too much written this minute; nothing was changed, try again in " + wait + " s");
  }

  /**
   * An edit of {@code chars} characters into {@code padId} ({@code isImport}: a file import): takes
   * the imports, bytes and (for a pad nobody wrote in) pads quotas, or fails with {@link Refused}
   * having taken none.
   */
  Future<Void> edit(RoutingContext ctx, String padId, long chars, boolean isImport) {
    return edit(address(ctx), padId, chars, isImport);
  }

  /** {@link #edit(RoutingContext, String, long, boolean)} counted for {@code address} (a client address, or an API caller). */
  public Future<Void> edit(String address, String padId, long chars, boolean isImport) {
    long wait = isImport ? quotas.imports().take(address, 1) : 0;
    if (wait > 0) return Future.failedFuture(new Refused(wait, "too many imports from your network this minute; "
        + "nothing was changed, try again in " + wait + " s"));
    wait = quotas.bytes().take(address, chars);
    if (wait > 0) {
      if (isImport) quotas.imports().refund(address, 1);
      return Future.failedFuture(new Refused(wait, "too much written from your network this minute; "
          + "nothing was changed, try again in " + wait + " s"));
    }
    return created.apply(padId).recover(e -> Future.succeededFuture(true)).compose(written -> {
      long padWait = written ? 0 : quotas.pads().take(address, 1);
      if (padWait == 0) return Future.<Void>succeededFuture();
      quotas.bytes().refund(address, chars);
      if (isImport) quotas.imports().refund(address, 1);
      return Future.failedFuture(tooManyPads(padWait));
    });
  }

  private static Refused tooManyPads(long wait) {
    return new Refused(wait, "too many new pads from your network this minute; try again in " + wait + " s");
  }

  /** The request's client address, as the quotas count it ({@link ProxyTrust}). */
  public String address(RoutingContext ctx) {
    return proxies.clientAddress(ctx.request());
  }

  /** 429 quota-exceeded, Retry-After and {@code retryAfter} in the JSON. */
  static void answer(RoutingContext ctx, Refused refused) {
    if (ctx.response().ended()) return;
    ctx.response().setStatusCode(HttpError.QUOTA_EXCEEDED.status()).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").putHeader("Retry-After", Long.toString(refused.retryAfter))
        .end(new JsonObject().put("error", HttpError.QUOTA_EXCEEDED.code()).put("message", refused.getMessage())
            .put("retryAfter", refused.retryAfter).encode());
  }
}
