package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.OpJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pad's memory and a request's answer stay bounded whatever the size of its revisions: the window
 * of committed ops in bytes, history pages in bytes (with {@code next}), and ops based too far behind
 * the head are refused with {@code rev-too-old} instead of being rebased over thousands of revisions.
 */
class BoundedMemoryTest {
  private static final int LARGE = 100_000;
  private static final int WINDOW_BYTES = 1 << 20;
  private final ServerFixture server = ServerFixture.start(Map.of(
      "ARDOISE_WINDOW_MAX_BYTES", String.valueOf(WINDOW_BYTES),
      "ARDOISE_MAX_REBASE_REVISIONS", "50",
      "ARDOISE_HISTORY_MAX_RESPONSE_BYTES", "65536"));

  @AfterEach
  void stop() {
    server.close();
  }

  /** {@code count} revisions, each replacing the text with {@code chars} characters 'ж' (2 UTF-8 bytes each). */
  private static String writeRevisions(WsClient writer, int count, int chars) {
    int length = 0;
    String text = "";
    for (int seq = 1; seq <= count; seq++) {
      text = (char) ('a' + seq % 26) + "ж".repeat(chars - 1);
      if (length > 0) writer.op(seq - 1, seq, -length, text);
      else writer.op(seq - 1, seq, text);
      assertEquals(seq, writer.next("ack").getLong("rev"));
      length = chars;
    }
    return text;
  }

  @Test
  void largeRevisionsLeaveAtMostTheWindowsBytesInMemory() {
    WsClient writer = server.connect("big-window");
    writer.join(ServerFixture.newClientId());
    String head = writeRevisions(writer, 30, LARGE); // 30 × 200 KB: six times the window
    long held = server.onPadShard("big-window", registry -> registry.loaded("big-window").memoryBytes());
    assertTrue(held <= WINDOW_BYTES, "the pad holds " + held + " bytes of ops, more than " + WINDOW_BYTES);
    assertTrue(held > 0, "the newest revisions stay in memory");

    // A join from an old rev whose replay is larger than the window gets the text instead.
    JsonObject late = server.connect("big-window").join(ServerFixture.newClientId(), 2L);
    assertEquals(30L, late.getLong("rev"));
    assertEquals(head, late.getString("text"));
    // One from a rev whose replay fits is replayed, partly from the store.
    WsClient recent = server.connect("big-window");
    JsonObject joined = recent.join(ServerFixture.newClientId(), 27L);
    assertNull(joined.getString("text"));
    for (long rev = 28; rev <= 30; rev++) assertEquals(rev, recent.next("op").getLong("rev"));
  }

  @Test
  void anOpTooFarBehindTheHeadIsRefusedWithRevTooOldAndTheSocketStays() {
    WsClient writer = server.connect("stale-op");
    writer.join(ServerFixture.newClientId());
    WsClient late = server.connect("stale-op");
    late.join(ServerFixture.newClientId());
    writer.op(0, 1, "x").next("ack");
    for (int seq = 2; seq <= 60; seq++) writer.op(seq - 1, seq, "x", seq - 1).next("ack");
    for (int rev = 1; rev <= 60; rev++) late.next("op");

    late.op(0, 1, "vieux ");
    JsonObject refused = late.nextError("rev-too-old");
    assertEquals(1L, refused.getLong("seq"));
    assertFalse(late.isClosed());
    late.op(10, 1, "récent ", 10); // 50 behind: still rebased
    assertEquals(61L, late.next("ack").getLong("rev"));
    JsonObject fresh = server.connect("stale-op").join(ServerFixture.newClientId());
    assertEquals("récent " + "x".repeat(60), fresh.getString("text"), "the refused op left no trace");
  }

  @Test
  void anOpWhoseRebaseWouldReadMoreThanTheWindowsBytesIsRefused() {
    WsClient writer = server.connect("stale-large");
    writer.join(ServerFixture.newClientId());
    WsClient late = server.connect("stale-large");
    late.join(ServerFixture.newClientId());
    writeRevisions(writer, 12, LARGE); // 12 revisions, within 50, but 2.4 MB of ops
    for (int rev = 1; rev <= 12; rev++) late.next("op");
    late.op(0, 1, "vieux ");
    assertEquals(1L, late.nextError("rev-too-old").getLong("seq"));
  }

  @Test
  void historyPagesStopAtTheByteCapWithNextAndTogetherHoldEveryRevision() {
    WsClient writer = server.connect("paged");
    writer.join(ServerFixture.newClientId());
    writeRevisions(writer, 20, 10_000); // 20 KB of JSON each: 400 KB in all
    try (HttpCalls http = new HttpCalls(server.app.port())) {
      long from = 0;
      int pages = 0;
      long rev = 0;
      Long next = 0L;
      while (next != null) {
        HttpCalls.Answer answer = http.get("/api/pads/paged/history?from=" + from + "&to=2000");
        assertEquals(200, answer.status());
        assertTrue(answer.body().length() <= 65536, "a page of " + answer.body().length() + " bytes");
        JsonObject page = answer.json();
        pages++;
        JsonArray ops = page.getJsonArray("ops");
        assertFalse(ops.isEmpty());
        for (int i = 0; i < ops.size(); i++) {
          JsonObject record = ops.getJsonObject(i);
          assertEquals(++rev, record.getLong("rev"));
          OpJson.fromJson(record.getJsonArray("op").getList()); // whole, valid ops
        }
        next = page.getLong("next");
        if (next != null) assertEquals(rev, next);
        from = rev;
      }
      assertEquals(20, rev);
      assertTrue(pages >= 7, pages + " pages of at most 64 KiB for 400 KB");
      // Asking for less than a page gives no next.
      JsonObject two = http.get("/api/pads/paged/history?from=3&to=5").json();
      assertEquals(2, two.getJsonArray("ops").size());
      assertNull(two.getLong("next"));
      assertEquals(20L, two.getLong("head"));
    }
  }

  @Test
  void exportsOfOldRevisionsAreRebuiltChunkByChunkFromASnapshot() {
    try (ServerFixture snapshotting = ServerFixture.start(Map.of("ARDOISE_SNAPSHOT_EVERY_OPS", "10"));
        HttpCalls http = new HttpCalls(snapshotting.app.port())) {
      WsClient writer = snapshotting.connect("old-export");
      writer.join(ServerFixture.newClientId());
      writer.op(0, 1, "x").next("ack");
      for (int seq = 2; seq <= 130; seq++) writer.op(seq - 1, seq, "x", seq - 1).next("ack");
      for (int rev : new int[] {0, 5, 64, 117, 130}) {
        HttpCalls.Answer answer = http.get("/p/old-export/export/txt?rev=" + rev);
        assertEquals(200, answer.status());
        assertEquals("x".repeat(rev), answer.text(), "revision " + rev);
      }
    }
  }
}
