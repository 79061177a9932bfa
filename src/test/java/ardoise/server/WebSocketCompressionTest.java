package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A browser's upgrade offers permessage-deflate: the server takes it by default, and never with
 * ARDOISE_WEBSOCKET_COMPRESSION=0.
 */
class WebSocketCompressionTest {

  @Test
  void compressionIsNegotiatedByDefault() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of())) {
      String answer = upgrade(server.app.port());
      assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
      assertTrue(answer.toLowerCase().contains("sec-websocket-extensions: permessage-deflate"), answer);
    }
  }

  @Test
  void compressionCanBeTurnedOff() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_WEBSOCKET_COMPRESSION", "0"))) {
      String answer = upgrade(server.app.port());
      assertTrue(answer.startsWith("HTTP/1.1 101"), answer);
      assertFalse(answer.toLowerCase().contains("sec-websocket-extensions"), answer);
    }
  }

  /** Chromium's upgrade request, as far as the extensions go; returns the response's head. */
  private static String upgrade(int port) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET /ws/compression HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      StringBuilder head = new StringBuilder();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) head.append(line).append('\n');
      return head.toString();
    }
  }
}
