package ardoise.server;

import ardoise.protocol.ClientSecrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chat against the real server: two writers, a late read-only joiner, the limits, and exports without chat. */
class ChatServerTest {
  private static final String XSS = "<img src=x onerror=alert(1)>";
  private final ServerFixture server = ServerFixture.start(Map.of("ARDOISE_CHAT_MAX_CHARS", "40",
      "ARDOISE_CHAT_PER_MINUTE", "1", "ARDOISE_CHAT_BURST", "3", "ARDOISE_CHAT_KEPT", "2"));

  @AfterEach
  void stop() {
    server.close();
  }

  private static JsonObject chat(String text) {
    return new JsonObject().put("type", "chat").put("text", text);
  }

  /** The next frame, a live chat frame with one message. */
  private static JsonObject nextMessage(WsClient c) {
    JsonObject frame = c.next("chat");
    assertFalse(frame.containsKey("history"), frame.encode());
    JsonArray messages = frame.getJsonArray("messages");
    assertEquals(1, messages.size(), frame.encode());
    return messages.getJsonObject(0);
  }

  @Test
  void twoWritersChatAndAReadOnlyLateJoinerReadsTheNewestButCannotWrite() {
    WsClient alice = server.connect("salon");
    String aliceId = ServerFixture.newClientId();
    alice.join(aliceId);
    WsClient bruno = server.connect("salon");
    bruno.join(ServerFixture.newClientId());
    long before = System.currentTimeMillis();
    alice.send(chat("Bonjour"));
    for (WsClient c : List.of(alice, bruno)) {
      JsonObject m = nextMessage(c);
      assertEquals(1L, m.getLong("id"));
      assertEquals("Bonjour", m.getString("text"));
      assertEquals(ClientSecrets.clientId(aliceId), m.getString("clientId"));
      assertEquals(ClientSecrets.clientId(aliceId), m.getString("authorId"));
      assertEquals("Test " + aliceId.substring(0, 4), m.getString("name"));
      assertTrue(m.getString("color").matches("#[0-9a-f]{6}"), m.encode());
      assertTrue(m.getLong("time") >= before && m.getLong("time") <= System.currentTimeMillis(), m.encode());
    }
    bruno.send(chat(XSS));
    assertEquals(XSS, nextMessage(alice).getString("text"));
    assertEquals(XSS, nextMessage(bruno).getString("text"));
    alice.send(chat("Troisième"));
    assertEquals(3L, nextMessage(bruno).getLong("id"));
    assertEquals(3L, nextMessage(alice).getLong("id"));

    // A pad gets its read-only link with its first edit.
    assertNull(new JsonObject(server.get("/api/pads/salon/links").text()).getString("readOnly"));
    alice.op(0, 1, "x");
    alice.next("ack");
    bruno.next("op");
    String readOnly = new JsonObject(server.get("/api/pads/salon/links").text()).getString("readOnly");
    WsClient viewer = server.connect("/ws/r/" + readOnly.substring(readOnly.lastIndexOf('/') + 1), null);
    assertEquals(1L, viewer.join(ServerFixture.newClientId()).getLong("rev"));
    JsonObject history = viewer.next("chat");
    assertEquals(true, history.getBoolean("history"));
    assertEquals(List.of(XSS, "Troisième"), history.getJsonArray("messages").stream()
        .map(o -> ((JsonObject) o).getString("text")).toList(), "the newest ARDOISE_CHAT_KEPT, oldest first");
    viewer.send(chat("du fond de la salle"));
    viewer.nextError("read-only");
    bruno.send(chat("encore"));
    assertEquals("encore", nextMessage(viewer).getString("text"));
    assertEquals("encore", nextMessage(alice).getString("text"));
    assertFalse(viewer.isClosed());
  }

  @Test
  void tooLongAndTooFastAreRefusedWithTheirCodesAndNotSent() {
    WsClient alice = server.connect("limites");
    alice.join(ServerFixture.newClientId());
    WsClient bruno = server.connect("limites");
    bruno.join(ServerFixture.newClientId());
    alice.send(chat("x".repeat(41)));
    alice.nextError("chat-too-long");
    for (int i = 1; i <= 3; i++) {
      alice.send(chat("n° " + i));
      assertEquals("n° " + i, nextMessage(alice).getString("text"));
    }
    alice.send(chat("n° 4"));
    JsonObject refused = alice.nextError("chat-rate-limited");
    assertTrue(refused.getString("message").contains("1 chat messages a minute"), refused.encode());
    alice.op(0, 1, "le texte continue");
    assertEquals("ack", alice.next().getString("type"), "edits are not limited by the chat's bucket");
    for (int i = 1; i <= 3; i++) assertEquals("n° " + i, nextMessage(bruno).getString("text"));
    assertEquals("op", bruno.next().getString("type"), "bruno never saw the refused messages");
    assertFalse(alice.isClosed());
  }

  @Test
  void exportsNeverHoldTheChat() {
    WsClient alice = server.connect("compte-rendu");
    alice.join(ServerFixture.newClientId());
    alice.op(0, 1, "Décisions : budget voté.");
    alice.next("ack");
    alice.send(chat("aparté secret"));
    nextMessage(alice);
    for (String format : List.of("txt", "md", "html")) {
      ServerFixture.Response r = server.get("/p/compte-rendu/export/" + format);
      assertEquals(200, r.status(), format);
      assertTrue(r.text().contains("budget voté"), format + ": " + r.text());
      assertFalse(r.text().contains("aparté"), format + " holds the chat: " + r.text());
    }
  }
}
