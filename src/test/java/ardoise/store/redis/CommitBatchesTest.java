package ardoise.store.redis;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ardoise.ot.AttributedText;
import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import ardoise.store.SeqNotNewException;
import ardoise.store.StoreFull;
import ardoise.store.StoredPad;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Commits that pads start in the same turn of an event loop go to Redis as one script, and each
 * pad still gets its own answer: appended, head moved, gone, seq not new, Redis full.
 */
@Tag("redis")
class CommitBatchesTest {
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);

  private Vertx vertx;
  private PadStore store;
  private Redis admin;
  private RedisAPI api;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = RedisPadStore.create(vertx, redis.url());
    admin = Redis.createClient(vertx, redis.url());
    api = RedisAPI.api(admin);
  }

  @AfterEach
  void stop() throws Exception {
    api.config(List.of("SET", "maxmemory", "0")).await();
    store.close().await();
    admin.close().await();
    vertx.close().await();
  }

  @Test
  void eachPadOfABatchGetsItsOwnAnswer() throws Exception {
    String fresh = pad();
    String moved = pad();
    String seenSeq = pad();
    String gone = pad();
    store.append(moved, 0, inserts(0, 0, "bob", 1, "b")).await();
    store.append(seenSeq, 0, inserts(0, 0, "carol", 1, "c")).await();
    warmUp();
    long scripts = scriptCalls();

    List<Future<AppendResult>> answers = inOneTurn(s -> List.of(
        s.append(fresh, 0, inserts(0, 0, "alice", 1, "a")),
        s.append(moved, 0, inserts(0, 0, "bob", 2, "x")),
        s.append(seenSeq, 1, inserts(1, 1, "carol", 1, "again")),
        s.append(gone, 3, List.of(new OpRecord(4, inserts(0, 0, "dan", 1, "d").get(0).op(), "dan", 1, "author-dan", 1)))));

    assertEquals(new AppendResult(true, 1), answers.get(0).await());
    assertEquals(new AppendResult(false, 1), answers.get(1).await());
    assertInstanceOf(SeqNotNewException.class, failure(answers.get(2)));
    assertEquals(AppendResult.GONE, answers.get(3).await());
    assertEquals(scripts + 1, scriptCalls(), "the four commits went as one script");
    assertEquals("a", text(fresh));
    assertEquals("b", text(moved), "a refused commit wrote nothing");
    assertEquals(1, store.load(seenSeq).await().head());
  }

  @Test
  void aFullBatchLeavesAtOnceAndTheRestAtTheEndOfTheTurn() throws Exception {
    warmUp();
    long scripts = scriptCalls();
    int pads = CommitBatches.MAX_PADS + 5;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < pads; i++) ids.add(pad());

    List<Future<AppendResult>> answers = inOneTurn(s -> {
      List<Future<AppendResult>> started = new ArrayList<>();
      for (String id : ids) started.add(s.append(id, 0, inserts(0, 0, "alice", 1, id.substring(6, 9))));
      return started;
    });

    for (Future<AppendResult> a : answers) assertEquals(new AppendResult(true, 1), a.await());
    assertEquals(scripts + 2, scriptCalls(), CommitBatches.MAX_PADS + " commits, then 5");
    for (String id : ids) assertEquals(id.substring(6, 9), text(id));
  }

  @Test
  void aRedisThatRefusesWritesFailsEveryCommitOfTheBatchAsFull() throws Exception {
    String a = pad();
    String b = pad();
    warmUp();
    api.config(List.of("SET", "maxmemory", "1")).await();

    List<Future<AppendResult>> answers = inOneTurn(s -> List.of(
        s.append(a, 0, inserts(0, 0, "alice", 1, "a")),
        s.append(b, 0, inserts(0, 0, "bob", 1, "b"))));

    assertInstanceOf(StoreFull.class, failure(answers.get(0)));
    assertInstanceOf(StoreFull.class, failure(answers.get(1)));
    api.config(List.of("SET", "maxmemory", "0")).await();
    assertNull(store.load(a).await(), "nothing was written");
    assertNull(store.load(b).await(), "nothing was written");
  }

  @Test
  void aNewPadsFirstCommitIsRefusedWhenRedisIsFull() throws Exception {
    String a = pad();
    api.config(List.of("SET", "maxmemory", "1")).await();

    assertInstanceOf(StoreFull.class, failure(store.append(a, 0, inserts(0, 0, "alice", 1, "a"))));
    api.config(List.of("SET", "maxmemory", "0")).await();
    assertEquals(new AppendResult(true, 1), store.append(a, 0, inserts(0, 0, "alice", 1, "a")).await());
  }

  /**
   * Random rounds: in each turn some pads commit a few records each, some of them stale (their
   * head moved); every log read back holds exactly the records that were acknowledged, in order.
   */
  @Test
  void randomRoundsOfBatchesKeepEveryPadsLogExact() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int pads = 12;
    List<String> ids = new ArrayList<>();
    long[] heads = new long[pads];
    StringBuilder[] texts = new StringBuilder[pads];
    for (int i = 0; i < pads; i++) {
      ids.add(pad());
      texts[i] = new StringBuilder();
    }
    for (int round = 0; round < 40; round++) {
      List<Integer> chosen = new ArrayList<>();
      List<Long> expected = new ArrayList<>();
      List<String[]> words = new ArrayList<>();
      for (int i = 0; i < pads; i++) {
        if (random.nextInt(3) == 0) continue;
        chosen.add(i);
        expected.add(random.nextInt(5) == 0 && heads[i] > 0 ? heads[i] - 1 : heads[i]);
        String[] w = new String[1 + random.nextInt(3)];
        for (int j = 0; j < w.length; j++) w[j] = Character.toString('a' + random.nextInt(26));
        words.add(w);
      }
      List<Future<AppendResult>> answers = inOneTurn(s -> {
        List<Future<AppendResult>> started = new ArrayList<>();
        for (int c = 0; c < chosen.size(); c++) {
          int i = chosen.get(c);
          long head = expected.get(c);
          int length = head == heads[i] ? texts[i].length() : 0;
          started.add(s.append(ids.get(i), head, inserts(head, length, "client-" + i, head + 1, words.get(c))));
        }
        return started;
      });
      for (int c = 0; c < chosen.size(); c++) {
        int i = chosen.get(c);
        AppendResult r = answers.get(c).await();
        if (expected.get(c) == heads[i]) {
          String[] w = words.get(c);
          assertEquals(new AppendResult(true, heads[i] + w.length), r, "seed " + seed + " round " + round + " pad " + i);
          heads[i] += w.length;
          for (String x : w) texts[i].insert(0, x);
        } else {
          assertEquals(new AppendResult(false, heads[i]), r, "seed " + seed + " round " + round + " pad " + i);
        }
      }
    }
    for (int i = 0; i < pads; i++) {
      assertEquals(heads[i], store.load(ids.get(i)).await().head(), "seed " + seed + " pad " + i);
      assertEquals(texts[i].toString(), text(ids.get(i)), "seed " + seed + " pad " + i);
    }
  }

  /** Starts the commits in one turn of an event loop (so they share a batch). */
  private List<Future<AppendResult>> inOneTurn(Function<PadStore, List<Future<AppendResult>>> commits) throws Exception {
    CompletableFuture<List<Future<AppendResult>>> started = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> started.complete(commits.apply(store)));
    return started.get();
  }

  /** Loads commit-many.lua into Redis's script cache (its first run falls back to EVAL). */
  private void warmUp() throws Exception {
    String a = pad();
    String b = pad();
    List<Future<AppendResult>> answers = inOneTurn(s -> List.of(
        s.append(a, 0, inserts(0, 0, "w", 1, "w")), s.append(b, 0, inserts(0, 0, "w", 1, "w"))));
    for (Future<AppendResult> answer : answers) answer.await();
  }

  private long scriptCalls() throws Exception {
    long calls = 0;
    for (String line : api.info(List.of("commandstats")).await().toString().split("\r?\n")) {
      if (line.startsWith("cmdstat_evalsha:") || line.startsWith("cmdstat_eval:")) {
        calls += Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1"));
      }
    }
    return calls;
  }

  /** The pad's text as the store has it. */
  private String text(String padId) throws Exception {
    StoredPad stored = store.load(padId).await();
    AttributedText doc = stored.snapshot().doc();
    for (OpRecord r : stored.tail()) doc = doc.apply(r.op(), r.author());
    return doc.text();
  }

  private static Throwable failure(Future<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.toCompletionStage().toCompletableFuture().get());
    return e.getCause();
  }

  private static String pad() {
    return "batch-" + UUID.randomUUID().toString().replace("-", "");
  }
}
