package ardoise.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One message written to several sockets from the same encoded bytes arrives whole and unchanged on
 * each, compressed or not; a message longer than a frame goes as a text frame and continuation
 * frames, cut wherever the limit falls, even inside a character.
 */
class TextFramesTest {
  private static final String SHARED = "{\"type\":\"batch\",\"text\":\"é à ✓ 😀 \\\" \\\\ fin\"}";
  /** Longer than two frames; the first cut falls inside an "é" (one byte, then two-byte characters). */
  private static final String LONG = "x" + "é".repeat(TextFrames.MAX_FRAME_BYTES) + "😀";

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void theBytesOfOneFrameAreEncodedOnce() {
    FrameEncoder frames = new FrameEncoder();
    String frame = frames.pong();
    assertSame(frames.utf8(frame), frames.utf8(frame));
    String sameText = new String(frame);
    assertNotSame(frames.utf8(frame), frames.utf8(sameText), "cached by identity, never by a chance equality");
    assertArrayEquals(frame.getBytes(StandardCharsets.UTF_8), frames.utf8(sameText));
    assertArrayEquals(SHARED.getBytes(StandardCharsets.UTF_8), frames.utf8(SHARED));
  }

  @Test
  void everySocketReadsTheSharedFrameWholeWithOrWithoutCompression() throws Exception {
    FrameEncoder frames = new FrameEncoder();
    HttpServer server = vertx.createHttpServer().webSocketHandler(ws -> ws.textMessageHandler(m -> {
      // Each socket asks once; the same string instances go to all of them.
      TextFrames.write(ws, SHARED, frames);
      TextFrames.write(ws, LONG, frames);
      TextFrames.write(ws, SHARED, frames);
    })).listen(0, "127.0.0.1").await();
    int port = server.actualPort();

    List<BlockingQueue<String>> received = List.of(new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>(), new LinkedBlockingQueue<>());
    for (int i = 0; i < received.size(); i++) {
      boolean deflate = i % 2 == 1;
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setTryUsePerMessageCompression(deflate));
      BlockingQueue<String> inbox = received.get(i);
      ClientWebSocket ws = client.webSocket();
      ws.textMessageHandler(inbox::add);
      ws.connect(port, "127.0.0.1", "/").await();
      assertEquals(deflate, ws.headers().contains("sec-websocket-extensions"), "compression negotiated as asked");
      ws.writeTextMessage("go").await();
    }
    BlockingQueue<WebSocketFrame> frameInbox = new LinkedBlockingQueue<>();
    ClientWebSocket framesSeen = vertx.createWebSocketClient().webSocket();
    framesSeen.frameHandler(frameInbox::add);
    framesSeen.connect(port, "127.0.0.1", "/").await();
    framesSeen.writeTextMessage("go").await();
    assertFrames(frameInbox, SHARED.getBytes(StandardCharsets.UTF_8).length);
    assertFrames(frameInbox, LONG.getBytes(StandardCharsets.UTF_8).length);
    assertFrames(frameInbox, SHARED.getBytes(StandardCharsets.UTF_8).length);

    for (BlockingQueue<String> inbox : received) {
      assertEquals(SHARED, inbox.poll(30, TimeUnit.SECONDS));
      String long_ = inbox.poll(30, TimeUnit.SECONDS);
      assertTrue(long_ != null && long_.length() == LONG.length(), "the long message arrived whole");
      assertEquals(LONG, long_);
      assertEquals(SHARED, inbox.poll(30, TimeUnit.SECONDS));
    }
  }

  /** One message of {@code bytes} bytes: a text frame, then continuation frames, each full but the last. */
  private static void assertFrames(BlockingQueue<WebSocketFrame> inbox, int bytes) throws InterruptedException {
    int expectedFrames = (bytes + TextFrames.MAX_FRAME_BYTES - 1) / TextFrames.MAX_FRAME_BYTES;
    for (int i = 0; i < expectedFrames; i++) {
      WebSocketFrame frame = inbox.poll(30, TimeUnit.SECONDS);
      assertTrue(frame != null, "frame " + i + " of " + expectedFrames + " arrived");
      assertEquals(i == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION, frame.type());
      assertEquals(i == expectedFrames - 1, frame.isFinal(), "only the last frame is final");
      int expectedLength = i < expectedFrames - 1 ? TextFrames.MAX_FRAME_BYTES : bytes - i * TextFrames.MAX_FRAME_BYTES;
      assertEquals(expectedLength, frame.binaryData().length());
    }
  }
}
