package ardoise.protocol;

/** A message the server refuses, with the code and the human-readable text of its {@code error} frame. */
public final class ProtocolException extends Exception {
  private final ErrorCode code;
  private final long seq;
  private final long retryAfter;

  public ProtocolException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  public ProtocolException(ErrorCode code, String message, long seq) {
    this(code, message, seq, 0);
  }

  /** With the seconds after which the refused message may be sent again ({@code retryAfter} in the frame). */
  public ProtocolException(ErrorCode code, String message, long seq, long retryAfter) {
    super(message, null, false, false); // no stack trace: this is an answer, not a bug
    this.code = code;
    this.seq = seq;
    this.retryAfter = retryAfter;
  }

  /** Seconds to wait before sending the refused message again, or 0 (no such hint). */
  public long retryAfter() {
    return retryAfter;
  }

  public ErrorCode code() {
    return code;
  }

  /** The refused op's seq, or 0. */
  public long seq() {
    return seq;
  }
}
