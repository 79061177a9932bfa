package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisPadStore;
import ardoise.store.redis.RedisTopology;
import ardoise.testing.Eventually;
import ardoise.testing.RedisClusterExtension;
import ardoise.testing.RedisNode;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One master of the cluster is killed with SIGKILL while one store commits to two pads: pad A,
 * whose slot that master serves, and pad B, on another master. Until A's replica takes over, A's
 * commits fail; B's go on being acknowledged all along, none held, and another store watching B
 * hears them. Then A resumes. With and
 * without the replica wait (B's master keeps its replica, so B's WAIT 1 is answered throughout).
 * The nodes run with {@code cluster-require-full-coverage no} (docs/storage.md, "Redis settings"):
 * with Redis's default, every master refuses commands from the moment the dead one is marked as
 * failed until its replica took over. The killed node is restarted once replaced, as a supervisor would, so that A's new master has a
 * replica again for the wait. Figures printed: how long the slot had no master, B's acknowledgements
 * in that window and its longest gap between two, when A was acknowledged again.
 */
@Tag("process")
@Tag("redis")
class RedisClusterMasterDownTest {
  private static final long SEED = Long.getLong("ot.seed", 20261205L);
  @RegisterExtension
  static final RedisClusterExtension cluster = RedisClusterExtension.create(3, 1, "--cluster-require-full-coverage", "no");
  private final List<AutoCloseable> open = new ArrayList<>();
  private Vertx vertx;

  @AfterEach
  void close() throws Exception {
    java.util.Collections.reverse(open);
    for (AutoCloseable c : open) c.close();
    open.clear();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void padsOnTheOtherMastersKeepCommittingWhileOneMasterIsDown() throws Exception {
    killOneMasterWhileTwoPadsCommit("down-nowait-" + SEED, 0);
  }

  @Test
  void withTheReplicaWaitPadsOnTheOtherMastersKeepCommittingWhileOneMasterIsDown() throws Exception {
    killOneMasterWhileTwoPadsCommit("down-wait-" + SEED, 1);
  }

  /**
   * A master drops the store's connections (CLIENT KILL) and stays master: the store's connections
   * to it are replaced, and its pad commits again. Nothing in the slot map changes, so without the
   * replacement every command for that master would fail on the dead connections for good.
   */
  @Test
  void connectionsThatAMasterDroppedAreReplaced() throws Exception {
    cluster.awaitHealthy();
    vertx = Vertx.vertx();
    PadStore store = RedisPadStore.create(vertx, RedisTopology.cluster(List.of(cluster.seeds().split(","))),
        new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 200, 500, 8, 2000));
    open.add(() -> store.close().await());
    String pad = "dropped-" + SEED;
    MarkerWriter writer = new MarkerWriter(store, pad, "d");
    open.add(writer);
    Eventually.until("markers acknowledged", () -> writer.ackCount() >= 50);
    RedisNode master = cluster.node(cluster.masterOf(slotOf(pad)));
    String killed = master.cli("CLIENT", "KILL", "TYPE", "normal");
    long droppedAt = System.nanoTime();
    Eventually.until("the pad commits again", () -> writer.firstAckAfter(droppedAt) > 0);
    int acks = writer.ackCount();
    Eventually.until("and goes on", () -> writer.ackCount() >= acks + 20);
    writer.close();
    System.out.printf("cluster, a master dropped %s connections of the store: the pad committed again %d ms after%n",
        killed, (writer.firstAckAfter(droppedAt) - droppedAt) / 1_000_000);
    assertEveryMarkerOnce(store, pad, writer.ackedBefore(Long.MAX_VALUE));
  }

  private void killOneMasterWhileTwoPadsCommit(String prefix, int waitReplicas) throws Exception {
    cluster.awaitHealthy();
    vertx = Vertx.vertx();
    RedisTopology topology = RedisTopology.cluster(List.of(cluster.seeds().split(","))).withReplicaWait(waitReplicas, 500);
    RedisPadStore.Tuning tuning = new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 200, 500, 8, 2000);
    PadStore store = RedisPadStore.create(vertx, topology, tuning);
    open.add(() -> store.close().await());
    String padA = prefix + "-a";
    int slotA = slotOf(padA);
    int masterA = cluster.masterOf(slotA);
    String padB = null;
    for (int i = 0; padB == null; i++) {
      if (cluster.masterOf(slotOf(prefix + "-b" + i)) != masterA) padB = prefix + "-b" + i;
    }

    // Another instance's store watches pad B: its commit notifications must go on too.
    PadStore other = RedisPadStore.create(vertx, topology, tuning);
    open.add(() -> other.close().await());
    List<Long> heardB = java.util.Collections.synchronizedList(new ArrayList<>());
    other.watch(padB, head -> heardB.add(System.nanoTime())).await();
    MarkerWriter a = new MarkerWriter(store, padA, "a");
    open.add(a);
    MarkerWriter b = new MarkerWriter(store, padB, "b");
    open.add(b);
    Eventually.until("both pads acknowledged", () -> a.ackCount() >= 50 && b.ackCount() >= 50);
    RedisNode master = cluster.node(masterA);
    master.kill();
    long killedAt = System.nanoTime();
    long servedAgainAt;
    try {
      Eventually.until("a replica serves pad A's slot", () -> cluster.masterOf(slotA) > 0 && cluster.masterOf(slotA) != masterA,
          cluster::describe);
      servedAgainAt = System.nanoTime();
    } finally {
      master.restart();
    }
    Eventually.until("pad A is acknowledged again", () -> a.firstAckAfter(servedAgainAt) > 0);
    long aAgainAt = a.firstAckAfter(killedAt);
    int bAcksAtRecovery = b.ackCount();
    Eventually.until("pad B goes on", () -> b.ackCount() >= bAcksAtRecovery + 20);
    a.close();
    b.close();
    cluster.awaitHealthy();

    List<Long> inWindow = new ArrayList<>(List.of(killedAt));
    b.ackTimes().stream().filter(t -> t > killedAt && t < servedAgainAt).forEach(inWindow::add);
    inWindow.add(servedAgainAt);
    long longestGap = 0;
    for (int i = 1; i < inWindow.size(); i++) longestGap = Math.max(longestGap, inWindow.get(i) - inWindow.get(i - 1));
    long windowMs = (servedAgainAt - killedAt) / 1_000_000;
    int bAcksInWindow = inWindow.size() - 2;
    long bHeardInWindow;
    synchronized (heardB) {
      bHeardInWindow = heardB.stream().filter(t -> t > killedAt && t < servedAgainAt).count();
    }
    System.out.printf("cluster, one master killed, replica wait %d: pad A's slot without a master for %d ms; pad B "
        + "acknowledged %d times meanwhile, longest gap %d ms, %d commits heard by another store; pad A "
        + "acknowledged again %d ms after the kill (%d failed attempts)%n", waitReplicas, windowMs, bAcksInWindow,
        longestGap / 1_000_000, bHeardInWindow, (aAgainAt - killedAt) / 1_000_000, a.failures());
    assertTrue(bAcksInWindow >= 3, "pad B acknowledged only " + bAcksInWindow + " times in the " + windowMs
        + " ms pad A's master was down");
    assertTrue(longestGap < servedAgainAt - killedAt, "pad B waited " + longestGap / 1_000_000
        + " ms between two acknowledgements, as long as the failover (" + windowMs + " ms)");
    assertTrue(bHeardInWindow >= 3, "another store heard pad B's commits only " + bHeardInWindow
        + " times while pad A's master was down");
    assertEveryMarkerOnce(store, padB, b.ackedBefore(Long.MAX_VALUE));
    // Without the wait, what A's master acknowledged last may not have reached its replica (and
    // nothing here writes it back, as a server would): only A's later markers are checked then.
    List<String> beforeKill = a.ackedBefore(killedAt);
    assertEveryMarkerOnce(store, padA, a.ackedBefore(Long.MAX_VALUE).stream()
        .filter(m -> waitReplicas > 0 || !beforeKill.contains(m)).toList());
  }

  /** Every acknowledged marker is in the pad's log exactly once. */
  private static void assertEveryMarkerOnce(PadStore store, String pad, List<String> acked) {
    Map<String, Integer> counts = new HashMap<>();
    for (OpRecord r : store.ops(pad, 0, Long.MAX_VALUE / 2).await()) {
      counts.merge(r.op().toString().replaceAll(".*(<w-\\d+>).*", "$1"), 1, Integer::sum);
    }
    for (String marker : acked) assertEquals(1, counts.getOrDefault(marker, 0), pad + ": " + marker);
  }

  private static int slotOf(String pad) {
    return cluster.slotOf("ardoise:{" + pad + "}:meta");
  }
}
