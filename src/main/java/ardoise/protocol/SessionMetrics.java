package ardoise.protocol;

/**
 * What sessions report to the server's metrics. Called on the sessions' event loops (any of them: implementations are thread-safe), on the hot path
 * (once per op sent or acknowledged), so implementations must cost no more than a counter
 * increment and must not allocate. The protocol layer knows nothing of the metrics library.
 */
public interface SessionMetrics {

  /** Reports nothing (tests, benchmarks of the pad alone). */
  SessionMetrics NONE = new SessionMetrics() {
    @Override public void acknowledged(long submitToAckNanos) {}
    @Override public void opsSent(int count) {}
    @Override public void rejected(ErrorCode code) {}
  };

  /** An op of this connection was acknowledged (durable), {@code submitToAckNanos} after its frame arrived. */
  void acknowledged(long submitToAckNanos);

  /**
   * {@code count} committed ops were sent to one other member (the broadcast fan-out, counted per
   * op and member). Once per flush and member, not per op: a shared counter is a contended write.
   */
  void opsSent(int count);

  /** An {@code error} frame with {@code code} was sent. */
  void rejected(ErrorCode code);
}
