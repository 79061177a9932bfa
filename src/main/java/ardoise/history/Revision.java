package ardoise.history;

import ardoise.ot.AttributedText;

/**
 * A pad as it was at revision {@code rev}: its text with authors, when that revision was committed
 * (epoch ms; 0 when unknown, e.g. revision 0), and the pad's head when it was read.
 */
public record Revision(long rev, long time, AttributedText doc, long head) {}
