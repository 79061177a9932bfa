package ardoise.http;

import ardoise.protocol.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connections of one event loop before any route sees them: counted against the server-wide
 * cap, and given a deadline whenever they owe the server bytes.
 * <ul>
 *   <li>Headers: a connection must finish a request's headers within {@code headerMillis} of opening
 *   or of its previous response's end (a silent socket, a half-sent request, an idle keep-alive),
 *   else it is closed. A WebSocket, once upgraded, has none: its session has its own deadlines.</li>
 *   <li>Body: a request announcing a body must deliver it within {@code bodyMillis} of its headers,
 *   else it gets 408 {@code request-timeout} and the connection is closed.</li>
 *   <li>Cap: a connection opened while {@code maxConnections} are open is answered only for the
 *   health checks (and the refusal page's stylesheets); anything else gets 503 {@code server-full} (a WebSocket the {@code server-full}
 *   error frame, close 1013) and is closed, and its headers are due within a second, so a flood
 *   holds the spare places only briefly. Past the cap plus a reserve (a quarter) it is closed at
 *   once, so the process never runs out of file descriptors. Open connections are never closed for it.</li>
 * </ul>
 * Why here: Vert.x has an idle timeout, but it would also close a quiet pad socket, and nothing
 * bounds the time a request's headers or body may take.
 * Thread rule: one gate per event loop; every method runs on that loop (the count is shared).
 */
public final class ConnectionGate {
  private static final System.Logger LOG = System.getLogger(ConnectionGate.class.getName());
  private static final long WARN_EVERY_NANOS = 60_000_000_000L;
  /** Seconds a refused client is told to wait. */
  static final String RETRY_AFTER_SECONDS = "10";
  /** The header deadline of a connection opened past the cap: a health check is sent at once. */
  private static final long OVER_CAP_HEADER_MILLIS = 1000;
  private static final String OVER_CAP = "ardoise.overCap";
  private static final String WATCH = "ardoise.connectionWatch";

  private final Vertx vertx;
  private final AtomicInteger open;
  private final AtomicLong lastWarning;
  private final int maxConnections;
  private final int hardLimit;
  private final long headerMillis;
  private final long bodyMillis;
  private final Map<HttpConnection, Watch> watched = new HashMap<>();

  /**
   * A gate sharing {@code open} (the server's count of open connections) and {@code lastWarning}
   * (when the cap was last logged) with the other loops' gates.
   */
  public ConnectionGate(Vertx vertx, AtomicInteger open, AtomicLong lastWarning, int maxConnections,
      long headerMillis, long bodyMillis) {
    this.vertx = vertx;
    this.open = open;
    this.lastWarning = lastWarning;
    this.maxConnections = maxConnections;
    this.hardLimit = maxConnections + reserve(maxConnections);
    this.headerMillis = headerMillis;
    this.bodyMillis = bodyMillis;
  }

  /** Connections kept past the cap to answer health checks and refusals: a quarter, at least 16. */
  static int reserve(int maxConnections) {
    return Math.max(16, maxConnections / 4);
  }

  /** The HTTP server's connection handler. */
  public void connected(HttpConnection connection) {
    int count = open.incrementAndGet();
    if (count > maxConnections) warnCapReached(count);
    if (count > hardLimit) {
      whenClosed(connection, open::decrementAndGet);
      connection.close();
      return;
    }
    Watch w = new Watch(connection, count > maxConnections);
    watched.put(connection, w);
    // Why the listener holds the watch and not the connection: after an upgrade the watch lets the
    // HTTP connection go (see upgraded), and an idle WebSocket then keeps none of its memory.
    whenClosed(connection, () -> {
      open.decrementAndGet();
      w.forget();
    });
    w.awaitHeaders();
  }

  /**
   * A route upgraded the request of {@code ctx} to a WebSocket: its connection owes no more
   * headers, and the gate forgets it (it is still counted open until its socket closes).
   */
  static void upgraded(RoutingContext ctx) {
    Watch w = ctx.get(WATCH);
    if (w != null) w.forget();
  }

  /** Connections whose deadlines this gate follows (open, not upgraded). */
  int watchedConnections() {
    return watched.size();
  }

  /** The HTTP server's request handler: the deadlines' bookkeeping, then {@code router}. */
  public Handler<HttpServerRequest> front(Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::admit);
    return request -> {
      Watch w = watched.get(request.connection());
      if (w != null) w.requestArrived(request);
      router.handle(request);
    };
  }

  /** The router's first handler: follows the response's end, and marks a request to refuse past the cap. */
  private void admit(RoutingContext ctx) {
    Watch w = watched.get(ctx.request().connection());
    if (w != null) {
      ctx.put(WATCH, w);
      ctx.addEndHandler(r -> w.responded());
      if (w.overCap && !answeredPastTheCap(ctx.request().path())) ctx.put(OVER_CAP, Boolean.TRUE);
    }
    ctx.next();
  }

  /** The health checks, and the stylesheets and icon of the refusal page itself (small static files). */
  private static boolean answeredPastTheCap(String path) {
    return path.equals("/health") || path.startsWith("/health/") || path.startsWith("/css/") || path.equals("/favicon.svg");
  }

  /**
   * A route handler, mounted after the security headers: answers a request its gate marked past the
   * cap with {@code server-full} and closes its connection.
   */
  static void refuseIfFull(RoutingContext ctx) {
    if (ctx.get(OVER_CAP) == null) {
      ctx.next();
      return;
    }
    String message = "the server has too many connections; retry in a moment";
    if (ctx.request().canUpgradeToWebSocket()) {
      SocketRoute.refuse(ctx, ErrorCode.SERVER_FULL, message);
      return;
    }
    ctx.addEndHandler(r -> ctx.request().connection().close());
    ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).putHeader(HttpHeaders.CONNECTION, "close");
    ErrorPage.answer(ctx, HttpError.SERVER_FULL, message);
  }

  private void warnCapReached(int count) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last == 0 || now - last > WARN_EVERY_NANOS) && lastWarning.compareAndSet(last, now)) {
      LOG.log(System.Logger.Level.WARNING, "pad=- client=- {0,number,#} connections open, above the cap of "
          + "{1,number,#}: new ones get server-full (logged at most once a minute)", count, maxConnections);
    }
  }

  /** Runs {@code then} once the connection's socket is closed, even after a WebSocket upgrade. */
  private static void whenClosed(HttpConnection connection, Runnable then) {
    if (connection instanceof ConnectionBase c) {
      // Why the channel: an upgrade replaces the HTTP connection object, whose close handler then never runs.
      c.channel().closeFuture().addListener(f -> then.run());
    } else {
      connection.closeHandler(v -> then.run());
    }
  }

  /** One connection's deadline. Thread rule: its event loop. */
  private final class Watch {
    /** Null once forgotten: closed, or upgraded to a WebSocket. */
    private HttpConnection connection;
    private final boolean overCap;
    private long timer = -1;
    private int inFlight;

    Watch(HttpConnection connection, boolean overCap) {
      this.connection = connection;
      this.overCap = overCap;
    }

    /** Stops every deadline and lets the connection go. */
    void forget() {
      disarm();
      if (connection == null) return;
      watched.remove(connection);
      connection = null;
    }

    void awaitHeaders() {
      long millis = overCap ? Math.min(headerMillis, OVER_CAP_HEADER_MILLIS) : headerMillis;
      arm(millis, () -> {
        LOG.log(System.Logger.Level.DEBUG, "pad=- client=- no request headers within {0,number,#} ms; closing", millis);
        connection.close();
      });
    }

    void requestArrived(HttpServerRequest request) {
      disarm();
      inFlight++;
      if (!request.isEnded() && announcesBody(request)) {
        arm(bodyMillis, () -> bodyLate(request));
        request.end().onComplete(r -> {
          if (inFlight > 0) disarm();
        });
      }
    }

    /** A response ended: once none is in progress, the next request's headers are due. */
    void responded() {
      inFlight = Math.max(0, inFlight - 1);
      disarm();
      if (inFlight == 0) awaitHeaders();
    }

    private void bodyLate(HttpServerRequest request) {
      LOG.log(System.Logger.Level.DEBUG, "pad=- client=- request body not received within {0,number,#} ms; closing",
          bodyMillis);
      if (request.response().headWritten()) {
        request.connection().close();
        return;
      }
      request.response().setStatusCode(HttpError.REQUEST_TIMEOUT.status())
          .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").putHeader(HttpHeaders.CONNECTION, "close")
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end(new JsonObject().put("error", HttpError.REQUEST_TIMEOUT.code())
              .put("message", "the request body did not arrive in time").encode())
          .onComplete(r -> request.connection().close());
    }

    private void arm(long millis, Runnable expired) {
      disarm();
      if (connection == null) return; // forgotten: no more deadlines
      timer = vertx.setTimer(millis, id -> {
        timer = -1;
        expired.run();
      });
    }

    void disarm() {
      if (timer != -1) vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private static boolean announcesBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) return !length.strip().equals("0");
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
  }
}
