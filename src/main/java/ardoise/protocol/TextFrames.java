package ardoise.protocol;

import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.websocket.WebSocketFrameImpl;

/**
 * Writes a text message from bytes already encoded. Why: Vert.x's public API takes a text message
 * only as a {@code String} and encodes it to UTF-8 for each socket: a batch frame sent to 500
 * members of a pad would be encoded 500 times (a sixth of the server's time on a hot pad), and a
 * long one (a pad's backlog after a pause) copied 500 times too. Each socket gets its own buffers
 * over the shared bytes (a Netty buffer has a read position, so one buffer cannot be written to two
 * sockets); the bytes are never copied nor changed.
 *
 * <p>Reaches Vert.x's frame implementation class, which a Vert.x upgrade may change; the build
 * fails then, and {@code TextFramesTest} checks that what arrives is the text sent.
 */
final class TextFrames {
  /**
   * A longer message goes as a text frame and continuation frames of at most this many bytes, the
   * frame limit clients have by default (a browser has none). A frame may end inside a character:
   * the receiver decodes the message, not its frames.
   */
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private TextFrames() {}

  /** Writes {@code text}, made by {@code frames}, from its cached bytes; the future is the last frame's. */
  static Future<Void> write(WebSocketBase ws, String text, FrameEncoder frames) {
    byte[] bytes = frames.utf8(text);
    if (bytes.length <= MAX_FRAME_BYTES) {
      return ws.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(bytes), true));
    }
    Future<Void> last = null;
    for (int offset = 0; offset < bytes.length; offset += MAX_FRAME_BYTES) {
      int length = Math.min(MAX_FRAME_BYTES, bytes.length - offset);
      WebSocketFrameType type = offset == 0 ? WebSocketFrameType.TEXT : WebSocketFrameType.CONTINUATION;
      last = ws.writeFrame(new WebSocketFrameImpl(type, Unpooled.wrappedBuffer(bytes, offset, length), offset + length == bytes.length));
    }
    return last;
  }
}
