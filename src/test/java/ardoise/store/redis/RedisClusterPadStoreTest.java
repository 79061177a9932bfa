package ardoise.store.redis;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.PadStore;
import ardoise.store.PadStoreContract;
import ardoise.testing.Eventually;
import ardoise.testing.RedisClusterExtension;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole store conformance suite against a real Redis Cluster of three masters and three
 * replicas: every script and multi-key command of the store must touch one slot (the cluster
 * refuses others with CROSSSLOT), and commit notifications must reach a store whose connections go
 * to other nodes. Each test uses its own pad ids, which spread over the three masters.
 */
@Tag("redis")
class RedisClusterPadStoreTest extends PadStoreContract {
  @RegisterExtension
  static final RedisClusterExtension cluster = RedisClusterExtension.create(3, 1);
  private final List<PadStore> others = new ArrayList<>();

  @Override
  protected PadStore newStore(Vertx vertx) {
    return RedisPadStore.create(vertx, RedisTopology.cluster(List.of(cluster.seeds().split(","))), RedisPadStore.Tuning.DEFAULT);
  }

  /** A second store with its own connections: what another server instance would see. */
  @Override
  protected PadStore otherWriter() {
    PadStore other = newStore(vertx);
    others.add(other);
    return other;
  }

  @AfterEach
  void closeOthers() throws Exception {
    for (PadStore other : others) other.close().await();
  }

  /**
   * Pads on each of the three masters, written by one store and watched by another: each watcher
   * hears its pad's commits, through a sharded subscription held on the master that owns the pad.
   */
  @Test
  void padsOnEveryMasterNotifyTheirWatchersThroughShardedChannels() throws Exception {
    List<String> pads = new ArrayList<>();
    Set<Integer> masters = new HashSet<>();
    while (masters.size() < 3) {
      String pad = newPadId();
      if (masters.add(cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta")))) pads.add(pad);
    }
    PadStore watcher = otherWriter();
    List<String> heard = new CopyOnWriteArrayList<>();
    for (String pad : pads) watcher.watch(pad, head -> heard.add(pad + "@" + head)).await();
    for (String pad : pads) {
      int master = cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta"));
      String subscribers = cluster.node(master).cli("PUBSUB", "SHARDNUMSUB", "ardoise:{" + pad + "}:commits");
      assertEquals("1", subscribers.split("\n")[1].strip(), "a sharded subscription on the pad's master: " + subscribers);
    }
    for (String pad : pads) store.append(pad, 0, inserts(0, 0, "alice", 1, "a", "b")).await();
    Eventually.until("every pad's watcher heard its head", () -> pads.stream().allMatch(p -> heard.contains(p + "@2")),
        heard::toString);
    assertTrue(masters.containsAll(cluster.masterPorts()), "the pads cover every master: " + masters);
  }

  /** A SCAN reaches one master: the store says it cannot list rather than list a third of the pads. */
  @Test
  void listingThePadsIsRefusedRatherThanPartial() {
    store.append(newPadId(), 0, inserts(0, 0, "alice", 1, "a")).await();
    UnsupportedOperationException refused = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> store.listPads(null, 10).await());
    assertTrue(refused.getMessage().contains("Redis Cluster"), refused.getMessage());
  }
}
