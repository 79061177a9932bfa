package ardoise.protocol;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;

/**
 * Writes a text message from bytes already encoded. Why: Vert.x's public API takes a text message
 * only as a {@code String} and encodes it to UTF-8 for each socket, so a batch frame sent to 500
 * members of a pad was encoded 500 times (a sixth of the server's time on a hot pad). Each socket
 * gets its own buffer over the shared bytes (a Netty buffer has a read position, so one buffer
 * cannot be written to two sockets); the bytes are never copied nor changed.
 *
 * <p>Reaches Vert.x's frame implementation class, which a Vert.x upgrade may change; the build
 * fails then, and {@code TextFramesTest} checks that what arrives is the text sent.
 */
final class TextFrames {
  /**
   * In characters, so at most three times as many bytes: every frame written from shared bytes fits
   * any client's default frame limit (64 KiB). Larger messages go through
   * {@link WebSocketBase#writeTextMessage}, which cuts them into frames of the server's frame size.
   */
  static final int MAX_SHARED_CHARS = 16 * 1024;

  private TextFrames() {}

  /** Writes {@code text}, made by {@code frames}, as one final text frame of its cached bytes if it is short enough. */
  static Future<Void> write(WebSocketBase ws, String text, FrameEncoder frames) {
    if (text.length() > MAX_SHARED_CHARS) return ws.writeTextMessage(text);
    return ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(frames.utf8(text)), true));
  }
}
