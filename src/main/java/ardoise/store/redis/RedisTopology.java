package ardoise.store.redis;

import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the store reaches Redis: one server, a Redis Cluster (seed nodes: the client learns the rest
 * with CLUSTER SLOTS and follows MOVED/ASK), or a master found through sentinels; and how many
 * replicas each commit waits for ({@code WAIT}) before it is acknowledged. Passwords and TLS come
 * from each URL ({@code redis://:secret@host:port}, {@code rediss://…}), in every mode; {@link RedisTls}
 * says which certificates a {@code rediss://} connection trusts and shows. Immutable.
 */
public record RedisTopology(Mode mode, List<String> urls, String masterName, int waitReplicas, long waitTimeoutMs,
    RedisTls tls) {
  public enum Mode { STANDALONE, CLUSTER, SENTINEL }

  public RedisTopology {
    urls = List.copyOf(urls);
    if (tls == null) tls = RedisTls.JVM_TRUST;
    if (urls.isEmpty()) throw new IllegalArgumentException("no redis endpoint");
    if (mode == Mode.STANDALONE && urls.size() > 1) throw new IllegalArgumentException("one redis endpoint in standalone mode");
    if (mode == Mode.SENTINEL && (masterName == null || masterName.isBlank())) {
      throw new IllegalArgumentException("sentinel mode needs the master's name");
    }
    for (String url : urls) RedisUrl.check(url);
    if (waitReplicas < 0) throw new IllegalArgumentException("replicas to wait for must be 0 or more");
  }

  public static RedisTopology standalone(String url) {
    return new RedisTopology(Mode.STANDALONE, List.of(url), null, 0, 0, null);
  }

  public static RedisTopology cluster(List<String> seeds) {
    return new RedisTopology(Mode.CLUSTER, seeds, null, 0, 0, null);
  }

  public static RedisTopology sentinel(List<String> sentinels, String masterName) {
    return new RedisTopology(Mode.SENTINEL, sentinels, masterName, 0, 0, null);
  }

  /** From the settings' words: {@code standalone}, {@code cluster}, {@code sentinel}. */
  public static RedisTopology of(String mode, List<String> urls, String masterName) {
    return new RedisTopology(Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)), urls, masterName, 0, 0, null);
  }

  /** Each commit waits until {@code replicas} replicas have it, at most {@code timeoutMs}, before it is acknowledged. */
  public RedisTopology withReplicaWait(int replicas, long timeoutMs) {
    return new RedisTopology(mode, urls, masterName, replicas, timeoutMs, tls);
  }

  /** {@code rediss://} connections trust and show the certificates of {@code tls}. */
  public RedisTopology withTls(RedisTls tls) {
    return new RedisTopology(mode, urls, masterName, waitReplicas, waitTimeoutMs, tls);
  }

  /**
   * Options of the pooled command client. {@code followFailover}: in sentinel mode, the client
   * watches the sentinels and moves its connections to the new master (not for a subscribing
   * connection: the new one would not keep its subscriptions; {@link CommitFeed} reconnects itself).
   */
  RedisOptions options(int poolSize, boolean followFailover) {
    RedisOptions options = new RedisOptions()
        .setMaxPoolSize(poolSize)
        .setMaxPoolWaiting(poolSize * 64)
        .setMaxWaitingHandlers(8192);
    urls.forEach(options::addConnectionString);
    options.setNetClientOptions(tls.applyTo(options.getNetClientOptions()));
    switch (mode) {
      case STANDALONE -> options.setType(RedisClientType.STANDALONE);
      case CLUSTER -> options.setType(RedisClientType.CLUSTER).setUseReplicas(RedisReplicas.NEVER)
          // Why 1 s: after a failover the slot map must be read again soon (MOVED also refreshes it).
          .setHashSlotCacheTTL(1000).setTopologyCacheTTL(1000);
      case SENTINEL -> options.setType(RedisClientType.SENTINEL).setMasterName(masterName).setRole(RedisRole.MASTER)
          .setAutoFailover(followFailover).setTopologyCacheTTL(1000);
    }
    return options;
  }

  /** The endpoints without passwords, for logs. */
  public String redacted() {
    String endpoints = urls.stream().map(RedisUrl::redact).collect(Collectors.joining(","));
    return switch (mode) {
      case STANDALONE -> endpoints;
      case CLUSTER -> "cluster " + endpoints;
      case SENTINEL -> "sentinel master " + masterName + " via " + endpoints;
    };
  }
}
