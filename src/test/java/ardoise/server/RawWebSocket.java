package ardoise.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket opened over a plain socket, reading every byte the server sends until it closes.
 * For a socket the server refuses at once (an error frame, then a close): Vert.x's client attaches
 * its handlers a task after the handshake, so frames that came in the same read as the handshake's
 * answer are lost to it, and once the close frame is in, attaching them throws "WebSocket is
 * closed": a {@link WsClient} then fails now and then. Blocking: call from a test thread.
 */
final class RawWebSocket {
  /** What the server sent: its text frames in order, and the close frame's status (-1: none). */
  record Refusal(List<String> texts, int closeStatus) {
    /** The code of the one error frame the server sent; fails if it sent anything else. */
    String errorCode() {
      if (texts.size() != 1) throw new AssertionError("one error frame expected: " + this);
      io.vertx.core.json.JsonObject frame = new io.vertx.core.json.JsonObject(texts.get(0));
      if (!"error".equals(frame.getString("type"))) throw new AssertionError("an error frame expected: " + this);
      return frame.getString("code");
    }
  }

  private RawWebSocket() {}

  /** Without an Origin header, as a program opens it. */
  static Refusal open(int port, String path) throws IOException {
    return open(port, path, Map.of());
  }

  /**
   * With these request headers. Vert.x's client sends {@code Origin: http://127.0.0.1:<port>} when
   * given none ({@link #ownOrigin}): pass it where a test meant that client's default.
   */
  static Refusal open(int port, String path, Map<String, String> requestHeaders) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) (WsClient.WAIT_SECONDS * 1000));
      OutputStream out = socket.getOutputStream();
      String key = Base64.getEncoder().encodeToString("ardoise-raw-key!".getBytes(StandardCharsets.US_ASCII));
      StringBuilder extra = new StringBuilder();
      requestHeaders.forEach((name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n" + extra + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      String status = headers(in);
      if (!status.startsWith("HTTP/1.1 101")) throw new IOException("no upgrade: " + status);
      List<String> texts = new ArrayList<>();
      while (true) {
        int first = in.read();
        if (first < 0) return new Refusal(texts, -1);
        int opcode = first & 0x0f;
        long length = in.readUnsignedByte() & 0x7f; // a server's frames are not masked
        if (length == 126) length = in.readUnsignedShort();
        else if (length == 127) length = in.readLong();
        byte[] payload = in.readNBytes((int) length);
        if (opcode == 1) texts.add(new String(payload, StandardCharsets.UTF_8));
        if (opcode == 8) return new Refusal(texts, payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1);
      }
    }
  }

  /** The Origin header Vert.x's WebSocket client sends to {@code port} when given none. */
  static Map<String, String> ownOrigin(int port) {
    return Map.of("Origin", "http://127.0.0.1:" + port);
  }

  /** Reads the answer's head; returns its status line. */
  private static String headers(DataInputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) throw new IOException("closed during the handshake");
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
  }
}
