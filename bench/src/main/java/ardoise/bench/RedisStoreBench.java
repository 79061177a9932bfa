package ardoise.bench;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.Snapshot;
import ardoise.store.StoredPad;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Store benchmark against a real redis-server (see bench/README.md): loading a pad of 100,000
 * revisions written with snapshots as the pad would, and the commit throughput of one pad for
 * several batch sizes under appendfsync everysec and always. Not a test: it prints figures.
 */
public final class RedisStoreBench {
  private static final int REVISIONS = Integer.getInteger("bench.revisions", 100_000);
  private static final int SNAPSHOT_EVERY = Integer.getInteger("bench.snapshotEvery", 500);
  private static final int LOADS = Integer.getInteger("bench.loads", 30);
  private static final int[] BATCH_SIZES = {1, 10, 100};
  private static final long THROUGHPUT_MS = Long.getLong("bench.throughputMs", 3000);

  private RedisStoreBench() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      for (RedisLauncher.Fsync fsync : RedisLauncher.Fsync.values()) {
        RedisLauncher redis = RedisLauncher.start(Files.createTempDirectory("ardoise-bench-"), fsync);
        try {
          System.out.printf("%n== redis-server, appendfsync %s ==%n", fsync.name().toLowerCase());
          // -Dbench.retentionMs=N: pads with a lifetime, so every commit refreshes the keys' TTLs.
          long retentionMs = Long.getLong("bench.retentionMs", 0);
          PadStore store = RedisPadStore.create(vertx, redis.url(), RedisPadStore.Tuning.DEFAULT
              .withRetention(new ardoise.store.Retention(retentionMs, retentionMs)));
          if (fsync == RedisLauncher.Fsync.EVERYSEC) {
            benchLoad(store);
            printFootprint(vertx, redis);
          }
          runThroughput(store, "warm-up", 10, THROUGHPUT_MS / 2); // JIT and connection pool, not reported
          for (int size : BATCH_SIZES) benchThroughput(store, size);
          store.close().await();
        } finally {
          redis.stop();
          deleteTree(redis.dataDir());
        }
      }
    } finally {
      vertx.close().await();
    }
  }

  private static void benchLoad(PadStore store) throws Exception {
    long start = System.nanoTime();
    AttributedText doc = writeHistory(store, "big", REVISIONS, new Random(42));
    System.out.printf("wrote %,d revisions (snapshot every %d, final text %,d code units) in %.1f s%n",
        REVISIONS, SNAPSHOT_EVERY, doc.length(), (System.nanoTime() - start) / 1e9);
    long[] loads = new long[LOADS];
    int tail = 0;
    for (int i = -5; i < LOADS; i++) { // 5 warm-up loads
      long t0 = System.nanoTime();
      StoredPad pad = store.load("big").await();
      AttributedText rebuilt = replay(pad.snapshot().doc(), pad.tail());
      long t1 = System.nanoTime();
      if (!rebuilt.equals(doc)) throw new AssertionError("load rebuilt a different document");
      if (i >= 0) loads[i] = t1 - t0;
      tail = pad.tail().size();
    }
    System.out.printf("load() + replay of the %d-op tail: p50 %.2f ms, p95 %.2f ms over %d loads%n",
        tail, pct(loads, 50), pct(loads, 95), LOADS);
    long[] full = new long[5];
    for (int i = 0; i < full.length; i++) {
      long t0 = System.nanoTime();
      AttributedText rebuilt = replay(AttributedText.EMPTY, store.ops("big", 0, REVISIONS).await());
      full[i] = System.nanoTime() - t0;
      if (!rebuilt.equals(doc)) throw new AssertionError("full replay rebuilt a different document");
    }
    System.out.printf("for comparison, ops(0, %d] + replay from empty: p50 %.0f ms%n", REVISIONS, pct(full, 50));
  }

  /** Memory of the 100,000-op log in Redis and size of the append-only files on disk. */
  private static void printFootprint(Vertx vertx, RedisLauncher redis) throws Exception {
    Redis client = Redis.createClient(vertx, redis.url());
    long log = RedisAPI.api(client).memory(List.of("USAGE", "ardoise:{big}:log", "SAMPLES", "0")).await().toLong();
    long snapshots = RedisAPI.api(client).memory(List.of("USAGE", "ardoise:{big}:snapshots", "SAMPLES", "0")).await().toLong();
    client.close().await();
    long aof;
    try (var files = Files.walk(redis.dataDir())) {
      aof = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf("footprint: op log %.1f MB in memory (%d B/op), kept snapshots %.1f MB, AOF on disk %.1f MB%n",
        log / 1e6, log / REVISIONS, snapshots / 1e6, aof / 1e6);
  }

  /**
   * Writes {@code revisions} random edits in batches of 100, with a snapshot every SNAPSHOT_EVERY
   * revisions, placed so that the last one is SNAPSHOT_EVERY - 1 revisions behind the head: the
   * longest tail a pad that snapshots every SNAPSHOT_EVERY revisions leaves behind.
   */
  private static AttributedText writeHistory(PadStore store, String pad, int revisions, Random random) throws Exception {
    AttributedText doc = AttributedText.EMPTY;
    List<OpRecord> batch = new ArrayList<>();
    long[] seqs = new long[8];
    for (int rev = 1; rev <= revisions; rev++) {
      int who = random.nextInt(seqs.length);
      TextOperation op = randomEdit(random, doc.length()).withAuthor("author-" + who);
      doc = doc.apply(op, "author-" + who);
      batch.add(new OpRecord(rev, op, "client-" + who, ++seqs[who], "author-" + who, System.currentTimeMillis()));
      if (batch.size() == 100 || rev == revisions || rev % SNAPSHOT_EVERY == 1) {
        store.append(pad, rev - batch.size(), batch).await();
        batch.clear();
      }
      if (rev % SNAPSHOT_EVERY == 1) store.saveSnapshot(pad, new Snapshot(rev, doc, System.currentTimeMillis())).await();
    }
    return doc;
  }

  /** Typing-like edits (ASCII, so no surrogate pairs to avoid); the text settles below ~100,000 code units. */
  private static TextOperation randomEdit(Random random, int length) {
    int at = random.nextInt(length + 1);
    boolean insert = length == 0 || random.nextDouble() < (length < 30_000 ? 0.7 : 0.4);
    if (insert) return TextOperation.builder().retain(at).insert("mot ".repeat(1 + random.nextInt(2))).retain(length - at).build();
    int count = Math.min(1 + random.nextInt(5), length - Math.min(at, length - 1));
    at = Math.min(at, length - count);
    return TextOperation.builder().retain(at).delete(count).retain(length - at - count).build();
  }

  /** One writer committing back to back (one batch in flight, as a pad's sequencer does). */
  private static void benchThroughput(PadStore store, int batchSize) throws Exception {
    runThroughput(store, "throughput-" + batchSize, batchSize, THROUGHPUT_MS);
  }

  private static void runThroughput(PadStore store, String pad, int batchSize, long durationMs) throws Exception {
    List<Long> latencies = new ArrayList<>();
    long head = 0;
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      List<OpRecord> batch = new ArrayList<>(batchSize);
      for (int i = 1; i <= batchSize; i++) {
        long rev = head + i;
        TextOperation op = TextOperation.builder().retain((int) rev - 1).insert("x", "a").build();
        batch.add(new OpRecord(rev, op, "client", rev, "a", rev));
      }
      long t0 = System.nanoTime();
      store.append(pad, head, batch).await();
      latencies.add(System.nanoTime() - t0);
      head += batchSize;
    }
    if (pad.equals("warm-up")) return;
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] l = latencies.stream().mapToLong(Long::longValue).toArray();
    System.out.printf("batch %3d: %,8.0f ops/s, %,6.0f commits/s, commit p50 %.2f ms p95 %.2f ms%n",
        batchSize, head / seconds, l.length / seconds, pct(l, 50), pct(l, 95));
  }

  private static AttributedText replay(AttributedText from, List<OpRecord> ops) {
    AttributedText doc = from;
    for (OpRecord r : ops) doc = doc.apply(r.op(), r.author());
    return doc;
  }

  private static double pct(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
