package ardoise.pad;

/**
 * Where a pad's commit time goes, for the server's metrics: how long ops wait before their group
 * commit's append starts, and how long a flush takes to write. Called on the pad's event loop once
 * per append and once per flush (never per keystroke or per member), so implementations must cost
 * no more than recording into a histogram. The pad knows nothing of the metrics library.
 */
public interface CommitTimings {

  /** Reports nothing (tests, benchmarks of the pad alone). */
  CommitTimings NONE = new CommitTimings() {
    @Override public void appendStarted(long oldestWaitNanos) {}
    @Override public void flushed(long nanos) {}
  };

  /**
   * A group commit's append starts, {@code oldestWaitNanos} after its oldest op was queued: the
   * pace between two appends plus the append in flight before it (see {@link Fanout}).
   */
  void appendStarted(long oldestWaitNanos);

  /** A flush was handed to the pad's members in {@code nanos} (those on the pad's own loop written, the others' queued to their loops). */
  void flushed(long nanos);
}
