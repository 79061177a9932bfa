package ardoise.store;

/**
 * Outcome of {@link PadStore#append}: either every record was appended ({@code appended} true,
 * {@code head} the new head), or nothing was because the head had moved ({@code appended} false,
 * {@code head} the head found: the caller loads the missing ops, rebases and retries), or nothing
 * was because the pad is {@code gone}.
 */
public record AppendResult(boolean appended, long head, boolean gone) {
  /**
   * Nothing appended because the pad is gone from the store while the caller holds revisions of
   * it: its lifetime passed or it was deleted. Writing it again would bring back a deleted pad.
   */
  public static final AppendResult GONE = new AppendResult(false, 0, true);

  public AppendResult(boolean appended, long head) {
    this(appended, head, false);
  }
}
