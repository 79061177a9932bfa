package ardoise.server;

import ardoise.config.Config;
import ardoise.store.PadStore;
import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.EmbeddedRedis;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.store.redis.RedisTopology;
import ardoise.store.redis.RedisTls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Where the server keeps its pads: the Redis at {@code ARDOISE_REDIS_URL}, or, with no URL (the
 * zero-config default), a redis-server of our own with its append-only file in
 * {@code ARDOISE_DATA_DIR}, started here and stopped by {@link #close()}. That one fsyncs before it
 * answers ({@code appendfsync always}): with everysec, a redis-server killed while its disk is busy
 * loses edits it had acknowledged (ZeroConfigTest kills it and expects every acknowledged edit
 * back; docs/storage.md, "Durability"). Opening blocks while
 * redis-server starts: call it from main, before deploying anything.
 */
final class Storage {
  private static final Logger LOG = Logger.getLogger(Storage.class.getName());

  private final Vertx vertx;
  private final PadStore store;
  private final EmbeddedRedis embedded;

  private Storage(Vertx vertx, PadStore store, EmbeddedRedis embedded) {
    this.vertx = vertx;
    this.store = store;
    this.embedded = embedded;
  }

  static Storage open(Vertx vertx, Config config, SnapshotPolicy snapshots) throws IOException {
    if (config.redisUrl() != null) {
      RedisTopology topology = RedisTopology.of(config.redisMode(), config.redisUrls(), config.redisMaster())
          .withReplicaWait(config.redisWaitReplicas(), config.redisWaitTimeoutMs())
          .withTls(new RedisTls(config.redisTlsCa(), config.redisTlsCert(), config.redisTlsKey()));
      LOG.info("pads are stored in redis at " + topology.redacted() + (topology.waitReplicas() > 0
          ? " (each commit waits for " + topology.waitReplicas() + " replica(s), at most " + topology.waitTimeoutMs() + " ms)"
          : ""));
      return new Storage(vertx, RedisPadStore.create(vertx, topology, tuning(config, snapshots)), null);
    }
    EmbeddedRedis embedded = EmbeddedRedis.start(config.dataDir(), RedisLauncher.Fsync.ALWAYS,
        config.integer(ardoise.config.Setting.REDIS_MAXMEMORY_MB));
    LOG.info("pads are stored by an embedded redis-server in " + config.dataDir().toAbsolutePath().normalize()
        + " (set ARDOISE_REDIS_URL to use another redis)");
    return new Storage(vertx, RedisPadStore.create(vertx, embedded.url(), tuning(config, snapshots)), embedded);
  }

  private static RedisPadStore.Tuning tuning(Config config, SnapshotPolicy snapshots) {
    RedisPadStore.Tuning d = RedisPadStore.Tuning.DEFAULT;
    return new RedisPadStore.Tuning(snapshots, d.pingIntervalMs(), d.maxReconnectDelayMs(), config.redisPoolSize(),
        config.integer(ardoise.config.Setting.REDIS_TIMEOUT_SECONDS) * 1000L,
        ardoise.store.Retention.ofDays(config.integer(ardoise.config.Setting.RETENTION_DAYS),
            config.integer(ardoise.config.Setting.MAX_RETENTION_DAYS)));
  }

  PadStore store() {
    return store;
  }

  /** Closes the store, then stops the embedded redis-server (if any) once its clients are gone. */
  Future<Void> close() {
    Future<Void> closed = store.close().recover(e -> {
      LOG.warning("pad=- client=- closing the store failed: " + e.getMessage());
      return Future.succeededFuture();
    });
    if (embedded == null) return closed;
    return closed.compose(v -> vertx.executeBlocking(() -> {
      embedded.stop();
      return null;
    }, false));
  }
}
