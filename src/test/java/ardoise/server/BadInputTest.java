package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad input gets its error code; the pad stays as it was and the other client sees nothing.
 * The pad holds "base" at rev 1, written by the witness.
 */
class BadInputTest {
  private static final String PAD = "bad-input";
  private final ServerFixture server = ServerFixture.start(Map.of("ARDOISE_MAX_MESSAGE_BYTES", "2048",
      "ARDOISE_MAX_PAD_CHARS", "100", "ARDOISE_MAX_CONNECTIONS_PER_PAD", "3"));
  private WsClient witness;
  private WsClient bad;
  private final String badId = ServerFixture.newClientId();

  @BeforeEach
  void writeBase() {
    witness = server.connect(PAD);
    witness.join(ServerFixture.newClientId());
    witness.op(0, 1, "base");
    witness.next("ack");
    bad = server.connect(PAD);
  }

  @AfterEach
  void padIsIntact() {
    WsClient check = server.connect(PAD);
    JsonObject joined = check.join(ServerFixture.newClientId());
    assertEquals(1L, joined.getLong("rev"));
    assertEquals("base", joined.getString("text"));
    assertTrue(witness.frames.isEmpty(), "the witness got " + witness.frames);
    assertFalse(witness.isClosed());
    server.close();
  }

  private void joinBad() {
    bad.join(badId);
  }

  @Test
  void malformedJson() {
    bad.sendRaw("{\"type\": \"join\",");
    bad.nextError("bad-json");
    bad.sendRaw("{\"type\":\"join\"} trailing");
    bad.nextError("bad-json");
    joinBad(); // the socket is still usable
  }

  @Test
  void notAnObjectOrUnknownType() {
    bad.sendRaw("[1,2]");
    bad.nextError("bad-message");
    bad.sendRaw("{\"type\":\"dance\"}");
    bad.nextError("bad-message");
    bad.sendRaw("{\"kind\":\"op\"}");
    bad.nextError("bad-message");
  }

  @Test
  void wrongTypesAndHugeNumbers() {
    joinBad();
    bad.send(new JsonObject().put("type", "op").put("rev", "1").put("seq", 1).put("op", new io.vertx.core.json.JsonArray()));
    bad.nextError("bad-message");
    bad.sendRaw("{\"type\":\"op\",\"rev\":1.5,\"seq\":1,\"op\":[4]}");
    bad.nextError("bad-message");
    bad.sendRaw("{\"type\":\"op\",\"rev\":123456789012345678901234567890,\"seq\":1,\"op\":[4]}");
    bad.nextError("bad-message");
    bad.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[99999999999999999999,\"x\"]}");
    bad.nextError("bad-op");
    bad.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":-1,\"op\":[4]}");
    bad.nextError("bad-message");
    bad.sendRaw("{\"type\":\"cursor\",\"rev\":1,\"anchor\":1e3,\"head\":0}");
    bad.nextError("bad-message");
  }

  @Test
  void impossibleOps() {
    joinBad();
    bad.op(1, 1, 10, "x"); // base length 10, the pad has 4
    assertEquals(1L, bad.nextError("bad-op").getLong("seq"));
    bad.sendRaw("{\"type\":\"op\",\"rev\":1,\"seq\":1,\"op\":[4,\"\\ud800\"]}"); // a lone surrogate
    bad.nextError("bad-op");
    bad.op(1, 1, 0, 4);
    bad.nextError("bad-op");
  }

  @Test
  void opBeforeJoin() {
    bad.op(1, 1, 4, "x");
    bad.nextError("not-joined");
    joinBad();
    bad.send(new JsonObject().put("type", "join").put("secret", badId).put("name", "again"));
    bad.nextError("already-joined");
  }

  @Test
  void badClientIdAndName() {
    bad.send(new JsonObject().put("type", "join").put("secret", "short").put("name", "Zoé"));
    bad.nextError("bad-client-secret");
    bad.send(new JsonObject().put("type", "join").put("secret", "has spaces in it, not allowed").put("name", "Zoé"));
    bad.nextError("bad-client-secret");
    bad.send(new JsonObject().put("type", "join").put("secret", badId).put("clientId", "short").put("name", "Zoé"));
    bad.nextError("bad-client-id");
    bad.send(new JsonObject().put("type", "join").put("secret", badId).put("name", "  "));
    bad.nextError("bad-name");
    bad.send(new JsonObject().put("type", "join").put("secret", badId).put("name", "x".repeat(65)));
    bad.nextError("bad-name");
    joinBad();
  }

  @Test
  void seqGapAndFutureRev() {
    joinBad();
    bad.op(1, 2, 4, "x");
    assertEquals(2L, bad.nextError("seq-gap").getLong("seq"));
    bad.op(2, 1, 4, "x");
    bad.nextError("bad-rev");
    bad.send(new JsonObject().put("type", "cursor").put("rev", 9).put("anchor", 0).put("head", 0));
    bad.nextError("bad-rev");
    JsonObject j = new JsonObject().put("type", "join").put("secret", ServerFixture.newClientId()).put("name", "x").put("rev", 7);
    server.connect(PAD).send(j).nextError("bad-rev");
  }

  @Test
  void padTooLarge() {
    joinBad();
    bad.op(1, 1, 4, "y".repeat(97));
    bad.nextError("pad-too-large");
  }

  @Test
  void oversizedFrameClosesTheSocket() {
    joinBad();
    bad.op(1, 1, 4, "é".repeat(1500)); // 3,000 bytes of UTF-8 in fewer than 2,048 characters
    bad.nextError("message-too-large");
    assertEquals(1009, bad.awaitClosed());
  }

  /** Beyond the transport's bound (4 × the limit) the sender hears the same: no silent drop. */
  @Test
  void aFrameBeyondTheTransportBoundClosesWith1009Too() {
    joinBad();
    bad.sendRaw("{\"type\":\"op\",\"padding\":\"" + "x".repeat(5 * 2048) + "\"}");
    bad.nextError("message-too-large");
    assertEquals(1009, bad.awaitClosed());
  }

  @Test
  void fragmentsAddingUpBeyondTheBoundCloseWith1009() {
    joinBad();
    bad.ws.writeFrame(WebSocketFrame.textFrame("x".repeat(3000), false)).await();
    bad.ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("x".repeat(3000)), false)).await();
    // The third fragment passes the bound (9,000 > 4 × 2,048): the server answers and closes, so
    // nothing more is sent, and this write's own outcome may already be "closed".
    bad.ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("x".repeat(3000)), false));
    bad.nextError("message-too-large");
    assertEquals(1009, bad.awaitClosed());
  }

  /** A socket that never joins is closed at the deadline; one that joined stays, however long it is quiet. */
  @Test
  void aSocketThatNeverJoinsIsClosedAtTheDeadline() {
    try (ServerFixture strict = ServerFixture.start(Map.of("ARDOISE_JOIN_TIMEOUT_SECONDS", "1"))) {
      WsClient joined = strict.connect(PAD);
      joined.join(ServerFixture.newClientId());
      WsClient silent = strict.connect(PAD); // connected after the first one joined: its deadline is later
      silent.nextError("join-timeout");
      assertEquals(1008, silent.awaitClosed());
      assertFalse(joined.isClosed(), "past its own deadline, the member that joined is still there");
      joined.op(0, 1, "encore là");
      assertEquals(1L, joined.next("ack").getLong("rev"));
    }
  }

  @Test
  void floodIsRateLimited() {
    try (ServerFixture limited = ServerFixture.start(Map.of("ARDOISE_OPS_PER_SECOND", "1", "ARDOISE_OPS_BURST", "4"))) {
      WsClient c = limited.connect(PAD);
      c.join(ServerFixture.newClientId());
      for (int i = 0; i < 3; i++) c.send( // join took one token, these take the last three
          new JsonObject().put("type", "cursor").put("rev", 0).put("anchor", 0).put("head", 0));
      c.op(0, 1, "x");
      c.nextError("rate-limited");
      c.sendRaw("not even json"); // refused without being parsed
      c.nextError("rate-limited");
      assertFalse(c.isClosed());
    }
  }

  @Test
  void tooManyConnections() {
    WsClient third = server.connect(PAD);
    joinBad();
    third.join(ServerFixture.newClientId());
    WsClient fourth = server.connect(PAD);
    fourth.send(new JsonObject().put("type", "join").put("secret", ServerFixture.newClientId()).put("name", "x"));
    fourth.nextError("too-many-connections");
    assertEquals(1008, fourth.awaitClosed());
    third.close(); // make room for the intact-pad check
    witness.nextPresence();
  }

  @Test
  void badPadNames() throws Exception {
    for (String name : new String[] {"a%2Fb", "a%2F..%2Fb", "a.b", "..x", "%3Cscript%3E", "%00", "x".repeat(65), "%E9", "sp%20ace"}) {
      RawWebSocket.Refusal refusal = RawWebSocket.open(server.app.port(), "/ws/" + name);
      assertEquals(1, refusal.texts().size(), name + ": " + refusal);
      JsonObject error = new JsonObject(refusal.texts().get(0));
      assertEquals("error", error.getString("type"), name);
      assertEquals("bad-pad-name", error.getString("code"), name);
      assertEquals(1008, refusal.closeStatus(), name);
      assertEquals(400, server.get("/p/" + name).status(), name);
    }
    ServerFixture.Response page = server.get("/p/%3Cscript%3E");
    assertFalse(page.text().contains("<script>"), page.text());
  }
}
