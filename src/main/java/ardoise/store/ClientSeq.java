package ardoise.store;

/** The last committed {@code seq} of one clientId and the revision it became. */
public record ClientSeq(long seq, long rev) {}
