package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The history API on a pad of 50,000 revisions: the first request builds the index (one replay), every
 * later revision is one checkpoint plus fewer than 256 ops. Prints timings (no timed asserts) and checks
 * the texts of sampled revisions against an independent replay.
 */
class HistoryScaleTest {
  private static final int REVISIONS = 50_000;

  @Test
  void fiftyThousandRevisions() {
    InMemoryPadStore store = new InMemoryPadStore();
    Random random = new Random(7);
    TreeMap<Integer, String> expected = new TreeMap<>();
    AttributedText doc = AttributedText.EMPTY;
    List<OpRecord> batch = new ArrayList<>();
    String[] authors = {"alice-0123456789abcdef", "bob-0123456789abcdefgh", "zoe-0123456789abcdefgh"};
    for (int rev = 1; rev <= REVISIONS; rev++) {
      int length = doc.length();
      int pos = random.nextInt(length + 1);
      TextOperation.Builder op = TextOperation.builder().retain(pos);
      String author = authors[random.nextInt(authors.length)];
      if (length > 200 && random.nextInt(4) == 0) op.delete(Math.min(3, length - pos)).retain(length - pos - Math.min(3, length - pos));
      else op.insert("éa ç« »’".substring(0, 1 + random.nextInt(8)), author).retain(length - pos);
      TextOperation built = op.build();
      doc = doc.apply(built, author);
      batch.add(new OpRecord(rev, built, author, rev, author, 1_700_000_000_000L + rev * 1000L));
      if (rev % 5000 == 0 || rev == 1 || rev == 255 || rev == 256 || rev == 257) expected.put(rev, doc.text());
      if (batch.size() == 1000) {
        store.append("grand", rev - 1000, List.copyOf(batch));
        batch.clear();
      }
    }
    try (ServerFixture server = ServerFixture.start(Map.of(), store); HttpCalls http = new HttpCalls(server.app.port())) {
      long started = System.nanoTime();
      JsonObject first = http.get("/api/pads/grand/history/25000").json();
      long firstMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(REVISIONS, first.getLong("head"));
      long[] micros = new long[200];
      for (int i = 0; i < micros.length; i++) {
        int rev = random.nextInt(REVISIONS + 1);
        long t = System.nanoTime();
        http.get("/api/pads/grand/history/" + rev).json();
        micros[i] = (System.nanoTime() - t) / 1000;
      }
      Arrays.sort(micros);
      long t = System.nanoTime();
      int played = http.get("/api/pads/grand/history?from=30000&to=32000").json().getJsonArray("ops").size();
      long opsMillis = (System.nanoTime() - t) / 1_000_000;
      System.out.printf("History of %,d revisions (%,d chars at head): first request (loads and indexes) %d ms; "
          + "random revisions p50 %.1f ms, p95 %.1f ms, max %.1f ms; %d op records in %d ms%n",
          REVISIONS, doc.length(), firstMillis, micros[100] / 1000.0, micros[190] / 1000.0, micros[199] / 1000.0, played, opsMillis);
      for (var entry : expected.entrySet()) {
        assertEquals(entry.getValue(), http.get("/api/pads/grand/history/" + entry.getKey()).json().getString("text"), "rev " + entry.getKey());
      }
    }
  }
}
