package ardoise.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * Which pub/sub carries a pad's commit notifications. On a Redis Cluster of Redis 7.0 or later:
 * sharded pub/sub ({@code SPUBLISH}/{@code SSUBSCRIBE}): a message goes only to the node that owns
 * the pad's slot and its replicas, where plain {@code PUBLISH} is copied to every node of the
 * cluster, so the bus load grows with the number of nodes. Elsewhere (one server, sentinels, or a
 * cluster of Redis 6): plain pub/sub. Asked once (INFO server); a failed question is asked again.
 * Thread rule: any thread; the answer is a shared future.
 */
final class CommitChannels {
  private final RedisAPI api;
  private final boolean cluster;
  private volatile Future<Boolean> sharded;

  CommitChannels(RedisAPI api, boolean cluster) {
    this.api = api;
    this.cluster = cluster;
  }

  /** True: sharded pub/sub. */
  Future<Boolean> sharded() {
    if (!cluster) return Future.succeededFuture(false);
    Future<Boolean> known = sharded;
    if (known == null || known.failed()) {
      known = api.info(List.of("server")).map(r -> majorVersion(r.toString()) >= 7);
      sharded = known;
    }
    return known;
  }

  /** The command the commit script publishes with. */
  static String publishCommand(boolean sharded) {
    return sharded ? "SPUBLISH" : "PUBLISH";
  }

  static Request subscribe(boolean sharded, String channel) {
    return Request.cmd(sharded ? Command.SSUBSCRIBE : Command.SUBSCRIBE).arg(channel);
  }

  static Request unsubscribe(boolean sharded, String channel) {
    return Request.cmd(sharded ? Command.SUNSUBSCRIBE : Command.UNSUBSCRIBE).arg(channel);
  }

  static int majorVersion(String info) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("redis_version:")) {
        String v = line.substring("redis_version:".length()).strip();
        int dot = v.indexOf('.');
        return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
      }
    }
    return 0;
  }
}
