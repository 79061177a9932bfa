package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.SnapshotPolicy;
import ardoise.store.redis.RedisPadStore;
import ardoise.store.redis.RedisTopology;
import ardoise.testing.RedisNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * With a replica wait, what a pad reads as committed must be on the replicas too. An append whose
 * own wait fails has written its records on the master: a pad that reads them back (its catch-up,
 * or another instance hearing of them, or a load) would acknowledge edits a failover can take
 * back. Real redis-server processes: a master and one replica, the replica killed and restarted.
 */
@Tag("process")
@Tag("redis")
class ReadsUnderReplicaWaitTest {
  private static final List<String> ARGS = List.of("--appendonly", "yes", "--appendfsync", "everysec", "--save", "");
  private final Vertx vertx = Vertx.vertx();
  private RedisNode master;
  private RedisNode replica;
  private RedisPadStore waiting;
  private RedisPadStore plain;

  @AfterEach
  void stop() throws Exception {
    if (waiting != null) waiting.close().await();
    if (plain != null) plain.close().await();
    vertx.close().await();
    if (replica != null) replica.close();
    if (master != null) master.close();
  }

  private static OpRecord record(long rev, String text, long length) {
    TextOperation op = TextOperation.builder().retain((int) length).insert(text, "author-a").build();
    return new OpRecord(rev, op, "client-a", rev, "author-a", 1_764_000_000_000L + rev);
  }

  /** {@code f} once it completed, successfully or not (at most 10 s). */
  private static <T> Future<T> settled(Future<T> f) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!f.isComplete() && System.nanoTime() < deadline) Thread.sleep(10);
    assertTrue(f.isComplete(), "no answer within 10 s");
    return f;
  }

  /** Polls until {@code read} succeeds (the replica is back and in sync), at most 30 s. */
  private static <T> T eventually(java.util.function.Supplier<Future<T>> read) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try {
        return read.get().await();
      } catch (Exception e) {
        if (System.nanoTime() > deadline) throw e;
        Thread.sleep(50);
      }
    }
  }

  @Test
  void recordsWrittenWithoutTheirReplicasAreNotServedUntilTheReplicasHoldThem() throws Exception {
    master = RedisNode.start(ARGS);
    List<String> replicaArgs = new java.util.ArrayList<>(ARGS);
    replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
    replica = RedisNode.start(replicaArgs);
    RedisPadStore.Tuning tuning = new RedisPadStore.Tuning(SnapshotPolicy.DEFAULT, 200, 500, 8, 2000);
    waiting = RedisPadStore.create(vertx, RedisTopology.standalone(master.url()).withReplicaWait(1, 300), tuning);
    plain = RedisPadStore.create(vertx, RedisTopology.standalone(master.url()), tuning);
    String pad = "attente-" + System.nanoTime();

    // Revision 1 once the replica is in sync (its wait succeeds).
    eventually(() -> waiting.append(pad, 0, List.of(record(1, "Bonjour", 0))));
    replica.kill();
    // Revision 2: written on the master, its wait fails (no replica).
    Future<?> unconfirmed = settled(waiting.append(pad, 1, List.of(record(2, " à tous", 7))));
    assertTrue(unconfirmed.failed(), "the append's wait must fail without a replica");
    assertEquals(2, plain.ops(pad, 0, 2).await().size(), "the master holds revision 2");

    // Read under the wait: refused while no replica holds revision 2, for the catch-up and the load.
    Future<List<OpRecord>> read = settled(waiting.ops(pad, 0, 2));
    assertTrue(read.failed(), "records no replica holds were served: " + read.result());
    Future<?> load = settled(waiting.load(pad));
    assertTrue(load.failed(), "a load served records no replica holds");

    // The replica comes back and copies the master: then both are served.
    long back = System.nanoTime();
    replica.restart();
    assertEquals(2, eventually(() -> waiting.ops(pad, 0, 2)).size());
    assertEquals(2, eventually(() -> waiting.load(pad)).head());
    System.out.printf("reads under the wait served again %d ms after the replica restarted%n",
        (System.nanoTime() - back) / 1_000_000);
  }
}
