package ardoise.history;

/** A revision that does not exist yet (or is negative). The message is safe to show to a client. */
public final class RevisionOutOfRange extends RuntimeException {
  public RevisionOutOfRange(long rev, long head) {
    super("revision " + rev + " does not exist: this pad has revisions 0 to " + head, null, false, false);
  }
}
