package ardoise.pad;

/**
 * What one connection is told of its pad's policy (the {@code policy} field of {@code joined} and
 * the {@code policy} frame, docs/protocol.md).
 *
 * @param lifetimeDays days the pad lives without an edit (0: forever), rounded up
 * @param deletesAt when the pad is deleted if nobody edits it, epoch ms; null: never
 * @param locked the owner locked the pad: nobody writes
 * @param passwordRequired the pad has an edit password
 * @param protectReadOnly the password guards reading too
 * @param canWrite whether this connection's ops are accepted now
 */
public record PolicyView(long lifetimeDays, Long deletesAt, boolean locked, boolean passwordRequired,
    boolean protectReadOnly, boolean canWrite) {
  private static final long DAY_MS = 86_400_000L;

  /** Days for a lifetime in milliseconds: 0 stays 0 (forever), anything else is at least one day. */
  public static long days(long lifetimeMs) {
    return lifetimeMs <= 0 ? 0 : (lifetimeMs + DAY_MS - 1) / DAY_MS;
  }
}
