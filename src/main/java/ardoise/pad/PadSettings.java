package ardoise.pad;

import ardoise.store.SnapshotPolicy;

/**
 * Limits and tuning of every pad, built once from the server configuration.
 *
 * @param maxPadChars largest document, in UTF-16 code units
 * @param maxMembers most connections on one pad
 * @param snapshots when a pad saves its snapshots
 * @param idleUnloadMillis unload a pad that had no members for this long
 * @param windowSize committed ops kept in memory for rebasing and replays
 * @param maxPendingOps ops accepted but not yet stored before new ones are refused
 * @param maxBatch most ops sent to the store in one append
 * @param fanoutNanosPerMember pace of a pad's flushes: two start at least members × this apart (0: no
 *     pacing; see {@link Fanout})
 * @param chatKept chat messages kept per pad (the newest), all sent to a member when it joins
 * @param maxViewers most read-only connections on one pad, counted apart from {@code maxMembers}
 *     (writers): a crowd of viewers never locks writers out
 * @param presenceMillis least time between two presence frames sent for profile changes (0: no pacing;
 *     see {@link Presence})
 * @param profileStoreMillis least time between two writes of one author's profile to the store (0: each
 *     change at once; see {@link AuthorMemory})
 * @param windowMaxBytes most bytes (estimated) of committed ops kept in memory, and read from the store
 *     for one replay or rebase; beyond it a join gets the text instead of a replay, an op gets
 *     {@link Rejection#REV_TOO_OLD}
 * @param maxRebaseRevisions an op based more than this many revisions behind the head is refused
 *     ({@link Rejection#REV_TOO_OLD}): rebasing costs CPU per revision crossed
 */
public record PadSettings(int maxPadChars, int maxMembers, SnapshotPolicy snapshots, long idleUnloadMillis,
    int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember, int chatKept, int maxViewers,
    long presenceMillis, long profileStoreMillis, long windowMaxBytes, int maxRebaseRevisions) {

  /** Settings with the default window bytes and rebase bound. */
  public PadSettings(int maxPadChars, int maxMembers, SnapshotPolicy snapshots, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember, int chatKept, int maxViewers,
      long presenceMillis, long profileStoreMillis) {
    this(maxPadChars, maxMembers, snapshots, idleUnloadMillis, windowSize, maxPendingOps, maxBatch, fanoutNanosPerMember,
        chatKept, maxViewers, presenceMillis, profileStoreMillis, WINDOW_MAX_BYTES, MAX_REBASE_REVISIONS);
  }

  /** Presence frames and profile writes paced as by default (ARDOISE_PRESENCE_MILLIS, ARDOISE_PROFILE_STORE_SECONDS). */
  public PadSettings(int maxPadChars, int maxMembers, SnapshotPolicy snapshots, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember, int chatKept, int maxViewers) {
    this(maxPadChars, maxMembers, snapshots, idleUnloadMillis, windowSize, maxPendingOps, maxBatch, fanoutNanosPerMember,
        chatKept, maxViewers, PRESENCE_MILLIS, PROFILE_STORE_MILLIS);
  }

  /** Default least time between two presence frames for profile changes (ARDOISE_PRESENCE_MILLIS). */
  public static final long PRESENCE_MILLIS = 250;
  /** Default least time between two writes of one author's profile (ARDOISE_PROFILE_STORE_SECONDS). */
  public static final long PROFILE_STORE_MILLIS = 5000;


  /** Settings with as many viewers allowed as writers. */
  public PadSettings(int maxPadChars, int maxMembers, SnapshotPolicy snapshots, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember, int chatKept) {
    this(maxPadChars, maxMembers, snapshots, idleUnloadMillis, windowSize, maxPendingOps, maxBatch, fanoutNanosPerMember,
        chatKept, maxMembers);
  }

  /** Chat messages kept per pad by default (ARDOISE_CHAT_KEPT). */
  public static final int CHAT_KEPT = 100;

  /** Settings with the default chat length. */
  public PadSettings(int maxPadChars, int maxMembers, SnapshotPolicy snapshots, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember) {
    this(maxPadChars, maxMembers, snapshots, idleUnloadMillis, windowSize, maxPendingOps, maxBatch, fanoutNanosPerMember,
        CHAT_KEPT);
  }

  /** Committed ops kept in memory per pad. */
  public static final int WINDOW_SIZE = 1000;
  /** Bytes of committed ops kept in memory per pad by default (ARDOISE_WINDOW_MAX_BYTES). */
  public static final long WINDOW_MAX_BYTES = 8L << 20;
  /** Revisions an op may be behind the head by default (ARDOISE_MAX_REBASE_REVISIONS). */
  public static final int MAX_REBASE_REVISIONS = 5000;
  /** Ops a pad accepts before the store has them. */
  public static final int MAX_PENDING_OPS = 2000;
  /** Ops in one append. */
  public static final int MAX_BATCH = 200;

  public PadSettings {
    if (maxPadChars < 1 || maxMembers < 1 || snapshots == null || idleUnloadMillis < 1
        || windowSize < 1 || maxPendingOps < 1 || maxBatch < 1 || fanoutNanosPerMember < 0 || chatKept < 1 || maxViewers < 1
        || presenceMillis < 0 || profileStoreMillis < 0 || windowMaxBytes < 1 || maxRebaseRevisions < 1) {
      throw new IllegalArgumentException("pad settings must be positive: " + this);
    }
  }
}
