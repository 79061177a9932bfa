package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections without finishing a request (silent sockets, half-sent headers,
 * trickled bodies) are closed at their deadlines, and past the server-wide connection cap new
 * connections are refused clearly while health checks and joined pads keep answering. The attacks
 * go over raw sockets, as a script would send them.
 */
class SlowClientsTest {
  /** Far above every deadline these tests set (1–2 s): reaching it means the server kept the socket. */
  private static final int READ_LIMIT_MILLIS = 20_000;
  private static final String PAD = "slow-clients";

  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() throws IOException {
    for (Socket s : sockets) s.close();
  }

  @Test
  void silentSocketsAndHalfSentRequestsAreClosedAtTheHeaderDeadline() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_REQUEST_HEADER_TIMEOUT_SECONDS", "1"))) {
      List<Socket> silent = new ArrayList<>();
      List<Socket> halfSent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        silent.add(open(server));
        halfSent.add(send(open(server), "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: "));
      }
      Socket keptAlive = send(open(server), "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
      for (Socket s : silent) assertEquals("", readUntilClosed(s), "a silent socket is closed without an answer");
      for (Socket s : halfSent) assertEquals("", readUntilClosed(s), "a half-sent request is closed");
      String answered = readUntilClosed(keptAlive);
      assertTrue(answered.startsWith("HTTP/1.1 200"), answered);
      assertTrue(answered.endsWith("{\"status\":\"ok\"}"), "one answer, then the idle keep-alive is closed: " + answered);
    }
  }

  @Test
  void aTrickledBodyGets408AndItsConnectionIsClosed() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_REQUEST_BODY_TIMEOUT_SECONDS", "1"))) {
      Socket slow = send(open(server), "POST /api/pads/" + PAD + "/import HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 10000\r\n\r\nonly a few bytes");
      String answer = readUntilClosed(slow);
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertEquals("request-timeout", new JsonObject(body).getString("error"));
      assertEquals(404, server.get("/api/pads/" + PAD + "/history").status(), "nothing was imported");
    }
  }

  /** The deadlines end where a WebSocket begins: a quiet pad socket stays, and edits after the others are closed. */
  @Test
  void aQuietWebSocketOutlivesTheHttpDeadlines() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_REQUEST_HEADER_TIMEOUT_SECONDS", "1",
        "ARDOISE_REQUEST_BODY_TIMEOUT_SECONDS", "1"))) {
      WsClient member = server.connect(PAD);
      member.join(ServerFixture.newClientId());
      Socket later = open(server); // opened after the member joined: its deadline comes later
      assertEquals("", readUntilClosed(later));
      assertFalse(member.isClosed(), "the quiet member is still connected");
      member.op(0, 1, "toujours là");
      assertEquals(1L, member.next("ack").getLong("rev"));
    }
  }

  @Test
  void pastTheCapNewConnectionsAreRefusedWhileHealthAndJoinedPadsAnswer() throws Exception {
    int cap = 50;
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_MAX_CONNECTIONS", Integer.toString(cap),
        "ARDOISE_REQUEST_HEADER_TIMEOUT_SECONDS", "600"))) {
      WsClient member = server.connect(PAD);
      member.join(ServerFixture.newClientId());
      for (int i = 1; i < cap; i++) open(server); // idle sockets fill the server up to its cap
      String refused = Eventually.first("a new connection is refused",
          () -> exchange(server, "/p/" + PAD),
          answer -> !answer.startsWith("HTTP/1.1 200"));
      assertTrue(refused.startsWith("HTTP/1.1 503"), refused);
      assertTrue(refused.contains("Content-Security-Policy: "), "the refusal page has the site's security headers: " + refused);
      assertTrue(exchange(server, "/css/ardoise.css").startsWith("HTTP/1.1 200"), "and its stylesheet");
      assertTrue(refused.contains("\r\nretry-after: 10\r\n") || refused.contains("\r\nRetry-After: 10\r\n"), refused);
      String api = exchange(server, "/api/pads/" + PAD + "/history");
      assertEquals("server-full", new JsonObject(api.substring(api.indexOf("\r\n\r\n") + 4)).getString("error"), api);

      for (String health : List.of("/health/live", "/health", "/health/ready")) {
        String answer = exchange(server, health);
        assertTrue(answer.startsWith("HTTP/1.1 200"), health + " answers past the cap: " + answer);
      }
      // Over a plain socket: the refusal comes at once after the handshake (see RawWebSocket).
      RawWebSocket.Refusal late = RawWebSocket.open(server.app.port(), "/ws/" + PAD, RawWebSocket.ownOrigin(server.app.port()));
      assertEquals("server-full", late.errorCode(), late.toString());
      assertEquals(1013, late.closeStatus(), late.toString());

      member.op(0, 1, "on écrit encore");
      assertEquals(1L, member.next("ack").getLong("rev"), "a member who joined before keeps editing");

      // Past the cap, an idle connection holds its place only for a second (the others wait 600 s here).
      assertEquals("", readUntilClosed(open(server)), "an idle connection past the cap is closed without an answer");
    }
  }

  private Socket open(ServerFixture server) throws IOException {
    Socket s = new Socket("127.0.0.1", server.app.port());
    s.setSoTimeout(READ_LIMIT_MILLIS);
    sockets.add(s);
    return s;
  }

  private static Socket send(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    s.getOutputStream().flush();
    return s;
  }

  /** {@code GET path} on a new connection, with {@code Connection: close}: the answer up to the server's close. */
  private String exchange(ServerFixture server, String path) throws IOException {
    return readUntilClosed(send(open(server), "GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n"
        + "Connection: close\r\n\r\n"));
  }

  /** Everything the server sends until it closes; fails if it keeps the socket open past the read limit. */
  private static String readUntilClosed(Socket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) out.write(buffer, 0, n);
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the socket open for " + READ_LIMIT_MILLIS + " ms; received: "
          + out.toString(StandardCharsets.UTF_8));
    } catch (java.net.SocketException e) {
      // reset by the server: closed as well
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
