package ardoise.store.redis;

import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Which master serves which hash slots of a Redis Cluster, as one node's {@code CLUSTER SLOTS}
 * tells it: ranges sorted by their first slot, each with its master's id (its address when the
 * server does not say) and address. The cluster listing walks the slots in this order
 * ({@link RedisClusterListing}). Immutable.
 */
record RedisSlotMap(List<Range> ranges) {
  static final int SLOTS = 16384;

  /** Slots {@code start..end} (inclusive) are served by {@code master}, reached at host:port. */
  record Range(int start, int end, String master, String host, int port) {}

  RedisSlotMap {
    ranges = ranges.stream().sorted(Comparator.comparingInt(Range::start)).toList();
  }

  /**
   * From a CLUSTER SLOTS reply: {@code [[start, end, [host, port, id, …], replicas…], …]}. A master
   * that does not know its own address answers an empty host: it is then {@code defaultHost}, the
   * host the client reached the cluster through (as the Vert.x cluster client does).
   */
  static RedisSlotMap of(Response reply, String defaultHost) {
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i < reply.size(); i++) {
      Response range = reply.get(i);
      Response master = range.get(2);
      String host = master.get(0).toString();
      if (host.isEmpty() || host.equals("?")) host = defaultHost;
      int port = master.get(1).toInteger();
      String id = master.size() > 2 && master.get(2) != null ? master.get(2).toString() : "";
      ranges.add(new Range(range.get(0).toInteger(), range.get(1).toInteger(), id.isEmpty() ? host + ":" + port : id, host, port));
    }
    return new RedisSlotMap(ranges);
  }

  /** The range that holds {@code slot}; null while no master serves it (a failover under way). */
  Range at(int slot) {
    for (Range r : ranges) {
      if (slot >= r.start() && slot <= r.end()) return r;
    }
    return null;
  }

  /** The lowest slot any master serves; -1 when none does. */
  int firstSlot() {
    return ranges.isEmpty() ? -1 : ranges.get(0).start();
  }

  /**
   * The first slot of the master whose first slot comes next after {@code slot}; -1 after the last
   * master. In a map that does not change, these are the masters one by one, each once.
   */
  int nextMaster(int slot) {
    List<String> seen = new ArrayList<>();
    for (Range r : ranges) {
      if (seen.contains(r.master())) continue;
      seen.add(r.master());
      if (r.start() > slot) return r.start();
    }
    return -1;
  }

  /**
   * The first slot after {@code slot} that another master than the one serving {@code slot}
   * serves; -1 when none. Walking the slots this way reaches every master that serves a slot
   * ahead, whatever moved behind; a master that serves several runs of slots is reached once per run.
   */
  int nextOtherMaster(int slot) {
    Range here = at(slot);
    for (Range r : ranges) {
      if (r.end() <= slot) continue;
      if (here == null || !r.master().equals(here.master())) return Math.max(r.start(), slot + 1);
    }
    return -1;
  }

  /** Eight hex digits that change when a slot changes master (replicas do not count). */
  String fingerprint() {
    CRC32 crc = new CRC32();
    for (Range r : ranges) crc.update((r.start() + "-" + r.end() + "-" + r.master() + ";").getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
