package ardoise.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The limits a session enforces: message size, message rate, unsent output, the join deadline; chat
 * messages also take a token of their own bucket ({@code chatPerMinute}, {@code chatBurst}) and are at
 * most {@code chatMaxChars} UTF-16 code units; profile changes take one of theirs ({@code profilePerSecond},
 * {@code profileBurst}).
 */
public record SessionLimits(int maxMessageBytes, int opsPerSecond, int opsBurst, int sendQueueLimit, int chatMaxChars,
    int chatPerMinute, int chatBurst, long joinTimeoutMillis, int profilePerSecond, int profileBurst) {

  /** With the default profile rate (ARDOISE_PROFILE_PER_SECOND, ARDOISE_PROFILE_BURST). */
  public SessionLimits(int maxMessageBytes, int opsPerSecond, int opsBurst, int sendQueueLimit, int chatMaxChars,
      int chatPerMinute, int chatBurst, long joinTimeoutMillis) {
    this(maxMessageBytes, opsPerSecond, opsBurst, sendQueueLimit, chatMaxChars, chatPerMinute, chatBurst, joinTimeoutMillis,
        5, 10);
  }

  /** With the default join deadline (ARDOISE_JOIN_TIMEOUT_SECONDS). */
  public SessionLimits(int maxMessageBytes, int opsPerSecond, int opsBurst, int sendQueueLimit, int chatMaxChars,
      int chatPerMinute, int chatBurst) {
    this(maxMessageBytes, opsPerSecond, opsBurst, sendQueueLimit, chatMaxChars, chatPerMinute, chatBurst, 10_000);
  }

  /** Without chat settings: the defaults of ARDOISE_CHAT_*. */
  public SessionLimits(int maxMessageBytes, int opsPerSecond, int opsBurst, int sendQueueLimit) {
    this(maxMessageBytes, opsPerSecond, opsBurst, sendQueueLimit, FrameDecoder.DEFAULT_CHAT_MAX_CHARS, 20, 5);
  }

  /** Whether a text frame is over the message size, in UTF-8 bytes. */
  boolean tooLarge(String frame) {
    int max = maxMessageBytes;
    // Why: counting UTF-8 bytes is O(n); only needed when the char count alone cannot decide.
    return frame.length() > max || (frame.length() * 3L > max && frame.getBytes(StandardCharsets.UTF_8).length > max);
  }

  /** The answer to a message over the size, however far over it is (close 1009). */
  ProtocolException tooLargeError() {
    return new ProtocolException(ErrorCode.MESSAGE_TOO_LARGE, "messages are limited to " + maxMessageBytes + " bytes");
  }

  /**
   * Whether a socket error is the transport refusing a message above its own bound (4 × the limit):
   * Netty's frame decoder (one frame too long) or Vert.x's reassembly (fragments adding up too far).
   */
  static boolean oversizedOnTransport(Throwable e) {
    if (e instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException c) {
      return c.closeStatus() != null && c.closeStatus().code() == 1009;
    }
    return e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size");
  }
}
