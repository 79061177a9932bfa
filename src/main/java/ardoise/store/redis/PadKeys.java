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
    String base = PREFIX + "{" + escape(padId) + "}:";
    return new PadKeys(base + "meta", base + "log", base + "seqs", base + "snapshots",
        base + "snapshot-revs", base + "commits");
  }

  /** The pad's read-only id (a string key, set once with NX). */
  static String readOnlyId(String padId) {
    return PREFIX + "{" + escape(padId) + "}:read-only";
  }

  /** What the pad's owner decided (a hash: locked, password, protectReadOnly, lifetime). */
  static String policy(String padId) {
    return PREFIX + "{" + escape(padId) + "}:policy";
  }

  /** The hash of the pad's owner token (a string key). */
  static String owner(String padId) {
    return PREFIX + "{" + escape(padId) + "}:owner";
  }

  /** The pad's chat: a stream capped to the newest messages. */
  static String chat(String padId) {
    return PREFIX + "{" + escape(padId) + "}:chat";
  }

  /** The reverse entry: read-only id -> padId (its own slot: read-only ids are random). */
  static String padOfReadOnlyId(String readOnlyId) {
    return PREFIX + "read-only:" + readOnlyId;
  }

  /** The tombstone of a deleted pad (a string key with a TTL: the deletion time in epoch ms). */
  static String deleted(String padId) {
    return PREFIX + "{" + escape(padId) + "}:deleted";
  }

  /** The tombstone of a deleted pad's read-only id (a string key with a TTL), beside the reverse entry. */
  static String deletedReadOnlyId(String readOnlyId) {
    return PREFIX + "read-only-deleted:" + readOnlyId;
  }

  /**
   * Every key that holds something about the pad, its read-only id first (delete.lua reads it).
   * Why a list and not a SCAN of {@code ardoise:{pad}:*}: one script deletes them all at once, on
   * a single server or a cluster. They are the keys of {@link #all()}: a key added to a pad is
   * added there (RedisPadStoreTest's deletion test scans for leftovers).
   */
  static List<String> everyKey(String padId) {
    String readOnly = readOnlyId(padId);
    List<String> keys = new java.util.ArrayList<>(List.of(readOnly));
    for (String key : of(padId).all()) if (!key.equals(readOnly)) keys.add(key);
    return keys;
  }

  /** Braces would end the hash tag early and split a pad over slots: escape them (and the escape). */
  private static String escape(String padId) {
    return padId.replace("%", "%25").replace("{", "%7B").replace("}", "%7D");
  }

  /**
   * Every key of the pad, meta first, log and seqs next, the read-only id sixth, the owner tenth and
   * the policy eleventh (the order commit.lua and lifetime-set.lua read). Why one list: each key here gets the pad's TTL with each edit, so a
   * new per-pad key must be added here or it would outlive the pad.
   */
  List<String> all() {
    String base = meta.substring(0, meta.length() - "meta".length());
    return List.of(meta, log, seqs, snapshots, snapshotIndex, base + "read-only", base + "authors", base + "chat",
        base + "versions", base + "owner", base + "policy");
  }

  List<String> forCommit() {
    return all();
  }

  List<String> forLoad() {
    return List.of(meta, log, seqs, snapshots, snapshotIndex);
  }

  List<String> forSnapshots() {
    return List.of(snapshots, snapshotIndex);
  }

  List<String> forSnapshotSave() {
    return List.of(snapshots, snapshotIndex, meta);
  }
}
