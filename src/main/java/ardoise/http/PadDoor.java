package ardoise.http;

import ardoise.http.share.ReadOnlyIds;
import ardoise.http.share.ShareLinks;
import ardoise.protocol.ErrorCode;
import ardoise.store.PadStore;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The one door of every request for a pad: pages ({@code /p/{pad}…}), the API
 * ({@code /api/pads/{pad}/…}), sockets ({@code /ws/{pad}}) and read-only links ({@code /r/{id}…},
 * {@code /ws/r/{id}}). It reads the pad name once, strictly, from the raw path ({@link PadName}),
 * finds the stored pad a name's spelling opens ({@link PadSpelling}), resolves a read-only id to its
 * pad, and hands the request on with the {@link Entry}; the routes
 * behind it read {@link #entry}. A refusal is answered here, in the route's own form: an HTML page,
 * JSON under {@code /api/}, an error frame then a close for a socket.
 *
 * <p>Every rule that admits or refuses a request for one pad belongs in {@link #admit}, and only there.
 *
 * <p>Probing is bounded ({@link MissBudget}, per {@link ClientAddress}): a read of a pad nobody wrote
 * in and an unknown read-only id each cost the client address one miss, and beyond its budget the
 * door answers 429 {@code too-many-misses} with Retry-After. A read is any GET or HEAD by name except
 * the editor page {@code /p/{pad}} and its socket {@code /ws/{pad}}: people create a pad by opening
 * its address, so those must open for a new name, and writes (import, template, restore) make the
 * pad exist. Reads of a pad that has text are never counted: the door asks the store whether the pad
 * exists (one EXISTS) and lets them through.
 * Thread rule: the event loop of the request.
 */
final class PadDoor {
  private static final String KEY = "ardoise.pad";

  /**
   * The pad a request is for; {@code readOnly} when it came through a read-only link (then
   * {@code readOnlyId} is that link's id) or the projector's socket.
   */
  record Entry(String padId, boolean readOnly, String readOnlyId) {
    Entry(String padId, boolean readOnly) {
      this(padId, readOnly, null);
    }
  }

  private static final System.Logger LOG = System.getLogger(PadDoor.class.getName());

  private final PadStore store;
  private final PadSpelling spelling;
  private final MissBudget misses;
  private final ProxyTrust proxies;

  PadDoor(PadStore store, MissBudget misses, ProxyTrust proxies) {
    this.store = store;
    this.spelling = new PadSpelling(store);
    this.misses = misses;
    this.proxies = proxies;
  }

  /** The entry the door let through (routes mounted behind it only). */
  static Entry entry(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /**
   * The pad name is segment {@code index} of the raw path ({@code /p/{pad}}: 1, {@code /api/pads/{pad}}: 2).
   * Another spelling of a pad's name ({@link PadSpelling}) is redirected to the stored one for pages
   * and downloads (the address bar then names the pad one way); the API and sockets use it as is.
   */
  Handler<RoutingContext> byName(int index) {
    return ctx -> {
      String[] segments = RequestValues.segments(ctx);
      String typed;
      try {
        if (index >= segments.length) throw new PadName.InvalidException("the address names no pad");
        typed = PadName.fromPath(segments[index]);
      } catch (PadName.InvalidException e) {
        refuse(ctx, HttpError.BAD_PAD_NAME, e.getMessage());
        return;
      }
      boolean viewer = projectorSocket(ctx);
      if (PadName.canonical(typed).equals(typed)) {
        admitUnlessDeleted(ctx, new Entry(typed, viewer));
        return;
      }
      ctx.request().pause(); // as in byReadOnlyId: a socket must still be able to upgrade
      spelling.resolve(typed).onComplete(r -> {
        ctx.request().resume();
        if (r.failed()) {
          LOG.log(System.Logger.Level.WARNING, "pad=- client=- pad name lookup failed: {0}", r.cause().toString());
          refuse(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be looked up right now; retry");
        } else if (!r.result().equals(typed) && redirects(ctx)) {
          redirect(ctx, segments, index, r.result());
        } else {
          admitUnlessDeleted(ctx, new Entry(r.result(), viewer));
        }
      });
    };
  }

  /**
   * The projector and the exports of a deleted pad answer 410 while its tombstone lasts (until
   * someone writes a new pad under the name). The pad page and its socket do not: typing the name
   * of a deleted pad opens a new, empty pad. Other requests pay no lookup.
   */
  private void admitUnlessDeleted(RoutingContext ctx, Entry entry) {
    String[] segments = RequestValues.segments(ctx);
    boolean page = segments.length > 2 && segments[0].equals("p");
    if (!page || !(segments[2].equals("projector") || segments[2].equals("export"))) {
      admit(ctx, entry);
      return;
    }
    ctx.request().pause();
    store.wasDeleted(entry.padId()).onComplete(r -> {
      ctx.request().resume();
      if (r.failed()) refuse(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be looked up right now; retry");
      else if (r.result()) refuse(ctx, HttpError.PAD_DELETED, "this pad was deleted");
      else admit(ctx, entry);
    });
  }

  /**
   * {@code /ws/{pad}/projector}: the projector's socket, read-only like a read-only link's. Reached
   * by name, so it opens a pad nobody wrote in (which has no read-only id yet); it grants nothing,
   * since whoever has the name may write.
   */
  private static boolean projectorSocket(RoutingContext ctx) {
    String path = ctx.request().path();
    return path.startsWith("/ws/") && path.endsWith("/projector");
  }

  /** Pages and downloads are redirected; the API and sockets are not (a client follows no redirect there). */
  private static boolean redirects(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.request().path();
    return (method == HttpMethod.GET || method == HttpMethod.HEAD) && !path.startsWith("/api/") && !path.startsWith("/ws/");
  }

  /** 308 to the same address with the pad's stored name; the query is kept. */
  private static void redirect(RoutingContext ctx, String[] segments, int index, String padId) {
    String[] moved = segments.clone();
    moved[index] = ShareLinks.encodeSegment(padId);
    String query = ctx.request().query();
    String location = "/" + String.join("/", moved) + (query == null || query.isEmpty() ? "" : "?" + query);
    ctx.response().setStatusCode(308).putHeader("Location", location).putHeader("Cache-Control", "no-cache").end();
  }

  /** The read-only id is segment {@code index} of the raw path; an id no pad has is an unknown link. */
  Handler<RoutingContext> byReadOnlyId(int index) {
    return ctx -> {
      String[] segments = RequestValues.segments(ctx);
      String id = index < segments.length ? segments[index] : "";
      if (!ReadOnlyIds.hasShape(id)) {
        if (!overBudget(ctx)) refuse(ctx, HttpError.UNKNOWN_LINK, "no pad has this read-only link");
        return;
      }
      // Why paused: a socket's upgrade must still be possible once the lookup answers (a request
      // whose end was read can no longer be upgraded).
      ctx.request().pause();
      store.padOfReadOnlyId(id).onComplete(r -> {
        ctx.request().resume();
        if (r.failed()) {
          LOG.log(System.Logger.Level.WARNING, "pad=- client=- read-only lookup failed: {0}", r.cause().toString());
          refuse(ctx, HttpError.STORE_UNAVAILABLE, "the read-only link cannot be checked right now; retry");
        } else if (r.result() == null) {
          if (!overBudget(ctx)) refuseUnknown(ctx, id);
        } else {
          admit(ctx, new Entry(r.result(), true, id));
        }
      });
    };
  }

  /** An id no pad has: 410 when it belonged to a deleted pad (its tombstone lasts), else 404. */
  private void refuseUnknown(RoutingContext ctx, String id) {
    ctx.request().pause();
    store.wasDeletedReadOnlyId(id).onComplete(r -> {
      ctx.request().resume();
      if (r.succeeded() && r.result()) refuse(ctx, HttpError.PAD_DELETED, "the pad of this read-only link was deleted");
      else refuse(ctx, HttpError.UNKNOWN_LINK, "no pad has this read-only link");
    });
  }

  /** The one place where a request for a known, well-named pad is let in; a read of a pad never written costs a miss. */
  private void admit(RoutingContext ctx, Entry entry) {
    ctx.put(KEY, entry);
    if (entry.readOnly() || !isRead(ctx)) {
      ctx.next();
      return;
    }
    ctx.request().pause();
    store.exists(entry.padId()).onComplete(r -> {
      ctx.request().resume();
      // A store that does not answer: the route behind answers its own 503.
      if (r.failed() || r.result() || !overBudget(ctx)) ctx.next();
    });
  }

  /** A GET or HEAD by name other than the editor page and its socket (see the class comment). */
  private static boolean isRead(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) return false;
    String path = ctx.request().path();
    return !path.startsWith("/ws/") && !path.matches("/p/[^/]*/?");
  }

  /** Counts a miss of the request's client address; beyond its budget answers 429 and returns true. */
  private boolean overBudget(RoutingContext ctx) {
    long retryAfter = misses.take(proxies.clientAddress(ctx.request()));
    if (retryAfter == 0) return false;
    String message = "too many requests for pads that do not exist; try again in " + retryAfter + " s";
    if (ctx.request().path().startsWith("/ws/")) {
      SocketRoute.refuse(ctx, ErrorCode.RATE_LIMITED, message);
    } else {
      ctx.response().putHeader("Retry-After", Long.toString(retryAfter));
      ErrorPage.answer(ctx, HttpError.TOO_MANY_MISSES, message);
    }
    return true;
  }

  private static void refuse(RoutingContext ctx, HttpError error, String message) {
    if (ctx.request().path().startsWith("/ws/")) {
      ErrorCode code = switch (error) {
        case STORE_UNAVAILABLE -> ErrorCode.STORE_UNAVAILABLE;
        case PAD_DELETED -> ErrorCode.PAD_DELETED;
        default -> ErrorCode.BAD_PAD_NAME;
      };
      SocketRoute.refuse(ctx, code, message);
    } else {
      ErrorPage.answer(ctx, error, message);
    }
  }
}
