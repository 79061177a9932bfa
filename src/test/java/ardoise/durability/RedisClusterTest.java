package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ardoise.testing.Eventually;
import ardoise.testing.RedisClusterExtension;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on a real Redis Cluster (three masters, three replicas), typists on both:
 * pads on every master converge, and a pad's slot moved to another master while people type
 * (clients get ASK, then MOVED; the shard channel follows the slot) loses nothing and shows every
 * revision once on both instances.
 */
@Tag("process")
@Tag("redis")
class RedisClusterTest {
  private static final long SEED = Long.getLong("ot.seed", 20261205L);
  @RegisterExtension
  static final RedisClusterExtension cluster = RedisClusterExtension.create(3, 1);
  private Vertx vertx;
  private final List<ServerProcess> servers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    servers.add(ServerProcess.start(ServerProcess.freePort(), ClusterEnv.cluster(cluster.seeds(), 0), "cluster-a"));
    servers.add(ServerProcess.start(ServerProcess.freePort(), ClusterEnv.cluster(cluster.seeds(), 0), "cluster-b"));
  }

  @AfterEach
  void stop() throws Exception {
    for (ServerProcess s : servers) s.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void writersOnTwoInstancesConvergeOnAPadOnEachMaster() throws Exception {
    Map<Integer, String> padOfMaster = new LinkedHashMap<>();
    for (int i = 0; padOfMaster.size() < 3; i++) {
      String pad = "cluster-" + SEED + "-" + i;
      padOfMaster.putIfAbsent(masterOfPad(pad), pad);
    }
    List<Typists> groups = new ArrayList<>();
    for (String pad : padOfMaster.values()) {
      Typists typists = new Typists(vertx, "c" + groups.size() + "x", 4, SEED + groups.size());
      Typists.connect(typists.clients.subList(0, 2), servers.get(0).port(), pad);
      Typists.connect(typists.clients.subList(2, 4), servers.get(1).port(), pad);
      groups.add(typists);
    }
    for (int round = 0; round < 40; round++) for (Typists t : groups) t.burst();
    for (Typists t : groups) {
      t.awaitSettled();
      t.assertConvergedWithEveryTokenOnce();
      t.assertEveryRevisionSeenOnce();
      t.assertNoErrors();
    }
    assertEquals(3, padOfMaster.size(), "one pad on each master: " + padOfMaster.keySet());
  }

  @Test
  void aPadsSlotMovesToAnotherMasterWhilePeopleType() throws Exception {
    String pad = "moving-" + SEED;
    int slot = cluster.slotOf("ardoise:{" + pad + "}:meta");
    int from = cluster.masterOf(slot);
    int to = cluster.masterPorts().stream().filter(p -> p != from).findFirst().orElseThrow();
    Typists typists = new Typists(vertx, "m", 6, SEED);
    Typists.connect(typists.clients.subList(0, 3), servers.get(0).port(), pad);
    Typists.connect(typists.clients.subList(3, 6), servers.get(1).port(), pad);

    try (AutoCloseable typing = typists.typeInBackground()) {
      Eventually.until("some ops acknowledged", () -> typists.acks() >= 30);
      cluster.moveSlot(slot, to);
      int acksAtMove = typists.acks();
      Eventually.until("typing goes on after the move", () -> typists.acks() >= acksAtMove + 30);
    }
    typists.awaitSettled();
    // One more token on the first instance: the second learns it only through the pad's channel.
    typists.clients.get(0).type();
    typists.awaitSettled();

    assertEquals(to, cluster.masterOf(slot), "the slot moved");
    assertNotEquals(from, to);
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
    System.out.printf("slot %d moved from :%d to :%d while %d tokens were typed%n", slot, from, to,
        typists.clients.stream().mapToInt(c -> c.typed().size()).sum());
  }

  private static int masterOfPad(String pad) {
    return cluster.masterOf(cluster.slotOf("ardoise:{" + pad + "}:meta"));
  }
}
