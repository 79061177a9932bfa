package ardoise.store.redis;

import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.logging.Logger;

/**
 * A pad's read-only id and its reverse entry {@code ardoise:read-only:{id}} (docs/storage.md). The
 * reverse entry lives in another Redis Cluster slot than the pad, so no script of the pad can
 * touch it: it is written after the pad's scripts, with the TTL they ask for. Futures complete on
 * the Redis client's threads: {@link RedisPadStore} brings them back to its caller.
 */
final class RedisReadOnlyIds {
  private static final Logger LOG = Logger.getLogger(RedisReadOnlyIds.class.getName());
  private static final LuaScript READ_ONLY_ID = LuaScript.load("read-only-id.lua");
  private static final LuaScript ROTATE = LuaScript.load("read-only-rotate.lua");
  /**
   * Why a slack on the reverse key's TTL: the commit script asks for a longer one only when the pad's
   * expiry passes it, so with the slack it is renewed at most once per slack (a tenth of the
   * lifetime, at most an hour) instead of with every edit. Lookups check the pad's own key, so the
   * reverse key's extra minutes lead nowhere.
   */
  static final long MAX_REVERSE_SLACK_MS = 3_600_000;

  private final RedisAPI api;
  private final RedisAvailability availability;
  private final Retention retention;
  private final CommitChannels channels;

  RedisReadOnlyIds(RedisAPI api, RedisAvailability availability, Retention retention, CommitChannels channels) {
    this.api = api;
    this.availability = availability;
    this.retention = retention;
    this.channels = channels;
  }

  static long reverseSlack(long lifetimeMs) {
    return Math.min(lifetimeMs / 10, MAX_REVERSE_SLACK_MS);
  }

  /**
   * One script checks that the pad was written, sets the id NX (whoever sets first wins, every
   * caller reads the winner) and gives the key the pad's TTL; a pad never written gets nil and
   * nothing is stored. The reverse entry is written after (a SET of the same value with the TTL the
   * script gives, so repeating it is harmless). An id is only handed out once both are written.
   */
  Future<String> readOnlyId(String padId, String candidate) {
    List<String> args = List.of(candidate, Long.toString(System.currentTimeMillis()),
        Long.toString(reverseSlack(retention.defaultMs())));
    return availability.track(READ_ONLY_ID.run(api, List.of(PadKeys.of(padId).meta(), PadKeys.readOnlyId(padId)), args))
        .compose(r -> {
          if (r == null) return Future.succeededFuture(null);
          String stored = r.get(0).toString();
          long until = r.get(1).toLong();
          List<String> set = until > 0
              ? List.of(PadKeys.padOfReadOnlyId(stored), padId, "PXAT", Long.toString(until))
              : List.of(PadKeys.padOfReadOnlyId(stored), padId);
          return availability.track(api.set(set)).map(x -> stored);
        });
  }

  /**
   * The reverse key, then the pad's own read-only key: a reverse key that outlives its pad (by its
   * slack, or a pad deleted while Redis could not be told) leads nowhere.
   */
  Future<String> padOf(String readOnlyId) {
    return availability.track(api.get(PadKeys.padOfReadOnlyId(readOnlyId))).compose(r -> {
      if (r == null) return Future.succeededFuture(null);
      String padId = r.toString();
      return availability.track(api.get(PadKeys.readOnlyId(padId)))
          .map(own -> own != null && own.toString().equals(readOnlyId) ? padId : null);
    });
  }

  /**
   * The pad's own key takes the new id first (the old one leads nowhere from then on, {@link #padOf}
   * checks it), then the new reverse entry is written and the old one removed. Null for a pad never
   * written. The script also tells the pad's channel, so that every instance closes the old link's
   * viewers ({@code policy}, as an owner's other changes).
   */
  Future<String> rotate(String padId, String candidate) {
    return channels.sharded().compose(sharded -> {
      List<String> args = List.of(candidate, Long.toString(System.currentTimeMillis()),
          Long.toString(reverseSlack(retention.defaultMs())), PadKeys.of(padId).channel(), CommitChannels.publishCommand(sharded));
      return availability.track(ROTATE.run(api, List.of(PadKeys.of(padId).meta(), PadKeys.readOnlyId(padId)), args));
    }).compose(r -> {
      if (r == null) return Future.succeededFuture(null);
      long until = r.get(1).toLong();
      List<String> set = until > 0
          ? List.of(PadKeys.padOfReadOnlyId(candidate), padId, "PXAT", Long.toString(until))
          : List.of(PadKeys.padOfReadOnlyId(candidate), padId);
      Future<?> written = availability.track(api.set(set));
      if (r.get(0) == null) return written.map(x -> candidate);
      String old = r.get(0).toString();
      return written.compose(x -> availability.track(api.del(List.of(PadKeys.padOfReadOnlyId(old))))).map(x -> candidate);
    });
  }

  /** The pad's read-only id if it has one; never makes one. */
  Future<String> stored(String padId) {
    return availability.track(api.get(PadKeys.readOnlyId(padId))).map(r -> r == null ? null : r.toString());
  }

  /**
   * Gives the reverse key {@code until} (epoch ms; 0: no TTL), after the script that asked for it.
   * Not awaited by the edit's acknowledgement: if it fails, the reverse key may expire before the
   * pad, and the next {@link #readOnlyId} (every join and links request) writes it again.
   */
  void extendReverse(String padId, String readOnlyId, long until) {
    if (until < 0) return;
    String key = PadKeys.padOfReadOnlyId(readOnlyId);
    Future<?> done = until == 0 ? availability.track(api.persist(key))
        : availability.track(api.pexpireat(List.of(key, Long.toString(until))));
    done.onFailure(e -> LOG.warning("pad=" + padId + " client=- read-only link's TTL not extended: " + e));
  }

  /**
   * Before a deletion: the reverse entry of the pad's read-only id is replaced by its tombstone for
   * {@code ttl} seconds. First, because it lives in another slot: if the deletion script then fails,
   * a retry still finds the id in the pad's keys.
   */
  Future<Void> retire(String padId, String ttl) {
    return stored(padId).compose(readOnlyId -> readOnlyId == null ? Future.<Void>succeededFuture()
        : availability.track(api.set(List.of(PadKeys.deletedReadOnlyId(readOnlyId), "1", "EX", ttl)))
            .compose(r -> availability.track(api.del(List.of(PadKeys.padOfReadOnlyId(readOnlyId))))).<Void>mapEmpty());
  }

  /** True while the tombstone of a deleted pad's read-only id lasts. */
  Future<Boolean> wasDeleted(String readOnlyId) {
    return availability.track(api.exists(List.of(PadKeys.deletedReadOnlyId(readOnlyId)))).map(r -> r.toLong() > 0);
  }
}
