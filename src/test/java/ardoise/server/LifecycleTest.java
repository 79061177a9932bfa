package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.pad.PadRegistry;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.store.Snapshot;
import ardoise.testing.Eventually;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Slow consumers, graceful shutdown, store outages, and one pad for simultaneous first joins. */
class LifecycleTest {

  @Test
  void clientThatStopsReadingIsDroppedWithoutHarmingOthers() {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_SEND_QUEUE_LIMIT", "65536",
        "ARDOISE_MAX_MESSAGE_BYTES", "262144"))) {
      WsClient writer = server.connect("slow");
      WsClient reader = server.connect("slow");
      WsClient slow = server.connect("slow");
      writer.join(ServerFixture.newClientId());
      reader.join(ServerFixture.newClientId());
      slow.join(ServerFixture.newClientId());
      writer.nextPresence();
      writer.nextPresence();
      writer.nextPresence();
      slow.ws.pause(); // stops reading: TCP buffers fill, then the server's unwritten bytes grow
      String chunk = "x".repeat(60_000);
      long rev = 0;
      int seq = 0;
      while (writer.presence.isEmpty()) { // until the server drops the slow member
        writer.op(rev, ++seq, chunk);
        rev = writer.next("ack").getLong("rev");
        writer.op(rev, ++seq, -60_000);
        rev = writer.next("ack").getLong("rev");
        assertTrue(seq < 4000, "the slow client was never dropped");
      }
      assertEquals(2, writer.nextPresence().getJsonArray("members").size());
      for (int i = 0; i < seq; i++) reader.next("op"); // the other reader got everything
      slow.ws.resume();
      assertEquals(1008, slow.awaitClosed());
      JsonObject last = null;
      for (JsonObject f = slow.frames.poll(); f != null; f = slow.frames.poll()) last = f;
      assertEquals("slow-consumer", last.getString("code"));
    }
  }

  @Test
  void aJoinedDocumentBiggerThanTheSendQueueLimitDoesNotMakeItsReaderSlow() {
    // Why: a hot pad's document with its authorship runs can outgrow the limit; if the document
    // counted as unread backlog, the frames right behind it (presence, the next ops) would find it
    // still unwritten and drop the newcomer.
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_SEND_QUEUE_LIMIT", "1024"))) {
      WsClient writer = server.connect("grand");
      writer.join(ServerFixture.newClientId());
      long rev = 0;
      for (int i = 1; i <= 10; i++) {
        if (rev == 0) writer.op(rev, i, "y".repeat(500));
        else writer.op(rev, i, (int) rev * 500, "y".repeat(500));
        rev = writer.next("ack").getLong("rev");
      }
      WsClient late = server.connect("grand");
      assertEquals(5000, late.join(ServerFixture.newClientId()).getString("text").length());
      writer.op(rev, 11, 5000, "!");
      assertEquals(rev + 1, late.next("op").getLong("rev"));
      assertEquals(2, late.nextPresence().getJsonArray("members").size());
    }
  }

  @Test
  void shutdownClosesSocketsAndKeepsAcknowledgedOps() {
    InMemoryPadStore store = new InMemoryPadStore();
    ServerFixture server = ServerFixture.start(Map.of(), store);
    try {
      WsClient a = server.connect("shutdown");
      a.join(ServerFixture.newClientId());
      a.op(0, 1, "gardé");
      a.next("ack");
      server.stopServer();
      assertEquals(1001, a.awaitClosed());
      Snapshot snap = store.snapshotAtOrBefore("shutdown", 10).await();
      assertEquals(1, snap.rev());
      assertEquals("gardé", snap.doc().text());
    } finally {
      server.close();
    }
    try (ServerFixture again = ServerFixture.start(Map.of(), store)) {
      assertEquals("gardé", again.connect("shutdown").join(ServerFixture.newClientId()).getString("text"));
    }
  }

  @Test
  void storeOutageKeepsOpsUnacknowledgedThenStoresThem() {
    InMemoryPadStore store = new InMemoryPadStore();
    try (ServerFixture server = ServerFixture.start(Map.of(), store)) {
      WsClient a = server.connect("outage");
      WsClient b = server.connect("outage");
      a.join(ServerFixture.newClientId());
      b.join(ServerFixture.newClientId());
      store.setAvailable(false);
      assertEquals(503, server.get("/health").status());
      a.op(0, 1, "un");
      // Why wait: a and b may be served by different event loops; the order asserted below needs a's op first.
      while (server.app.shards().held().ops() < 1) Thread.onSpinWait();
      b.op(0, 1, "deux");
      // The pad stays readable: a new member joins from memory while the store is down.
      JsonObject joined = server.connect("outage").join(ServerFixture.newClientId());
      assertEquals(0L, joined.getLong("rev"));
      assertTrue(a.frames.isEmpty() && b.frames.isEmpty(), "nothing is acknowledged while the store is down");
      store.setAvailable(true);
      assertEquals(new JsonObject().put("type", "ack").put("seq", 1).put("rev", 1), a.next());
      assertEquals(2L, a.next("op").getLong("rev"));
      assertEquals(1L, b.next("op").getLong("rev"));
      assertEquals(new JsonObject().put("type", "ack").put("seq", 1).put("rev", 2), b.next());
      List<OpRecord> stored = store.ops("outage", 0, 10).await();
      assertEquals(2, stored.size());
      assertEquals(200, server.get("/health").status());
    }
  }

  @Test
  void simultaneousFirstJoinsShareOnePad() {
    GatedStore store = new GatedStore();
    try (ServerFixture server = ServerFixture.start(Map.of(), store)) {
      WsClient a = server.connect("together");
      WsClient b = server.connect("together");
      JsonObject join = new JsonObject().put("type", "join").put("name", "x");
      a.send(join.copy().put("secret", ServerFixture.newClientId()));
      b.send(join.copy().put("secret", ServerFixture.newClientId()));
      store.awaitFirstLoad();
      // Both joins are in the registry before the load completes: wait for the second request.
      Eventually.until("the second join asked for the pad", () -> server.onPadShard("together", PadRegistry::requestCount) >= 2);
      store.release();
      a.next("joined");
      b.next("joined");
      assertEquals(1, (int) server.onPadShard("together", PadRegistry::loadCount));
      assertEquals(1, store.loads());
      // a's first presence may list only a (if a was admitted first); the one after b's join lists both.
      JsonObject presence = a.nextPresence();
      if (presence.getJsonArray("members").size() == 1) presence = a.nextPresence();
      assertEquals(2, presence.getJsonArray("members").size());
      assertFalse(a.isClosed());
    }
  }
}
