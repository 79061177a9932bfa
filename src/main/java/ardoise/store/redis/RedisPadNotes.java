package ardoise.store.redis;

import ardoise.store.PadNotes;
import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PadNotes} in Redis, next to the pad's other keys (same hash tag): two hashes,
 * {@code ardoise:{pad}:authors} (authorId → {"name","color"}) and {@code ardoise:{pad}:versions}
 * (rev → {"label","author","time"}), and a string, {@code ardoise:{pad}:owner} (the owner token's
 * hash), each with the pad's TTL. Uses the pad store's pooled client; every command has the
 * store's deadline (each write sets a value, so one that runs after its deadline changes nothing more).
 */
public final class RedisPadNotes implements PadNotes {
  private static final LuaScript SET = LuaScript.load("note-set.lua");
  private static final LuaScript CLAIM = LuaScript.load("owner-claim.lua");
  private static final LuaScript AUTHOR_SET = LuaScript.load("author-set.lua");

  private final RedisAPI api;
  private final RedisAvailability availability;
  private final Retention retention;

  /**
   * Notes through the pad store's pooled client {@code api}, followed by {@code availability}; a
   * note on a pad never written expires after {@code retention}'s default lifetime.
   */
  RedisPadNotes(RedisAPI api, RedisAvailability availability, Retention retention) {
    this.api = api;
    this.availability = availability;
    this.retention = retention;
  }

  /** HSET with the pad's TTL, in one script (no key of a pad may outlive it). */
  private Future<Void> set(String padId, String name, String field, String json) {
    List<String> keys = List.of(key(padId, name), PadKeys.of(padId).meta());
    return availability.track(SET.run(api, keys, List.of(field, json, Long.toString(retention.defaultMs())))).mapEmpty();
  }

  private static String key(String padId, String name) {
    String meta = PadKeys.of(padId).meta();
    return meta.substring(0, meta.length() - "meta".length()) + name;
  }

  @Override
  public Future<Void> rememberAuthor(String padId, String authorId, AuthorProfile profile) {
    return rememberAuthor(padId, authorId, profile, MAX_AUTHORS);
  }

  @Override
  public Future<Void> rememberAuthor(String padId, String authorId, AuthorProfile profile, int maxAuthors) {
    return setAuthor(padId, authorId, profile.name(), profile.color(), false, maxAuthors);
  }

  @Override
  public Future<Void> authorEdited(String padId, String authorId, int maxAuthors) {
    return setAuthor(padId, authorId, "", "", true, maxAuthors);
  }

  /** One author, capped (author-set.lua); {@code edited}: only mark it as having edits. */
  private Future<Void> setAuthor(String padId, String authorId, String name, String color, boolean edited, int maxAuthors) {
    List<String> keys = List.of(key(padId, "authors"), PadKeys.of(padId).meta());
    List<String> args = List.of(authorId, name, color, Long.toString(System.currentTimeMillis()), edited ? "1" : "0",
        Integer.toString(maxAuthors), Long.toString(retention.defaultMs()), edited ? "1" : "0");
    return RedisPadStore.onCaller(availability.track(AUTHOR_SET.run(api, keys, args)).mapEmpty());
  }

  @Override
  public Future<Map<String, AuthorProfile>> authors(String padId) {
    return RedisPadStore.onCaller(availability.track(api.hgetall(key(padId, "authors"))).map(reply -> {
      Map<String, AuthorProfile> out = new HashMap<>();
      for (String authorId : reply.getKeys()) {
        JsonObject json = stored(reply.get(authorId).toString(), "author " + authorId);
        out.put(authorId, new AuthorProfile(json.getString("name", ""), json.getString("color", "")));
      }
      return out;
    }));
  }

  /** A stored JSON value; one that does not parse fails without quoting it (names and labels stay out of logs). */
  private static JsonObject stored(String json, String what) {
    try {
      return new JsonObject(json);
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      throw new RecordCodec.CorruptDataException(what + " is not a JSON object");
    }
  }

  @Override
  public Future<Void> saveVersion(String padId, SavedVersion version, int max) {
    String key = key(padId, "versions");
    String json = new JsonObject().put("label", version.label()).put("author", version.author())
        .put("time", version.time()).encode();
    return RedisPadStore.onCaller(availability.track(api.hexists(key, Long.toString(version.rev()))).compose(exists -> exists.toBoolean()
        ? Future.succeededFuture(true)
        : availability.track(api.hlen(key)).map(count -> count.toLong() < max))
        .compose(room -> room
            ? set(padId, "versions", Long.toString(version.rev()), json)
            : Future.failedFuture(new TooManyVersions(max))));
  }

  @Override
  public Future<List<SavedVersion>> versions(String padId) {
    return RedisPadStore.onCaller(availability.track(api.hgetall(key(padId, "versions"))).map(reply -> {
      List<SavedVersion> out = new ArrayList<>();
      for (String rev : reply.getKeys()) {
        JsonObject json = stored(reply.get(rev).toString(), "saved version " + rev);
        out.add(new SavedVersion(Long.parseLong(rev), json.getString("label", ""), json.getString("author", ""),
            json.getLong("time", 0L)));
      }
      out.sort(Comparator.comparingLong(SavedVersion::rev));
      return out;
    }));
  }

  @Override
  public Future<Boolean> claimOwner(String padId, String tokenHash) {
    // SET NX: of two browsers claiming at once, one gets the pad.
    List<String> keys = List.of(key(padId, "owner"), PadKeys.of(padId).meta());
    return RedisPadStore.onCaller(availability.track(CLAIM.run(api, keys, List.of(tokenHash, Long.toString(retention.defaultMs()))))
        .map(reply -> reply != null && reply.toLong() == 1));
  }

  @Override
  public Future<String> ownerTokenHash(String padId) {
    return RedisPadStore.onCaller(availability.track(api.get(key(padId, "owner"))).map(reply -> reply == null ? null : reply.toString()));
  }
}
