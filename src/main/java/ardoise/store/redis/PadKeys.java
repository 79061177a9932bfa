package ardoise.store.redis;

import java.util.List;

/**
 * The Redis keys of one pad (layout and reasons in docs/storage.md). Every key carries the pad id
 * as a hash tag {@code {padId}} so that one pad lives in one Redis Cluster slot and a Lua script may
 * touch all its keys.
 */
record PadKeys(String meta, String log, String seqs, String snapshots, String snapshotIndex, String channel) {

  static final String PREFIX = "ardoise:";

  static PadKeys of(String padId) {
    String base = PREFIX + "{" + padId + "}:";
    return new PadKeys(base + "meta", base + "log", base + "seqs", base + "snapshots",
        base + "snapshot-revs", base + "commits");
  }

  /** The pad id of a commit channel name, or null if {@code channel} is not one. */
  static String padIdOfChannel(String channel) {
    if (!channel.startsWith(PREFIX + "{") || !channel.endsWith("}:commits")) return null;
    return channel.substring(PREFIX.length() + 1, channel.length() - "}:commits".length());
  }

  List<String> forCommit() {
    return List.of(meta, log, seqs);
  }

  List<String> forLoad() {
    return List.of(meta, log, seqs, snapshots, snapshotIndex);
  }

  List<String> forSnapshots() {
    return List.of(snapshots, snapshotIndex);
  }
}
