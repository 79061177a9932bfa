package ardoise.store.redis;

import ardoise.store.PadEntry;
import ardoise.store.PadListing;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists the written pads by scanning for their meta keys ({@code SCAN MATCH ardoise:{*}:meta}) and
 * reading each one's head, last edit and size ({@code HMGET}, one key). Why a scan and not an index:
 * no write path pays for it, nothing can drift out of date (a pad whose lifetime passed is simply
 * gone), and every command touches one key, as Redis Cluster requires (on a cluster, the scan runs
 * on each master in turn: {@link RedisClusterListing}). A listing is for an operator, rarely asked for.
 *
 * <p>The cursor is {@code <scan cursor>-<keys of that step already listed>}: a page stops in the
 * middle of a SCAN step when it is full, and the next page repeats that step and skips what was
 * listed. Like SCAN itself, a complete listing names every pad that existed throughout it; a pad
 * written or deleted meanwhile may or may not appear, and a rehash of Redis's table during the
 * listing may repeat a pad.
 */
final class RedisPadListing {
  private static final String MATCH = PadKeys.PREFIX + "{*}:meta";
  private static final Pattern CURSOR = Pattern.compile("([0-9]{1,20})-([0-9]{1,9})");
  /** SCAN steps one page may take, so that a sparse keyspace answers in bounded time (a short page then). */
  static final int MAX_STEPS = 64;

  private final RedisAPI api;
  private final RedisAvailability availability;

  RedisPadListing(RedisAPI api, RedisAvailability availability) {
    this.api = api;
    this.availability = availability;
  }

  Future<PadListing> page(String cursor, int limit) {
    ScanPosition from = ScanPosition.START;
    if (cursor != null) {
      Matcher m = CURSOR.matcher(cursor);
      if (!m.matches()) return Future.failedFuture(new IllegalArgumentException("not a cursor of this listing"));
      from = new ScanPosition(m.group(1), Integer.parseInt(m.group(2)));
    }
    List<String> padIds = new ArrayList<>();
    return scan(api, availability, from, limit, padIds, MAX_STEPS).compose(stop -> entries(api, availability, padIds)
        .map(entries -> new PadListing(entries, stop.next() == null ? null : stop.next().encoded())));
  }

  /** Where the scan of one server stands: its SCAN cursor, and the keys of that step already listed. */
  record ScanPosition(String scan, int skip) {
    static final ScanPosition START = new ScanPosition("0", 0);

    String encoded() {
      return scan + "-" + skip;
    }
  }

  /** Where a scan stopped ({@code next} null: that server has no more) and the SCAN steps it took. */
  record ScanStop(ScanPosition next, int steps) {}

  /**
   * Scans one server ({@code node}) from {@code from}, adding the pads it finds to {@code padIds}
   * until it holds {@code limit}, the server has no more, or {@code maxSteps} SCAN steps are taken.
   */
  static Future<ScanStop> scan(RedisAPI node, RedisAvailability availability, ScanPosition from, int limit,
      List<String> padIds, int maxSteps) {
    return step(node, availability, from.scan(), from.skip(), limit, padIds, 1, maxSteps);
  }

  private static Future<ScanStop> step(RedisAPI node, RedisAvailability availability, String scan, int skip, int limit,
      List<String> padIds, int steps, int maxSteps) {
    int count = Math.max(100, limit * 10);
    return availability.track(node.scan(List.of(scan, "MATCH", MATCH, "COUNT", Integer.toString(count)))).compose(reply -> {
      String next = reply.get(0).toString();
      Response keys = reply.get(1);
      int taken = 0;
      for (int i = skip; i < keys.size(); i++) {
        if (padIds.size() == limit) return Future.succeededFuture(new ScanStop(new ScanPosition(scan, skip + taken), steps));
        padIds.add(padIdOf(keys.get(i).toString()));
        taken++;
      }
      if (next.equals("0")) return Future.succeededFuture(new ScanStop(null, steps));
      if (padIds.size() == limit || steps >= maxSteps) return Future.succeededFuture(new ScanStop(new ScanPosition(next, 0), steps));
      return step(node, availability, next, 0, limit, padIds, steps + 1, maxSteps);
    });
  }

  /** Each pad's meta (one HMGET each, in parallel, through {@code api}); a pad gone meanwhile is left out. */
  static Future<List<PadEntry>> entries(RedisAPI api, RedisAvailability availability, List<String> padIds) {
    List<Future<Response>> reads = new ArrayList<>();
    for (String padId : padIds) {
      reads.add(availability.track(api.hmget(List.of(PadKeys.of(padId).meta(), "head", "lastEdited", "size"))));
    }
    return Future.all(reads).map(all -> {
      List<PadEntry> out = new ArrayList<>();
      for (int i = 0; i < padIds.size(); i++) {
        PadEntry entry = entryOf(padIds.get(i), all.resultAt(i));
        if (entry != null) out.add(entry);
      }
      return out;
    });
  }

  /** The entry of an HMGET head lastEdited size reply; null when the pad is gone. */
  static PadEntry entryOf(String padId, Response meta) {
    if (meta == null || meta.size() < 3 || meta.get(0) == null) return null;
    return new PadEntry(padId, meta.get(0).toLong(), meta.get(1) == null ? 0 : meta.get(1).toLong(),
        meta.get(2) == null ? 0 : meta.get(2).toLong());
  }

  /** {@code ardoise:{escaped}:meta} → the pad's name (the escape of {@link PadKeys} undone). */
  static String padIdOf(String metaKey) {
    String escaped = metaKey.substring(PadKeys.PREFIX.length() + 1, metaKey.length() - "}:meta".length());
    return escaped.replace("%7B", "{").replace("%7D", "}").replace("%25", "%");
  }
}
