package ardoise.http;

import ardoise.pad.PadShards;
import ardoise.pad.ServerEdit;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Duration;

/**
 * Creating a named pad with an owner (the browser's {@code POST /api/pads} and the API's): the name
 * is taken only if nobody wrote in it and nobody owns it, its owner gets a fresh token (the store
 * keeps its hash, {@link Owners}), a chosen lifetime goes to its policy, then its first text
 * becomes revision 1. Thread rule: any event loop; futures complete on the caller's context.
 */
public final class PadCreation {
  /** What a new pad starts with: a text (nullable) written by {@code authorId} shown as {@code authorName}, a lifetime (nullable). */
  public record Start(String text, String authorId, String authorName, Integer lifetimeDays) {
    /** Template text: nobody's (shown uncoloured, never listed as a person). */
    public static Start template(String text, Integer lifetimeDays) {
      return new Start(text, EditApi.NOBODY, "Ardoise", lifetimeDays);
    }
  }

  /** A pad created: its stored name and the owner token, which is shown once and never stored. */
  public record Created(String padId, String ownerToken) {}

  private final PadStore store;
  private final PadShards shards;
  private final PadSpelling spelling;
  private final Retention retention;

  public PadCreation(PadStore store, PadShards shards, Retention retention) {
    this.store = store;
    this.shards = shards;
    this.spelling = new PadSpelling(store);
    this.retention = retention;
  }

  /** The server's retention settings (ARDOISE_RETENTION_DAYS, ARDOISE_MAX_RETENTION_DAYS). */
  public static Retention retention(ardoise.config.Config config) {
    return OwnerApi.retention(config);
  }

  /** The lifetimes, in days, a creation may choose here. */
  public JsonArray lifetimeChoices() {
    return OwnerApi.choices(retention);
  }

  /** Whether {@code days} (null: the default) may be chosen. */
  public boolean allowsLifetime(Integer days) {
    return days == null || lifetimeChoices().contains(days);
  }

  /**
   * Creates the pad that {@code typed} (a valid name) opens, or completes with null when that name
   * is written in or owned already. A store failure fails the future.
   */
  public Future<Created> create(String typed, Start start) {
    String token = Owners.newToken();
    // The pad the name opens, as /p/{name} would: its canonical form, or an older stored spelling.
    return spelling.resolve(typed).compose(padId -> store.exists(padId)
        .compose(written -> written ? Future.succeededFuture(false) : store.notes().claimOwner(padId, Owners.hash(token)))
        .compose(created -> created ? begin(padId, start).map(new Created(padId, token)) : Future.succeededFuture((Created) null)));
  }

  /**
   * The new pad's lifetime goes to its policy first, so that its first revision takes it; then the
   * start text becomes revision 1.
   */
  private Future<Void> begin(String padId, Start start) {
    Future<Void> lifetime = start.lifetimeDays() == null ? Future.succeededFuture()
        : store.setPolicy(padId, PadPolicy.OPEN.withLifetimeMs(Duration.ofDays(start.lifetimeDays()).toMillis()));
    if (start.text() == null || start.text().isEmpty()) return lifetime;
    return lifetime.compose(v -> shards.call(padId, registry -> registry.pad(padId)
        .compose(pad -> ServerEdit.run(pad, start.authorId(), start.authorName(), null, head -> head.isEmpty() ? start.text() : head))))
        .mapEmpty();
  }

  /** Whether {@code token} is the owner token of {@code padId} (a stored pad name); compared in constant time. */
  public Future<Boolean> isOwner(String padId, String token) {
    return store.notes().ownerTokenHash(padId).map(stored -> stored != null && token != null && java.security.MessageDigest.isEqual(
        stored.getBytes(java.nio.charset.StandardCharsets.US_ASCII), Owners.hash(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }
}
