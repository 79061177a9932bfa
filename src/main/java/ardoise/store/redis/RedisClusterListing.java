package ardoise.store.redis;

import ardoise.store.PadListing;
import ardoise.store.redis.RedisPadListing.ScanPosition;
import ardoise.store.redis.RedisPadListing.ScanStop;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link RedisPadListing} on a Redis Cluster: a SCAN covers only the node it is sent to, so the
 * listing walks the hash slots in order ({@link RedisSlotMap}, read with {@code CLUSTER SLOTS} for
 * each page) and scans each master in turn, through a connection of its own opened for the page
 * with the cluster client's options (password, user, TLS, deadlines); the pads' metadata is read
 * through the cluster client. Why not the cluster client's SCAN: it cannot carry a cursor that
 * belongs to one node.
 *
 * <p>The cursor is {@code <mode><slot map's fingerprint>.<slot>.<scan cursor>-<skip>}: the master
 * serving {@code slot} is being scanned. Mode {@code s}: the slot map has not changed since the
 * listing began, and the masters come one by one by their first slot, each once. When the map
 * changes (resharding, failover), the master serving the slot is scanned again from its start (a
 * SCAN cursor means nothing on another process, and a replica that took over is one) and the
 * listing goes on in mode {@code w}: it walks on to the next slot served by another master, so
 * that no master serving slots ahead is passed over. A complete listing therefore names every pad
 * that existed throughout it and stayed in its slot; a pad whose slot moved meanwhile may be missed
 * or repeated, and after a change of the map, pads may be repeated.
 */
final class RedisClusterListing {
  private static final Pattern CURSOR = Pattern.compile("([sw])([0-9a-f]{8})\\.([0-9]{1,5})\\.([0-9]{1,20})-([0-9]{1,9})");

  private final Vertx vertx;
  private final RedisAPI cluster;
  private final RedisAvailability availability;
  private final RedisOptions nodeOptions;
  private final URI seed;

  /** {@code clusterOptions}: those of the cluster client; {@code seedUrl}: the first seed (scheme and credentials). */
  RedisClusterListing(Vertx vertx, RedisAPI cluster, RedisAvailability availability, RedisOptions clusterOptions,
      String seedUrl) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.availability = availability;
    this.nodeOptions = new RedisOptions(clusterOptions).setType(RedisClientType.STANDALONE).setMaxPoolSize(1);
    this.seed = URI.create(seedUrl);
  }

  /** Where a listing stands: the slot whose master is being scanned, and that scan's position. */
  record Position(boolean stable, String fingerprint, int slot, ScanPosition scan) {
    /** The position a cursor names; throws {@link IllegalArgumentException} for any other text. */
    static Position parse(String cursor) {
      Matcher m = CURSOR.matcher(cursor);
      if (!m.matches()) throw new IllegalArgumentException("not a cursor of this listing");
      int slot = Integer.parseInt(m.group(3));
      if (slot >= RedisSlotMap.SLOTS) throw new IllegalArgumentException("not a cursor of this listing");
      return new Position(m.group(1).equals("s"), m.group(2), slot, new ScanPosition(m.group(4), Integer.parseInt(m.group(5))));
    }

    String encoded() {
      return (stable ? "s" : "w") + fingerprint + "." + slot + "." + scan.encoded();
    }
  }

  Future<PadListing> page(String cursor, int limit) {
    Position from;
    try {
      from = cursor == null ? null : Position.parse(cursor);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return availability.track(cluster.cluster(List.of("SLOTS"))).compose(reply -> {
      RedisSlotMap map = RedisSlotMap.of(reply, seed.getHost());
      String now = map.fingerprint();
      Position at;
      if (from == null) at = map.firstSlot() < 0 ? null : new Position(true, now, map.firstSlot(), ScanPosition.START);
      else if (from.fingerprint().equals(now)) at = from;
      else at = new Position(false, now, from.slot(), ScanPosition.START);
      List<String> padIds = new ArrayList<>();
      Future<String> next = at == null ? Future.succeededFuture(null) : walk(map, at, limit, padIds, RedisPadListing.MAX_STEPS);
      return next.compose(n -> RedisPadListing.entries(cluster, availability, padIds).map(entries -> new PadListing(entries, n)));
    });
  }

  /** Scans the master at {@code at}, then the next ones, until the page is full or its steps spent; the next cursor. */
  private Future<String> walk(RedisSlotMap map, Position at, int limit, List<String> padIds, int stepsLeft) {
    RedisSlotMap.Range range = map.at(at.slot());
    if (range == null) {
      return Future.failedFuture(new IllegalStateException("no master serves slot " + at.slot() + " now (a failover under way?)"));
    }
    return scanNode(range, at.scan(), limit, padIds, stepsLeft).compose(stop -> {
      if (stop.next() != null) return Future.succeededFuture(new Position(at.stable(), at.fingerprint(), at.slot(), stop.next()).encoded());
      int slot = at.stable() ? map.nextMaster(at.slot()) : map.nextOtherMaster(at.slot());
      if (slot < 0) return Future.succeededFuture(null);
      Position next = new Position(at.stable(), at.fingerprint(), slot, ScanPosition.START);
      int left = stepsLeft - stop.steps();
      if (padIds.size() == limit || left <= 0) return Future.succeededFuture(next.encoded());
      return walk(map, next, limit, padIds, left);
    });
  }

  private Future<ScanStop> scanNode(RedisSlotMap.Range range, ScanPosition from, int limit, List<String> padIds, int steps) {
    Redis node = Redis.createClient(vertx, new RedisOptions(nodeOptions).setEndpoints(new ArrayList<>(List.of(nodeUrl(seed, range)))));
    return RedisPadListing.scan(RedisAPI.api(node), availability, from, limit, padIds, steps).eventually(node::close);
  }

  /** The master's address with the seed's scheme ({@code rediss} for TLS), credentials and options. */
  static String nodeUrl(URI seed, RedisSlotMap.Range range) {
    String host = range.host().contains(":") ? "[" + range.host() + "]" : range.host();
    String user = seed.getRawUserInfo() == null ? "" : seed.getRawUserInfo() + "@";
    String query = seed.getRawQuery() == null ? "" : "?" + seed.getRawQuery();
    return seed.getScheme() + "://" + user + host + ":" + range.port() + query;
  }
}
