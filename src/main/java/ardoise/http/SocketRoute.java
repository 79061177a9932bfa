package ardoise.http;

import ardoise.config.Config;
import ardoise.protocol.ErrorCode;
import ardoise.protocol.FrameEncoder;
import ardoise.protocol.Session;
import ardoise.protocol.SessionLimits;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The WebSocket connections of one event loop ({@code /ws/{pad}}, {@code /ws/r/{id}}, behind the
 * {@link PadDoor}): checks the upgrade and the Origin, starts one {@link Session} per socket, and
 * closes them all when the server stops. Thread rule: its event loop only.
 */
final class SocketRoute {
  private final CrossSiteGuard crossSite;
  private final ProxyTrust proxies;
  private final HttpParts parts;
  private final SessionLimits limits;
  private final FrameEncoder frames = new FrameEncoder();
  private final Set<Session> sessions = new HashSet<>();

  SocketRoute(Config config, HttpParts parts) {
    this.proxies = ProxyTrust.of(config);
    this.crossSite = new CrossSiteGuard(config.publicUrl(), proxies, ardoise.config.ApiKeys.none());
    this.parts = parts;
    this.limits = new SessionLimits(config.maxMessageBytes(), config.opsPerSecond(), config.opsBurst(),
        config.sendQueueLimit(), config.chatMaxChars(), config.chatPerMinute(), config.chatBurst(),
        config.integer(ardoise.config.Setting.JOIN_TIMEOUT_SECONDS) * 1000L,
        config.integer(ardoise.config.Setting.PROFILE_PER_SECOND), config.integer(ardoise.config.Setting.PROFILE_BURST));
  }

  void accept(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      ErrorPage.html(ctx, HttpError.BAD_REQUEST, "this address expects a WebSocket connection");
      return;
    }
    if (!crossSite.fromOurPages(ctx.request())) {
      refuse(ctx, ErrorCode.ORIGIN_NOT_ALLOWED, "connections are only accepted from this server's pages");
      return;
    }
    PadDoor.Entry entry = PadDoor.entry(ctx);
    String address = proxies.clientAddress(ctx.request());
    HttpConnection connection = ctx.request().connection();
    FlushBatching.install(connection);
    ctx.request().toWebSocket().onSuccess(ws -> {
      ConnectionGate.upgraded(ctx);
      HandshakeLeftovers.release(connection);
      start(ws, entry, address);
    });
  }

  private void start(ServerWebSocket ws, PadDoor.Entry entry, String address) {
    Session session = new Session(ws, entry.padId(), parts.shards(), frames, limits, entry.readOnly(), parts.metrics())
        .from(address, entry.readOnlyId());
    session.limitWrites(parts.quotas().of(address), padId -> WriteQuotas.created(parts.store(), padId));
    sessions.add(session);
    parts.clients().incrementAndGet();
    session.start(() -> {
      if (sessions.remove(session)) parts.clients().decrementAndGet();
    });
  }

  /**
   * Upgrades, sends the error frame, closes (1011 when the store is down, 1013 "try again later" when
   * the server is full, else 1008); a plain 400 if no upgrade was asked.
   */
  static void refuse(RoutingContext ctx, ErrorCode code, String message) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      ErrorPage.html(ctx, HttpError.BAD_REQUEST, message);
      return;
    }
    String frame = new FrameEncoder().error(code, message, 0);
    short status = switch (code) {
      case STORE_UNAVAILABLE -> (short) 1011;
      case SERVER_FULL -> (short) 1013;
      default -> (short) 1008;
    };
    ctx.request().toWebSocket().onSuccess(ws -> ws.writeTextMessage(frame).onComplete(r -> ws.close(status, code.code())));
  }

  /** Closes every socket of this loop with "going away"; clients reconnect with their rev. */
  void closeAll() {
    for (Session s : List.copyOf(sessions)) s.shutdown();
    parts.clients().addAndGet(-sessions.size());
    sessions.clear();
  }
}
