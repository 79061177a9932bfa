package ardoise.pad;

/**
 * Limits and tuning of every pad, taken from the server configuration.
 *
 * @param maxPadChars largest document, in UTF-16 code units
 * @param maxMembers most connections on one pad
 * @param snapshotEveryOps save a snapshot after this many committed revisions
 * @param idleUnloadMillis unload a pad that had no members for this long
 * @param windowSize committed ops kept in memory for rebasing and replays
 * @param maxPendingOps ops accepted but not yet stored before new ones are refused
 * @param maxBatch most ops sent to the store in one append
 * @param fanoutNanosPerMember pace of a pad's flushes: two start at least members × this apart (0: no
 *     pacing; see {@link Fanout})
 */
public record PadSettings(int maxPadChars, int maxMembers, int snapshotEveryOps, long idleUnloadMillis,
    int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember) {

  public PadSettings {
    if (maxPadChars < 1 || maxMembers < 1 || snapshotEveryOps < 1 || idleUnloadMillis < 1
        || windowSize < 1 || maxPendingOps < 1 || maxBatch < 1 || fanoutNanosPerMember < 0) {
      throw new IllegalArgumentException("pad settings must be positive: " + this);
    }
  }

  public PadSettings(int maxPadChars, int maxMembers, int snapshotEveryOps, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch) {
    this(maxPadChars, maxMembers, snapshotEveryOps, idleUnloadMillis, windowSize, maxPendingOps, maxBatch,
        Fanout.DEFAULT_NANOS_PER_MEMBER);
  }

  public static PadSettings of(int maxPadChars, int maxMembers, int snapshotEveryOps, long idleUnloadMillis) {
    return new PadSettings(maxPadChars, maxMembers, snapshotEveryOps, idleUnloadMillis, 1000, 2000, 200);
  }

  public static PadSettings of(int maxPadChars, int maxMembers, int snapshotEveryOps, long idleUnloadMillis,
      long fanoutNanosPerMember) {
    return new PadSettings(maxPadChars, maxMembers, snapshotEveryOps, idleUnloadMillis, 1000, 2000, 200, fanoutNanosPerMember);
  }
}
