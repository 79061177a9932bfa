package ardoise.server;

import ardoise.config.Config;
import ardoise.config.Setting;
import ardoise.http.export.RenderPool;
import ardoise.http.Health;
import ardoise.http.HttpParts;
import ardoise.http.MissBudget;
import ardoise.http.share.LanAddresses;
import ardoise.http.metrics.ServerMetrics;
import ardoise.pad.HeldOps;
import ardoise.pad.PadSettings;
import ardoise.pad.PadShards;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import ardoise.store.SnapshotPolicy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the event loops of one server share: the pad shards, the metrics and the metered store,
 * the health probes, the count of open connections, the export renderers and the port they listen on.
 * Thread rule: any thread; each part says how (the shards hand work to each pad's own context).
 */
final class ServerWide {
  final Config config;
  final PadShards shards;
  final ServerMetrics metrics;
  final PadSettings padSettings;
  final HttpParts http;
  /** Open TCP connections on every loop, against ARDOISE_MAX_CONNECTIONS (see ConnectionGate). */
  final AtomicInteger connections = new AtomicInteger();
  /** When the connection cap was last logged (nanoTime), so a flood logs once a minute. */
  final AtomicLong capLogged = new AtomicLong();
  private volatile int port;

  ServerWide(io.vertx.core.Vertx vertx, Config config, PadStore store, SnapshotPolicy snapshots, LanAddresses lanAddresses) {
    this.config = config;
    this.shards = new PadShards(config.eventLoopCount(), HeldOps.forServer());
    this.metrics = new ServerMetrics();
    this.padSettings = new PadSettings(config.maxPadChars(), config.maxConnectionsPerPad(), snapshots,
        config.idleUnloadSeconds() * 1000L, PadSettings.WINDOW_SIZE, PadSettings.MAX_PENDING_OPS, PadSettings.MAX_BATCH,
        config.fanoutMicrosPerMember() * 1000L, config.chatKept(),
        config.integer(ardoise.config.Setting.MAX_VIEWERS_PER_PAD), config.integer(ardoise.config.Setting.PRESENCE_MILLIS),
        config.integer(ardoise.config.Setting.PROFILE_STORE_SECONDS) * 1000L, config.integer(ardoise.config.Setting.WINDOW_MAX_BYTES),
        config.integer(ardoise.config.Setting.MAX_REBASE_REVISIONS));
    AtomicInteger clients = new AtomicInteger();
    PadStore metered = notifying(vertx, config, metrics.instrument(store, shards::loadedCount, clients::get));
    RenderPool exports = new RenderPool(exportLimits(config));
    metrics.watchExports(exports);
    this.http = new HttpParts(config, metered, shards, metrics, new Health(store, shards::loadedCount, clients::get), clients,
        lanAddresses, exports, new MissBudget(config.integer(Setting.UNKNOWN_PAD_MISSES_PER_MINUTE)), quotas(config));
    PadNotes notes = store.notes();
    int maxAuthors = config.integer(Setting.MAX_AUTHORS_PER_PAD);
    shards.onMemberSeen((padId, info) ->
        notes.rememberAuthor(padId, info.authorId(), new PadNotes.AuthorProfile(info.name(), info.color()), maxAuthors));
    shards.onAuthorEdited((padId, authorId) -> notes.authorEdited(padId, authorId, maxAuthors));
  }

  /** {@code store} telling the webhook what became durable, when ARDOISE_WEBHOOK_URL is set (docs/api.md, "Webhooks"). */
  private static PadStore notifying(io.vertx.core.Vertx vertx, Config config, PadStore store) {
    ardoise.http.webhook.WebhookTarget target = ardoise.http.webhook.WebhookTarget.of(config);
    return target == null ? store
        : new ardoise.http.webhook.NotifyingPadStore(store, new ardoise.http.webhook.PadEvents(vertx, target));
  }

  /**
   * The export settings; a concurrency of 0 is half the processors, at least one: renders are
   * CPU-bound, and the other half keeps the event loops (typing) responsive while they run.
   */
  static RenderPool.Limits exportLimits(Config config) {
    int concurrency = config.integer(Setting.EXPORT_CONCURRENCY);
    if (concurrency == 0) concurrency = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new RenderPool.Limits(concurrency, config.integer(Setting.EXPORT_QUEUE_LENGTH),
        config.integer(Setting.EXPORT_QUEUE_SECONDS), config.integer(Setting.EXPORT_CACHE_BYTES),
        config.integer(Setting.EXPORT_PDF_MAX_PIECES));
  }

  /** The write quotas of ARDOISE_PADS_*, ARDOISE_WRITE_BYTES_*, ARDOISE_IMPORTS_* (docs/security.md, "Quotas"). */
  static ardoise.quota.Quotas quotas(Config config) {
    return new ardoise.quota.Quotas(new ardoise.quota.Quotas.Limits(
        config.integer(Setting.PADS_PER_MINUTE_PER_ADDRESS), config.integer(Setting.PADS_PER_MINUTE_PER_SERVER),
        config.integer(Setting.WRITE_BYTES_PER_MINUTE_PER_ADDRESS), config.integer(Setting.WRITE_BYTES_PER_MINUTE_PER_SERVER),
        config.integer(Setting.IMPORTS_PER_MINUTE_PER_ADDRESS), config.integer(Setting.IMPORTS_PER_MINUTE_PER_SERVER)),
        System::nanoTime);
  }

  /** The port every loop listens on (known once the first one listens). */
  int port() {
    return port;
  }

  void listening(int actualPort) {
    port = actualPort;
  }
}
