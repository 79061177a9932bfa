package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.ChatMessage;
import ardoise.store.OpRecord;
import ardoise.store.PadNotes;
import ardoise.store.Retention;
import ardoise.store.Snapshot;
import ardoise.store.SnapshotPolicy;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifetimes against a real redis-server: every key of a pad (and its read-only reverse key) expires
 * a lifetime after the last edit, edits start the lifetime again, nothing brings back part of an
 * expired pad. Lifetimes of seconds come from the store's {@link RedisPadStore.Tuning}.
 */
@Tag("redis")
class RedisPadExpiryTest {
  private static final long LIFETIME_MS = 2000;
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx vertx = Vertx.vertx();
  private RedisPadStore store;
  private Redis admin;
  private RedisAPI api;

  @BeforeEach
  void open() {
    store = store(new Retention(LIFETIME_MS, 60_000));
    admin = Redis.createClient(vertx, redis.url());
    api = RedisAPI.api(admin);
  }

  private RedisPadStore store(Retention retention) {
    return RedisPadStore.create(vertx, redis.url(), new RedisPadStore.Tuning(new SnapshotPolicy(500, true, 3), 1000, 2000,
        RedisPadStore.Tuning.DEFAULT_POOL_SIZE, 5000, retention));
  }

  @AfterEach
  void close() {
    store.close().await();
    admin.close().await();
    vertx.close().await();
  }

  @Test
  void everyKeyOfAPadAndItsReverseKeyGoAfterItsLifetime() {
    String pad = "bilan{1}";
    String readOnlyId = writeEverything(pad);
    Map<String, Long> ttls = ttls(pad);
    assertEquals(List.of("authors", "chat", "log", "meta", "read-only", "seqs", "snapshot-revs", "snapshots", "versions"),
        ttls.keySet().stream().map(k -> k.substring(k.lastIndexOf(':') + 1)).sorted().toList(), ttls.toString());
    ttls.forEach((key, ttl) -> assertTrue(ttl > 0 && ttl <= LIFETIME_MS, key + " has TTL " + ttl));
    long reverse = api.pttl(PadKeys.padOfReadOnlyId(readOnlyId)).await().toLong();
    assertTrue(reverse > 0 && reverse <= LIFETIME_MS * 11 / 10 + 100, "reverse key TTL " + reverse);
    assertEquals(Long.toString(LIFETIME_MS), api.hget(PadKeys.of(pad).meta(), "lifetime").await().toString());
    assertEquals(pad, store.padOfReadOnlyId(readOnlyId).await());

    Eventually.until("every key of the pad expired", () -> padKeys(pad).isEmpty()
        && api.exists(List.of(PadKeys.padOfReadOnlyId(readOnlyId))).await().toLong() == 0, () -> padKeys(pad).toString());
    assertNull(store.load(pad).await());
    assertNull(store.padOfReadOnlyId(readOnlyId).await());
    assertTrue(store.chat().recent(pad, 10).await().isEmpty());
    assertTrue(store.notes().authors(pad).await().isEmpty());
  }

  @Test
  void editsStartTheLifetimeAgain() throws Exception {
    String pad = "vivant";
    assertEquals(new AppendResult(true, 1), store.append(pad, 0, List.of(insert(0, "x"))).await());
    String readOnlyId = store.readOnlyId(pad, "ro-vivant-0000000000").await(); // a written pad's only
    long rev = 1;
    long started = System.nanoTime();
    // Edits every half second for twice the lifetime: the pad outlives its lifetime because of them.
    while (System.nanoTime() - started < LIFETIME_MS * 2_000_000) {
      assertEquals(new AppendResult(true, rev + 1), store.append(pad, rev, List.of(insert(rev, "x"))).await());
      rev++;
      ttls(pad).forEach((key, ttl) -> assertTrue(ttl > LIFETIME_MS - 500, key + " has TTL " + ttl + " just after an edit"));
      Thread.sleep(500); // the pace of the edits, not a wait for a condition
    }
    assertTrue(rev >= 4, "edits: " + rev);
    assertEquals(rev, store.load(pad).await().head());
    assertEquals(pad, store.padOfReadOnlyId(readOnlyId).await());
    Eventually.until("the pad expired once the edits stopped", () -> padKeys(pad).isEmpty());
  }

  @Test
  void aLifetimeIsSetWithinTheMaximumAndAppliedToEveryKey() {
    String pad = "reglage";
    assertFalse(store.setLifetime(pad, Duration.ofSeconds(30)).await(), "a pad never written stores nothing");
    assertTrue(padKeys(pad).isEmpty());
    String readOnlyId = writeEverything(pad);
    assertTrue(store.setLifetime(pad, Duration.ofSeconds(30)).await());
    ttls(pad).forEach((key, ttl) -> assertTrue(ttl > 25_000 && ttl <= 30_000, key + " has TTL " + ttl));
    assertTrue(api.pttl(PadKeys.padOfReadOnlyId(readOnlyId)).await().toLong() > 25_000);
    assertEquals("30000", api.hget(PadKeys.of(pad).meta(), "lifetime").await().toString());
    // The next edit keeps the pad's own lifetime, not the default.
    store.append(pad, 3, List.of(insert(3, "y"))).await();
    assertTrue(api.pttl(PadKeys.of(pad).log()).await().toLong() > 25_000);

    assertThrows(IllegalArgumentException.class, () -> store.setLifetime(pad, Duration.ofSeconds(61)).await());
    assertThrows(IllegalArgumentException.class, () -> store.setLifetime(pad, Duration.ZERO).await());
    assertEquals("30000", api.hget(PadKeys.of(pad).meta(), "lifetime").await().toString());
  }

  @Test
  void withoutAMaximumAPadMayLiveForeverAndItsKeysLoseTheirTtl() {
    store.close().await();
    store = store(new Retention(LIFETIME_MS, 0));
    String pad = "pour-toujours";
    String readOnlyId = writeEverything(pad);
    assertTrue(store.setLifetime(pad, Duration.ZERO).await());
    ttls(pad).forEach((key, ttl) -> assertEquals(-1, ttl, key));
    assertEquals(-1, api.pttl(PadKeys.padOfReadOnlyId(readOnlyId)).await().toLong());
    store.append(pad, 3, List.of(insert(3, "z"))).await();
    ttls(pad).forEach((key, ttl) -> assertEquals(-1, ttl, key + " after an edit"));
  }

  /**
   * A busy pad commits many times a second: its keys get a new expiry only when it moved by the
   * slack (a second for a lifetime of a day), yet never lag a lifetime after the last edit by more.
   */
  @Test
  void aBurstOfEditsRenewsTheKeysExpiryAtMostOncePerSlack() {
    long day = Duration.ofDays(1).toMillis();
    long slack = 1000;
    store.close().await();
    store = store(new Retention(day, day));
    String pad = "rafale";
    String meta = PadKeys.of(pad).meta();
    long renewed = -1;
    int renewals = 0;
    for (long rev = 0; rev < 60; rev++) {
      long before = System.currentTimeMillis();
      assertEquals(new AppendResult(true, rev + 1), store.append(pad, rev, List.of(insert(rev, "x"))).await());
      long after = System.currentTimeMillis();
      long expiresAt = Long.parseLong(api.hget(meta, "expiresAt").await().toString());
      assertTrue(expiresAt > before + day - slack && expiresAt <= after + day,
          "edit " + (rev + 1) + " between " + before + " and " + after + " left the keys expiring at " + expiresAt);
      long ttl = api.pttl(PadKeys.of(pad).log()).await().toLong();
      long read = System.currentTimeMillis();
      assertTrue(ttl >= expiresAt - read && ttl <= expiresAt - before, "the log's TTL " + ttl + " against " + expiresAt);
      if (expiresAt != renewed) {
        if (renewed != -1) assertTrue(expiresAt - renewed >= slack, "renewed " + (expiresAt - renewed) + " ms after the last");
        renewed = expiresAt;
        renewals++;
      }
    }
    assertTrue(renewals < 60, "every edit renewed the keys' expiry");
  }

  @Test
  void aLowerMaximumShortensAWrittenPadsLifetimeAtItsNextEdit() {
    long day = Duration.ofDays(1).toMillis();
    store.close().await();
    store = store(new Retention(day, day));
    String pad = "raccourci";
    store.append(pad, 0, List.of(insert(0, "a"))).await();
    assertTrue(api.pttl(PadKeys.of(pad).log()).await().toLong() > day - 60_000);
    store.close().await();
    store = store(new Retention(LIFETIME_MS, 30_000));
    store.append(pad, 1, List.of(insert(1, "b"))).await();
    ttls(pad).forEach((key, ttl) -> assertTrue(ttl > 0 && ttl <= 30_000, key + " has TTL " + ttl));
  }

  @Test
  void aPadWhoseKeysAreGoingIsNotBroughtBack() {
    String pad = "a-moitie";
    writeEverything(pad);
    // Keys expire one at a time: here meta went first, the log and seqs are still there.
    api.del(List.of(PadKeys.of(pad).meta())).await();
    assertEquals(AppendResult.GONE, store.append(pad, 3, List.of(insert(3, "!"))).await(),
        "a writer that still holds revision 3 learns the pad is gone");
    assertEquals(0, api.exists(List.of(PadKeys.of(pad).meta())).await().toLong(), "and writes nothing");
    api.del(List.of(PadKeys.of(pad).snapshots(), PadKeys.of(pad).snapshotIndex())).await();
    store.saveSnapshot(pad, new Snapshot(4, AttributedText.EMPTY.apply(insert(0, "abcd").op(), "a"), 1)).await();
    assertEquals(0, api.exists(List.of(PadKeys.of(pad).snapshots(), PadKeys.of(pad).meta())).await().toLong(),
        "a snapshot writes nothing either");
    api.hset(List.of(PadKeys.of(pad).snapshots(), "3", "{}")).await(); // a leftover snapshot, still there

    // A new pad of that name starts at rev 1, without the leftovers of the old one.
    assertEquals(new AppendResult(true, 1), store.append(pad, 0, List.of(insert(0, "neuf"))).await());
    assertEquals(1, api.xlen(PadKeys.of(pad).log()).await().toLong());
    ardoise.store.StoredPad fresh = store.load(pad).await();
    assertEquals(0, fresh.snapshot().rev(), "the old pad's snapshot is gone");
    assertEquals(1, fresh.head());
  }

  /** 10,000 revisions of typing, measured with MEMORY USAGE and INFO memory, then after the lifetime ends. */
  @Test
  void aPadOfTenThousandRevisionsFreesItsMemoryWhenItsLifetimeEnds() throws Exception {
    String pad = "dix-mille";
    store.close().await();
    store = store(new Retention(60_000, 60_000));
    long before = usedMemory();
    AttributedText doc = AttributedText.EMPTY;
    List<OpRecord> batch = new ArrayList<>();
    String typed = "Compte rendu de l’atelier : les participants ont échangé sur leurs pratiques. ";
    for (int rev = 1; rev <= 10_000; rev++) {
      TextOperation op = TextOperation.builder().retain(doc.length())
          .insert(String.valueOf(typed.charAt(rev % typed.length())), "author-" + (rev % 12)).build();
      doc = doc.apply(op, "author-" + (rev % 12));
      batch.add(new OpRecord(rev, op, "client-" + (rev % 12), rev / 12 + 1, "author-" + (rev % 12), 1_764_000_000_000L + rev));
      if (batch.size() == 100) {
        store.append(pad, rev - 100, List.copyOf(batch)).await();
        batch.clear();
      }
      if (rev % 500 == 0) store.saveSnapshot(pad, new Snapshot(rev, doc, rev)).await();
    }
    String readOnlyId = store.readOnlyId(pad, "ro-dix-mille-00000000").await();
    for (int i = 0; i < 12; i++) {
      store.notes().rememberAuthor(pad, "author-" + i, new PadNotes.AuthorProfile("Personne " + i, "#e69f00")).await();
    }
    for (int i = 1; i <= 100; i++) {
      store.chat().append(pad, new ChatMessage(0, "client-1", "author-1", "Zoë", "#e69f00", "message " + i, i), 100).await();
    }
    store.notes().saveVersion(pad, new PadNotes.SavedVersion(5000, "à mi-chemin", "author-1", 1)).await();
    long keysBytes = 0;
    Map<String, Long> perKey = new TreeMap<>();
    for (String key : padKeys(pad)) {
      long bytes = api.memory(List.of("USAGE", key, "SAMPLES", "0")).await().toLong();
      perKey.put(key, bytes);
      keysBytes += bytes;
    }
    long reverseBytes = api.memory(List.of("USAGE", PadKeys.padOfReadOnlyId(readOnlyId))).await().toLong();
    long during = usedMemory();
    assertTrue(store.setLifetime(pad, Duration.ofSeconds(2)).await());
    Eventually.until("the pad of 10,000 revisions expired", () -> padKeys(pad).isEmpty()
        && api.exists(List.of(PadKeys.padOfReadOnlyId(readOnlyId))).await().toLong() == 0);
    long after = usedMemory();
    System.out.printf("pad of 10,000 revisions: MEMORY USAGE of its %d keys %,d bytes (%s) + reverse key %d; "
        + "INFO used_memory %,d before writing, %,d with the pad, %,d after its lifetime ended%n",
        perKey.size(), keysBytes, perKey, reverseBytes, before, during, after);
    assertEquals(9, perKey.size(), perKey.toString());
    assertTrue(keysBytes > 10_000 * 20, "the log alone takes more than 20 bytes per revision: " + keysBytes);
    assertTrue(during - after > keysBytes / 2, "memory is given back: " + during + " -> " + after);
  }

  private long usedMemory() {
    String info = api.info(List.of("memory")).await().toString();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) return Long.parseLong(line.substring("used_memory:".length()).trim());
    }
    throw new AssertionError("no used_memory in " + info);
  }

  /** Writes every kind of key a pad has: 3 revisions, a snapshot, a read-only id, an author, a version, a chat message. */
  private String writeEverything(String pad) {
    for (long rev = 0; rev < 3; rev++) {
      assertEquals(new AppendResult(true, rev + 1), store.append(pad, rev, List.of(insert(rev, "abc".substring((int) rev, (int) rev + 1)))).await());
    }
    store.saveSnapshot(pad, new Snapshot(3, AttributedText.EMPTY.apply(TextOperation.builder().insert("abc", "a").build(), "a"), 1)).await();
    String readOnlyId = store.readOnlyId(pad, "ro-" + pad.replaceAll("[^a-z]", "") + "-00000000000").await();
    store.notes().rememberAuthor(pad, "author-a", new PadNotes.AuthorProfile("Zoë", "#e69f00")).await();
    store.notes().saveVersion(pad, new PadNotes.SavedVersion(2, "deux", "author-a", 1)).await();
    store.chat().append(pad, new ChatMessage(0, "client-a", "author-a", "Zoë", "#e69f00", "salut", 1), 10).await();
    assertNotNull(readOnlyId);
    return readOnlyId;
  }

  /** The record for rev + 1: {@code text} typed at the end of a document of length {@code rev}. */
  private static OpRecord insert(long rev, String text) {
    TextOperation op = TextOperation.builder().retain((int) rev).insert(text, "author-a").build();
    return new OpRecord(rev + 1, op, "client-a", rev + 1, "author-a", 1_764_000_000_000L + rev);
  }

  private List<String> padKeys(String pad) {
    String tag = PadKeys.of(pad).meta().replaceFirst(":meta$", "");
    List<String> keys = new ArrayList<>();
    String cursor = "0";
    do {
      Response r = api.scan(List.of(cursor, "MATCH", tag.replace("{", "\\{").replace("}", "\\}") + ":*", "COUNT", "1000")).await();
      cursor = r.get(0).toString();
      for (Response k : r.get(1)) keys.add(k.toString());
    } while (!cursor.equals("0"));
    return keys;
  }

  private Map<String, Long> ttls(String pad) {
    Map<String, Long> out = new TreeMap<>();
    for (String key : padKeys(pad)) out.put(key, api.pttl(key).await().toLong());
    return out;
  }
}
