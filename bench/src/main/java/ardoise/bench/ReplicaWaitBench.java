package ardoise.bench;

import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.redis.RedisPadStore;
import ardoise.store.redis.RedisTopology;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of the replica wait on one commit: the same pads committed one record at a time by a
 * store without the wait and a store with {@code WAIT 1}, interleaved (so that a busy machine
 * slows both alike), against a running cluster whose masters have replicas:
 * {@code ReplicaWaitBench <comma-separated nodes> [commits]}. Prints percentiles. Not a test.
 */
public final class ReplicaWaitBench {
  private ReplicaWaitBench() {}

  public static void main(String[] args) throws Exception {
    List<String> nodes = List.of(args[0].split(","));
    int commits = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Vertx vertx = Vertx.vertx();
    PadStore plain = RedisPadStore.create(vertx, RedisTopology.cluster(nodes), RedisPadStore.Tuning.DEFAULT);
    PadStore waiting = RedisPadStore.create(vertx, RedisTopology.cluster(nodes).withReplicaWait(1, 1000),
        RedisPadStore.Tuning.DEFAULT);
    String run = Long.toString(System.currentTimeMillis(), 36);
    long[] plainNs = new long[commits];
    long[] waitNs = new long[commits];
    for (int i = 0; i < commits + 200; i++) {
      boolean measured = i >= 200; // the first 200 warm up the JIT and the connections
      long a = commit(plain, "wait-bench-" + run + "-plain-" + (i % 8), i / 8);
      long b = commit(waiting, "wait-bench-" + run + "-wait-" + (i % 8), i / 8);
      if (measured) {
        plainNs[i - 200] = a;
        waitNs[i - 200] = b;
      }
    }
    print("no wait", plainNs);
    print("WAIT 1 ", waitNs);
    plain.close().await();
    waiting.close().await();
    vertx.close().await();
  }

  private static long commit(PadStore store, String pad, long head) {
    OpRecord r = new OpRecord(head + 1, TextOperation.builder().retain((int) head).insert("x").build(), "bench",
        head + 1, "bench", System.currentTimeMillis());
    long t0 = System.nanoTime();
    if (!store.append(pad, head, List.of(r)).await().appended()) throw new IllegalStateException("head moved on " + pad);
    return System.nanoTime() - t0;
  }

  private static void print(String name, long[] ns) {
    long[] sorted = ns.clone();
    Arrays.sort(sorted);
    System.out.printf("%s: %d commits, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms%n", name, sorted.length,
        sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
        Arrays.stream(sorted).average().orElse(0) / 1e6);
  }
}
