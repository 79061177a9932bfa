package ardoise.store;

/**
 * Outcome of {@link PadStore#append}: either every record was appended ({@code appended} true,
 * {@code head} the new head), or nothing was because the head had moved ({@code appended} false,
 * {@code head} the head found: the caller loads the missing ops, rebases and retries), or nothing
 * was because the pad is {@code gone}, or nothing was because the store's revision at the expected
 * head is not the caller's ({@code forked}: the histories parted, see {@link PadStore#append(String, long, String, java.util.List)}).
 */
public record AppendResult(boolean appended, long head, boolean gone, boolean forked) {
  /**
   * Nothing appended because the pad is gone from the store while the caller holds revisions of
   * it: its lifetime passed or it was deleted. Writing it again would bring back a deleted pad.
   */
  public static final AppendResult GONE = new AppendResult(false, 0, true);

  public AppendResult(boolean appended, long head) {
    this(appended, head, false, false);
  }

  public AppendResult(boolean appended, long head, boolean gone) {
    this(appended, head, gone, false);
  }

  /** Nothing appended: the store's revision {@code head} is another one than the caller's. */
  public static AppendResult forked(long head) {
    return new AppendResult(false, head, false, true);
  }
}
