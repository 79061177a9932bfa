package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.protocol.ClientSecrets;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attack: join with the clientId another tab shows in every presence frame and take its acks,
 * so that the victim's own op is answered "already committed" and never stored. A clientId is
 * taken only with its secret, which no frame carries.
 */
class SessionTakeoverTest {
  private final InMemoryPadStore store = new InMemoryPadStore();
  private ServerFixture server;

  @BeforeEach
  void start() {
    server = ServerFixture.start(Map.of(), store);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aClientIdSeenInPresenceCannotBeTakenAndTheVictimsOpIsStored() {
    String victimSecret = ServerFixture.newClientId();
    WsClient victim = server.connect("prise");
    JsonObject joined = victim.join(victimSecret);
    String victimId = joined.getString("clientId");
    assertEquals(ClientSecrets.clientId(victimSecret), victimId);
    victim.op(0, 1, "Bonjour").next("ack");

    // What an onlooker learns: the ids, never the secret (a read-only viewer sees the same frames).
    String readOnly = new JsonObject(server.get("/api/pads/prise/links").text()).getString("readOnly");
    WsClient viewer = server.connect("/ws/r/" + readOnly.substring(readOnly.indexOf("/r/") + 3), null);
    viewer.join(ServerFixture.newClientId());
    WsClient onlooker = server.connect("prise");
    onlooker.join(ServerFixture.newClientId());
    JsonObject member = onlooker.nextPresence().getJsonArray("members").getJsonObject(0);
    assertEquals(victimId, member.getString("clientId"));
    String victimAuthor = member.getString("authorId");

    WsClient attacker = server.connect("prise");
    attacker.send(new JsonObject().put("type", "join").put("clientId", victimId).put("name", "Mallory"));
    attacker.nextError("bad-client-secret");
    attacker.send(new JsonObject().put("type", "join").put("secret", ServerFixture.newClientId()).put("clientId", victimId).put("name", "Mallory"));
    attacker.nextError("bad-client-secret");
    attacker.send(new JsonObject().put("type", "join").put("secret", ServerFixture.newClientId()).put("authorId", victimAuthor).put("name", "Mallory"));
    attacker.nextError("bad-client-secret");
    attacker.op(1, 2, 7, " volé");
    attacker.nextError("not-joined");

    victim.op(1, 2, 7, " à tous");
    assertEquals(new JsonObject().put("type", "ack").put("seq", 2).put("rev", 2), victim.next());
    List<OpRecord> log = store.ops("prise", 0, 10).await();
    assertEquals(2, log.size());
    assertEquals(victimId, log.get(1).clientId());
    assertEquals(2, log.get(1).seq());
    assertEquals("Bonjour à tous", server.connect("prise").join(ServerFixture.newClientId()).getString("text"));

    for (WsClient seen : List.of(viewer, onlooker, attacker)) {
      for (JsonObject frame : seen.all) assertFalse(frame.encode().contains(victimSecret), "a frame shows the secret: " + frame);
    }
  }

  @Test
  void theSameTabJoiningAgainReplacesItsOldConnection() {
    String secret = ServerFixture.newClientId();
    WsClient old = server.connect("relais");
    old.join(secret);
    old.op(0, 1, "un").next("ack");
    WsClient fresh = server.connect("relais");
    JsonObject joined = fresh.join(secret, 1L);
    assertEquals(1L, joined.getLong("lastSeq"));
    old.nextError("replaced");
    assertEquals(1008, old.awaitClosed());
    fresh.op(1, 2, 2, " deux");
    assertEquals(new JsonObject().put("type", "ack").put("seq", 2).put("rev", 2), fresh.next());
    JsonObject presence = fresh.nextPresence();
    while (!fresh.presence.isEmpty()) presence = fresh.nextPresence();
    assertEquals(1, presence.getJsonArray("members").size(), "one member for one clientId: " + presence);
    assertTrue(old.frames.stream().noneMatch(f -> "ack".equals(f.getString("type")) && f.getLong("seq") == 2),
        "the replaced connection got no ack of the new one's op");
  }

  private static final long SEED = Long.getLong("ot.seed", System.nanoTime());
  private static final int CASES = Integer.getInteger("takeover.cases", 12);

  /**
   * Writers that reconnect while their old socket is still open (two sockets per clientId), and
   * impostors joining with the clientIds they see, with no secret or a guessed one, then sending ops
   * with the seqs the writers will use. Every ack any socket receives names a revision of the log
   * whose clientId and seq are that socket's own and whose inserts are its writer's letters; all
   * converge. Seeded: the seed is printed on failure, {@code -Dot.seed=N} replays.
   */
  @Test
  void noAckIsEverSentForAnOpNotInTheLog() {
    java.util.Random random = new java.util.Random(SEED);
    try {
      for (int c = 0; c < CASES; c++) runCase("melee-" + c, random);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + SEED + " (replay with -Dot.seed=" + SEED + "): " + e.getMessage(), e);
    }
  }

  /** One writer: its protocol client on the current socket, and every socket it ever joined on. */
  private final class Writer {
    final String letters;
    final ardoise.testing.ProtocolClient protocol;
    final java.util.List<WsClient> sockets = new java.util.ArrayList<>();
    WsClient current;

    Writer(String pad, String letters) {
      this.letters = letters;
      this.protocol = new ardoise.testing.ProtocolClient(ServerFixture.newClientId(), "W" + letters, s -> current.sendRaw(s));
      connect(pad);
    }

    /** A new socket while the old one stays open (the server has not noticed it dead). */
    void connect(String pad) {
      if (current != null) protocol.disconnected();
      current = server.connect(pad);
      sockets.add(current);
      protocol.join(sockets.size() % 2 == 0);
      protocol.receive(current.next("joined"));
      check();
    }

    void edit(java.util.Random random) {
      String doc = protocol.client().document().text();
      int pos = doc.isEmpty() ? 0 : random.nextInt(doc.length() + 1);
      ardoise.ot.TextOperation.Builder b = ardoise.ot.TextOperation.builder().retain(pos);
      int rest = doc.length() - pos;
      if (rest > 0 && random.nextInt(4) == 0) {
        int n = 1 + random.nextInt(Math.min(rest, 3));
        b.delete(n);
        rest -= n;
      } else {
        b.insert(letters.substring(0, 1 + random.nextInt(letters.length())));
      }
      protocol.client().applyClient(b.retain(rest).build());
    }

    void poll() {
      JsonObject f = current.frames.poll();
      if (f != null) receive(f);
    }

    void receive(JsonObject frame) {
      protocol.receive(frame);
      check();
    }

    void check() {
      if (!protocol.problems().isEmpty()) throw new AssertionError(protocol.problems().get(0));
    }
  }

  private void runCase(String pad, java.util.Random random) {
    String[] alphabets = {"abc", "def", "ghi"};
    java.util.List<Writer> writers = new java.util.ArrayList<>();
    for (String a : alphabets) writers.add(new Writer(pad, a));
    java.util.List<WsClient> impostors = new java.util.ArrayList<>();
    for (int step = 0; step < 120; step++) {
      Writer w = writers.get(random.nextInt(writers.size()));
      int action = random.nextInt(10);
      if (action < 5) w.edit(random);
      else if (action < 8) w.poll();
      else if (action == 8) w.connect(pad);
      else impostors.add(impostor(pad, w, random));
    }
    settle(writers);
    java.util.List<OpRecord> log = store.ops(pad, 0, Long.MAX_VALUE).await();
    String text = server.connect(pad).join(ServerFixture.newClientId()).getString("text");
    for (Writer w : writers) {
      String id = w.protocol.client().clientId();
      assertEquals(text, w.protocol.client().document().text(), id + " text");
      for (WsClient socket : w.sockets) {
        for (JsonObject frame : socket.all) checkAcks(frame, id, w.letters, log);
      }
    }
    for (OpRecord r : log) {
      Writer author = writers.stream().filter(w -> w.protocol.client().clientId().equals(r.clientId())).findFirst()
          .orElseThrow(() -> new AssertionError("revision " + r.rev() + " by a clientId no writer holds: " + r.clientId()));
      assertInsertsAre(r, author.letters);
    }
    for (WsClient impostor : impostors) {
      assertTrue(impostor.all.stream().noneMatch(f -> "ack".equals(f.getString("type")) || "joined".equals(f.getString("type"))),
          "an impostor was let in: " + impostor.all);
    }
  }

  /** A socket joining with {@code victim}'s public clientId (and authorId) and sending the seqs it will use. */
  private WsClient impostor(String pad, Writer victim, java.util.Random random) {
    WsClient ws = server.connect(pad);
    String id = victim.protocol.client().clientId();
    JsonObject join = new JsonObject().put("type", "join").put("clientId", id).put("name", "Mallory");
    if (random.nextBoolean()) join.put("secret", ServerFixture.newClientId());
    if (random.nextBoolean()) join.put("authorId", id);
    ws.send(join);
    ws.nextError("bad-client-secret");
    long seq = victim.protocol.client().lastSeq() + 1;
    int length = victim.protocol.client().serverLength();
    if (length == 0) ws.op(victim.protocol.client().rev(), seq, "zzz");
    else ws.op(victim.protocol.client().rev(), seq, length, "zzz");
    ws.nextError("not-joined");
    return ws;
  }

  private static void checkAcks(JsonObject frame, String clientId, String letters, java.util.List<OpRecord> log) {
    java.util.List<JsonObject> acks = new java.util.ArrayList<>();
    if ("ack".equals(frame.getString("type"))) acks.add(frame);
    if ("batch".equals(frame.getString("type"))) {
      for (Object o : frame.getJsonArray("messages")) {
        JsonObject r = (JsonObject) o;
        if ("op".equals(r.getString("type")) && clientId.equals(r.getString("clientId"))) acks.add(r);
      }
    }
    for (JsonObject ack : acks) {
      long rev = ack.getLong("rev");
      assertTrue(rev >= 1 && rev <= log.size(), "an ack names revision " + rev + ", not in the log of " + log.size());
      OpRecord r = log.get((int) rev - 1);
      assertEquals(clientId, r.clientId(), "revision " + rev + " acknowledged to " + clientId);
      if (ack.containsKey("seq")) assertEquals(ack.getLong("seq"), r.seq(), "seq of revision " + rev);
      assertInsertsAre(r, letters);
    }
  }

  private static void assertInsertsAre(OpRecord r, String letters) {
    for (ardoise.ot.Component c : r.op().components()) {
      if (c instanceof ardoise.ot.Component.Insert ins) {
        assertTrue(ins.text().chars().allMatch(ch -> letters.indexOf(ch) >= 0),
            "revision " + r.rev() + " by " + r.clientId() + " inserts " + ins.text() + ", not its writer's letters " + letters);
      }
    }
  }

  /** Reads frames until every writer's ops are acknowledged and every writer has seen every revision. */
  private static void settle(java.util.List<Writer> writers) {
    boolean more = true;
    while (more) {
      more = false;
      long total = writers.stream().mapToLong(w -> w.protocol.client().lastSeq()).sum();
      for (Writer w : writers) {
        if (w.protocol.client().hasPending() || w.protocol.client().rev() < total) {
          w.receive(w.current.next());
          more = true;
        }
      }
    }
  }
}
