package ardoise.protocol;

/** A message the server refuses, with the code and the human-readable text of its {@code error} frame. */
public final class ProtocolException extends Exception {
  private final ErrorCode code;
  private final long seq;

  public ProtocolException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  public ProtocolException(ErrorCode code, String message, long seq) {
    super(message, null, false, false); // no stack trace: this is an answer, not a bug
    this.code = code;
    this.seq = seq;
  }

  public ErrorCode code() {
    return code;
  }

  /** The refused op's seq, or 0. */
  public long seq() {
    return seq;
  }
}
