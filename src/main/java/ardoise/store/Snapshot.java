package ardoise.store;

import ardoise.ot.AttributedText;

/** The pad's text and attribution at revision {@code rev}; {@code time} is epoch milliseconds. */
public record Snapshot(long rev, AttributedText doc, long time) {
  public static final Snapshot EMPTY = new Snapshot(0, AttributedText.EMPTY, 0);
}
