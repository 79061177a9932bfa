package ardoise.server;

import ardoise.protocol.ClientSecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acks, broadcasts, replays on join with rev, and exactly-once per (clientId, seq). */
class RevisionsTest {
  private final ServerFixture server = ServerFixture.start(Map.of());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void opIsAckedToSenderAndBroadcastToOthers() {
    WsClient a = server.connect("revisions");
    WsClient b = server.connect("revisions");
    String idA = ServerFixture.newClientId();
    JsonObject joined = a.join(idA);
    assertEquals(0L, joined.getLong("rev"));
    assertEquals("", joined.getString("text"));
    assertEquals(new JsonArray(), joined.getJsonArray("authors"));
    assertEquals(0L, joined.getLong("lastSeq"));
    b.join(ServerFixture.newClientId());

    a.op(0, 1, "Bonjour");
    assertEquals(new JsonObject().put("type", "ack").put("seq", 1).put("rev", 1), a.next());
    JsonObject op = b.next("op");
    assertEquals(1L, op.getLong("rev"));
    assertEquals(ClientSecrets.clientId(idA), op.getString("clientId"));
    assertEquals(ClientSecrets.clientId(idA), op.getString("authorId"));
    assertEquals(new JsonArray().add("Bonjour"), op.getJsonArray("op"));

    JsonObject late = server.connect("revisions").join(ServerFixture.newClientId());
    assertEquals("Bonjour", late.getString("text"));
    assertEquals(new JsonArray().add(new JsonArray().add(7).add(ClientSecrets.clientId(idA))), late.getJsonArray("authors"));
  }

  @Test
  void joinWithRevReplaysExactlyTheMissedRevisions() {
    WsClient a = server.connect("replay");
    String idA = ServerFixture.newClientId();
    String idB = ServerFixture.newClientId();
    a.join(idA);
    WsClient b = server.connect("replay");
    b.join(idB);
    a.op(0, 1, "un ");
    a.next("ack");
    b.next("op");
    b.op(1, 1, 3, "deux ");
    b.next("ack");
    a.next("op");
    a.op(2, 2, 8, "trois");
    a.next("ack");

    // B reconnects knowing rev 1: it must get its own rev 2 as ack, A's rev 3 as op, and nothing else.
    WsClient again = server.connect("replay");
    JsonObject joined = again.join(idB, 1L);
    assertEquals(1L, joined.getLong("rev"));
    assertFalse(joined.containsKey("text"));
    assertEquals(1L, joined.getLong("lastSeq"));
    assertEquals(new JsonObject().put("type", "ack").put("seq", 1).put("rev", 2), again.next());
    JsonObject three = again.next("op");
    assertEquals(3L, three.getLong("rev"));
    assertEquals(new JsonArray().add(8).add("trois"), three.getJsonArray("op"));
    again.nextPresence();
    assertTrue(again.frames.isEmpty(), "no other frame: " + again.frames);

    JsonObject atHead = server.connect("replay").join(ServerFixture.newClientId(), 3L);
    assertEquals(3L, atHead.getLong("rev"));
    assertNull(atHead.getString("text"));
  }

  @Test
  void resentSeqIsAppliedOnceAndAckedWithItsOriginalRev() {
    WsClient a = server.connect("dedupe");
    String id = ServerFixture.newClientId();
    a.join(id);
    a.op(0, 1, "a");
    assertEquals(1L, a.next("ack").getLong("rev"));
    a.op(1, 2, 1, "b");
    assertEquals(2L, a.next("ack").getLong("rev"));
    a.op(2, 3, 2, "c");
    assertEquals(3L, a.next("ack").getLong("rev"));

    a.op(2, 3, 2, "c"); // the last seq again
    assertEquals(new JsonObject().put("type", "ack").put("seq", 3).put("rev", 3), a.next());
    a.op(0, 1, "a"); // an older seq, e.g. resent after a reconnect
    assertEquals(new JsonObject().put("type", "ack").put("seq", 1).put("rev", 1), a.next());

    WsClient reconnected = server.connect("dedupe");
    JsonObject joined = reconnected.join(id);
    assertEquals(3L, joined.getLong("lastSeq"));
    reconnected.op(1, 2, 1, "b");
    assertEquals(new JsonObject().put("type", "ack").put("seq", 2).put("rev", 2), reconnected.next());
    assertEquals("abc", server.connect("dedupe").join(ServerFixture.newClientId()).getString("text"));
  }

  @Test
  void cursorIsTransformedToHeadAndRelayed() {
    WsClient a = server.connect("cursor");
    WsClient b = server.connect("cursor");
    String idA = ServerFixture.newClientId();
    a.join(idA);
    b.join(ServerFixture.newClientId());
    a.op(0, 1, "world");
    a.next("ack");
    b.next("op");
    b.op(1, 1, "hello ", 5);
    b.next("ack");
    a.next("op");
    a.send(new JsonObject().put("type", "cursor").put("rev", 1).put("anchor", 2).put("head", 5));
    JsonObject c = b.next("cursor");
    assertEquals(new JsonObject().put("type", "cursor").put("clientId", ClientSecrets.clientId(idA)).put("rev", 2).put("anchor", 8).put("head", 11), c);
  }

  @Test
  void presenceListsMembersOnJoinLeaveAndProfile() {
    WsClient a = server.connect("presence");
    String idA = ServerFixture.newClientId();
    // a asks for changes after its first list, as the editor does; b does not.
    a.send(new JsonObject().put("type", "join").put("secret", idA).put("name", "Anne").put("presenceChanges", true));
    a.next("joined");
    assertEquals(1, a.nextPresence().getJsonArray("members").size());
    WsClient b = server.connect("presence");
    String idB = ServerFixture.newClientId();
    b.join(idB);
    assertEquals(2, a.nextPresence().getJsonArray("members").size());
    b.send(new JsonObject().put("type", "profile").put("name", "Zoé").put("color", "#112233"));
    JsonArray members = a.nextPresence().getJsonArray("members");
    assertEquals("Zoé", members.getJsonObject(1).getString("name"));
    assertEquals("#112233", members.getJsonObject(1).getString("color"));
    b.close();
    JsonArray left = a.nextPresence().getJsonArray("members");
    assertEquals(1, left.size());
    assertEquals(ClientSecrets.clientId(idA), left.getJsonObject(0).getString("clientId"));

    // On the wire: a got the whole list once, then only what changed.
    assertEquals(1, a.nextPresenceFrame().getJsonArray("members").size());
    JsonObject bruno = new JsonObject().put("clientId", ClientSecrets.clientId(idB)).put("authorId", ClientSecrets.clientId(idB))
        .put("name", "Test " + idB.substring(0, 4));
    JsonObject joinedFrame = a.nextPresenceFrame();
    bruno.put("color", joinedFrame.getJsonArray("changed").getJsonObject(0).getString("color"));
    assertEquals(new JsonObject().put("type", "presence").put("changed", new JsonArray().add(bruno)).put("left", new JsonArray())
        .put("viewers", 0), joinedFrame, "a change, not the list");
    assertEquals(new JsonArray().add(bruno.copy().put("name", "Zoé").put("color", "#112233")),
        a.nextPresenceFrame().getJsonArray("changed"));
    assertEquals(new JsonObject().put("type", "presence").put("changed", new JsonArray())
        .put("left", new JsonArray().add(ClientSecrets.clientId(idB))).put("viewers", 0), a.nextPresenceFrame());
    // b, which did not ask for changes, got the whole list each time.
    for (int frames = 0; frames < 2; frames++) assertTrue(b.nextPresenceFrame().containsKey("members"));
  }

}
