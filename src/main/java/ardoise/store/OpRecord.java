package ardoise.store;

import ardoise.ot.TextOperation;

/**
 * One committed revision in a pad's op log: {@code op} turned revision {@code rev - 1} into {@code rev}.
 * {@code op} is exactly what was applied (already transformed), with inserts attributed to {@code author}.
 * {@code time} is epoch milliseconds.
 */
public record OpRecord(long rev, TextOperation op, String clientId, long seq, String author, long time) {
  /** Which edit this revision is, the same wherever it is read: its client's id and seq. */
  public String identity() {
    return clientId + " " + seq;
  }
}
