package ardoise.store;

/**
 * When a pad's snapshot is saved and how many a store keeps. One value, built once from the
 * settings, is given to the pads (which save) and to the store (which trims).
 *
 * @param everyRevisions a pad saves a snapshot each time this many revisions were committed since the last
 * @param onClose a pad also saves one when it unloads or the server stops (a reload then replays nothing)
 * @param kept snapshots a store keeps per pad, newest first (older revisions are rebuilt from the nearest one)
 */
public record SnapshotPolicy(int everyRevisions, boolean onClose, int kept) {
  public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(500, true, 3);

  public SnapshotPolicy {
    if (everyRevisions < 1 || kept < 1) throw new IllegalArgumentException("snapshot policy must be positive: " + everyRevisions + ", " + kept);
  }

  /** The same policy, saving every {@code revisions}. */
  public SnapshotPolicy every(int revisions) {
    return new SnapshotPolicy(revisions, onClose, kept);
  }
}
