package ardoise.store;

/**
 * When a pad's snapshot is saved and how many a store keeps. One value, built once from the
 * settings, is given to the pads (which save) and to the store (which trims).
 *
 * @param everyRevisions a pad saves a snapshot each time this many revisions were committed since the last
 *     (more in a long pad: see {@link #revisionsBetween})
 * @param onClose a pad also saves one when it unloads or the server stops (a reload then replays nothing)
 * @param kept snapshots a store keeps per pad, newest first (older revisions are rebuilt from the nearest one)
 */
public record SnapshotPolicy(int everyRevisions, boolean onClose, int kept) {
  public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(500, true, 3);

  public SnapshotPolicy {
    if (everyRevisions < 1 || kept < 1) throw new IllegalArgumentException("snapshot policy must be positive: " + everyRevisions + ", " + kept);
  }

  /**
   * A document's length, in code units, per revision between two snapshots of it: a snapshot
   * writes the whole text, so a long pad waits for that many more revisions. Why 256: a keystroke's
   * record weighs about 150 bytes, so the log since the last snapshot grows to about half the text
   * before the text is written again, and a snapshot costs each revision a few hundred bytes
   * whatever the pad's length (in a 1 MiB pad: one snapshot per 4,096 revisions, not per 500).
   */
  public static final int CHARS_PER_REVISION = 256;

  /** Revisions between two snapshots of a document of {@code length} code units. */
  public long revisionsBetween(long length) {
    return Math.max(everyRevisions, length / CHARS_PER_REVISION);
  }

  /** The same policy, saving every {@code revisions}. */
  public SnapshotPolicy every(int revisions) {
    return new SnapshotPolicy(revisions, onClose, kept);
  }
}
