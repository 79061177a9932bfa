package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import ardoise.testing.RedisNode;
import ardoise.testing.RedisSentinelExtension;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on a master with two replicas watched by three sentinels, each commit
 * waiting for one replica: the master is killed with SIGKILL while six people type; the sentinels
 * promote a replica and point the other one at it; edits are held meanwhile (not acknowledged,
 * no error shown), then acknowledged, and every edit acknowledged before the kill is in the pad
 * exactly once, and both instances report ready again.
 */
@Tag("process")
@Tag("redis")
class RedisSentinelTest {
  private static final long SEED = Long.getLong("ot.seed", 20261205L);
  @RegisterExtension
  static final RedisSentinelExtension sentinels = RedisSentinelExtension.create(2);
  private Vertx vertx;
  private ServerProcess a;
  private ServerProcess b;

  @AfterEach
  void stop() throws Exception {
    if (a != null) a.close();
    if (b != null) b.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void aSigkilledMasterIsReplacedAndNoAcknowledgedEditIsLost() throws Exception {
    vertx = Vertx.vertx();
    String pad = "sentinel-" + SEED;
    a = ServerProcess.start(ServerProcess.freePort(),
        ClusterEnv.sentinel(sentinels.sentinelUrls(), RedisSentinelExtension.MASTER, 1), "sentinel-a");
    b = ServerProcess.start(ServerProcess.freePort(),
        ClusterEnv.sentinel(sentinels.sentinelUrls(), RedisSentinelExtension.MASTER, 1), "sentinel-b");
    Typists typists = new Typists(vertx, "s", 6, SEED);
    Typists.connect(typists.clients.subList(0, 3), a.port(), pad);
    Typists.connect(typists.clients.subList(3, 6), b.port(), pad);

    Set<String> ackedBeforeKill = new HashSet<>();
    RedisNode master = sentinels.server(sentinels.masterPort());
    long killedAt;
    long promotedMs;
    long recoveredMs;
    int typedDuringOutage;
    try (AutoCloseable typing = typists.typeInBackground()) {
      Eventually.until("some ops acknowledged", () -> typists.acks() >= 40);
      int typedAtKill = typed(typists);
      master.kill();
      killedAt = System.nanoTime();
      int acksAtKill = typists.acks();
      typists.clients.forEach(c -> ackedBeforeKill.addAll(c.acked()));
      Eventually.until("the sentinels promote a replica", () -> sentinels.masterPort() != master.port());
      promotedMs = (System.nanoTime() - killedAt) / 1_000_000;
      Eventually.until("acknowledgements again", () -> typists.acks() > acksAtKill + 5,
          () -> typists.describe() + sentinels.describe(storeProbes(pad)));
      recoveredMs = (System.nanoTime() - killedAt) / 1_000_000;
      typedDuringOutage = typed(typists) - typedAtKill;
      int acksAfter = typists.acks();
      Eventually.until("typing goes on", () -> typists.acks() >= acksAfter + 20,
          () -> typists.describe() + sentinels.describe(storeProbes(pad)));
    }
    sentinels.awaitSettled();
    typists.awaitSettled();

    assertNotEquals(master.port(), sentinels.masterPort());
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
    String text = typists.clients.get(0).doc();
    for (String token : ackedBeforeKill) assertTrue(text.contains(token), "acknowledged " + token + " lost");
    Eventually.until("both instances ready", () -> ready(a) == 200 && ready(b) == 200);
    System.out.printf("sentinel failover, two instances, replica wait 1: replica promoted %d ms after the kill, "
        + "acknowledgements again after %d ms, %d tokens typed meanwhile (held, then acknowledged), "
        + "%d acknowledged before the kill, none lost%n", promotedMs, recoveredMs, typedDuringOutage, ackedBeforeKill.size());
  }

  /** The pad's head and the length of its log (its last rev) on a server, for a failure's message. */
  private static List<List<String>> storeProbes(String pad) {
    String keys = "ardoise:{" + pad + "}:";
    return List.of(List.of("HGET", keys + "meta", "head"), List.of("XLEN", keys + "log"));
  }

  private static int typed(Typists typists) {
    return typists.clients.stream().mapToInt(c -> c.typed().size()).sum();
  }

  private static int ready(ServerProcess server) {
    try {
      var c = (java.net.HttpURLConnection) java.net.URI.create("http://127.0.0.1:" + server.port() + "/health/ready")
          .toURL().openConnection();
      c.setReadTimeout(5000);
      int code = c.getResponseCode();
      c.disconnect();
      return code;
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
