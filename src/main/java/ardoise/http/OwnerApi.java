package ardoise.http;

import ardoise.config.Setting;
import ardoise.http.share.ReadOnlyIds;
import ardoise.http.share.ShareLinks;
import ardoise.pad.PadShards;
import ardoise.pad.PasswordHash;
import ardoise.pad.PolicyView;
import ardoise.store.PadLifetime;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a pad's owner can do through the API, with {@code Authorization: Bearer <ownerToken>}
 * (docs/security.md, "Owners"): read and change the pad's settings (lifetime, lock, edit password,
 * whether the password guards reading too), delete the pad, give it a new read-only link. Anyone who
 * can open the pad may read its settings. Missing token: 401 {@code owner-token-required}; a token
 * that is not the owner's, or a pad nobody owns: 403 {@code not-owner}. Every change reaches the open
 * pad through its shard at once, which tells every member. Passwords are hashed on a worker thread
 * ({@link PasswordHash}) and never logged. Thread rule: the event loop of the request.
 */
final class OwnerApi {
  private static final System.Logger LOG = System.getLogger(OwnerApi.class.getName());
  /** The lifetimes an owner may choose, in days (those above the server's maximum are not offered). */
  static final List<Integer> LIFETIME_CHOICES = List.of(1, 7, 30, 90, 365);

  private final Vertx vertx;
  private final PadStore store;
  private final PadShards shards;
  private final Owners owners;
  private final Retention retention;
  private final long tombstoneSeconds;
  private final String publicUrl;
  private final ProxyTrust proxies;
  private final ReadOnlyIds ids = new ReadOnlyIds();

  private OwnerApi(Vertx vertx, HttpParts parts, Owners owners) {
    this.vertx = vertx;
    this.store = parts.store();
    this.shards = parts.shards();
    this.owners = owners;
    this.retention = retention(parts.config());
    this.tombstoneSeconds = parts.config().deletedPadTombstoneSeconds();
    this.publicUrl = parts.config().publicUrl();
    this.proxies = ProxyTrust.of(parts.config());
  }

  /** The server's lifetimes (ARDOISE_RETENTION_DAYS, ARDOISE_MAX_RETENTION_DAYS). */
  static Retention retention(ardoise.config.Config config) {
    return Retention.ofDays(config.integer(Setting.RETENTION_DAYS), config.integer(Setting.MAX_RETENTION_DAYS));
  }

  /** Mounts the routes behind the pad door. */
  static void mount(Router router, Vertx vertx, HttpParts parts, Owners owners) {
    OwnerApi api = new OwnerApi(vertx, parts, owners);
    router.get("/api/lifetimes").handler(api::lifetimes);
    router.getWithRegex("/api/pads/[^/]+/settings").handler(api::settings);
    router.patchWithRegex("/api/pads/[^/]+/settings").handler(CrossSiteGuard.accepting("application/json"));
    router.patchWithRegex("/api/pads/[^/]+/settings").handler(BodyHandler.create(false).setBodyLimit(4096)).handler(api::change);
    router.deleteWithRegex("/api/pads/[^/]+").handler(api::delete);
    router.postWithRegex("/api/pads/[^/]+/read-only-link").handler(api::rotate);
  }

  /** The days an owner may choose here: the choices up to the maximum, and 0 (forever) when there is none. */
  static JsonArray choices(Retention retention) {
    JsonArray out = new JsonArray();
    for (int days : LIFETIME_CHOICES) if (retention.maxMs() == 0 || Duration.ofDays(days).toMillis() <= retention.maxMs()) out.add(days);
    if (retention.maxMs() == 0) out.add(0);
    return out;
  }

  /** GET /api/lifetimes: the choices a creation offers, without naming a pad (the home page's form). */
  private void lifetimes(RoutingContext ctx) {
    send(ctx, 200, new JsonObject().put("lifetimeChoices", choices(retention))
        .put("defaultLifetimeDays", PolicyView.days(retention.defaultMs())));
  }

  /** GET /api/pads/{pad}/settings. */
  private void settings(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Future<PadPolicy> policy = store.policy(padId);
    Future<PadLifetime> lifetime = store.lifetime(padId);
    Future<String> owner = store.notes().ownerTokenHash(padId);
    Future.all(policy, lifetime, owner).onComplete(r -> {
      if (r.failed()) unavailable(ctx, padId, r.cause());
      else send(ctx, 200, settingsJson(policy.result(), lifetime.result(), owner.result() != null));
    });
  }

  private JsonObject settingsJson(PadPolicy policy, PadLifetime lifetime, boolean owned) {
    return new JsonObject().put("lifetimeDays", PolicyView.days(lifetime.lifetimeMs()))
        .put("deletesAt", lifetime.deletesAt() == 0 ? null : lifetime.deletesAt())
        .put("locked", policy.locked()).put("passwordRequired", policy.hasPassword())
        .put("protectReadOnly", policy.protectReadOnly()).put("owned", owned)
        .put("lifetimeChoices", choices(retention)).put("defaultLifetimeDays", PolicyView.days(retention.defaultMs()));
  }

  /** The change a PATCH body asks for; fields absent stay as they are. */
  private record Change(Integer lifetimeDays, Boolean locked, boolean passwordGiven, String password, Boolean protectReadOnly) {}

  /** PATCH /api/pads/{pad}/settings (owner). */
  private void change(RoutingContext ctx) {
    Change change = parse(ctx);
    if (change == null) return;
    asOwner(ctx, padId -> {
      // Why on a worker: PBKDF2 takes 100,000 HMAC rounds, an event loop serves everyone's typing.
      Future<String> hashed = change.password() == null ? Future.succeededFuture(null)
          : vertx.executeBlocking(() -> PasswordHash.of(change.password()), false);
      hashed.compose(hash -> store.policy(padId).compose(old -> {
        PadPolicy policy = old;
        if (change.locked() != null) policy = policy.withLocked(change.locked());
        if (change.protectReadOnly() != null) policy = policy.withProtectReadOnly(change.protectReadOnly());
        if (change.passwordGiven()) policy = policy.withPasswordHash(hash);
        if (change.lifetimeDays() != null) policy = policy.withLifetimeMs(Duration.ofDays(change.lifetimeDays()).toMillis());
        PadPolicy changed = policy;
        // The policy first, then a written pad's own lifetime: a first edit landing in between takes
        // the chosen lifetime from the policy (commit.lua), so no order of events loses it.
        return store.setPolicy(padId, changed)
            .compose(v -> change.lifetimeDays() == null ? Future.succeededFuture(false)
                : store.setLifetime(padId, Duration.ofDays(change.lifetimeDays()))
                    .recover(e -> e instanceof UnsupportedOperationException ? Future.succeededFuture(false) : Future.failedFuture(e)))
            .compose(v -> store.lifetime(padId))
            .compose(lifetime -> shards.call(padId, registry -> registry.applyPolicy(padId, changed, lifetime))
                .map(v -> settingsJson(changed, lifetime, true)));
      })).onComplete(r -> {
        if (r.succeeded()) send(ctx, 200, r.result());
        else if (r.cause() instanceof IllegalArgumentException e) ErrorPage.json(ctx, HttpError.BAD_LIFETIME, e.getMessage());
        else unavailable(ctx, padId, r.cause());
      });
    });
  }

  /** The body's change, or null after a 400 naming the bad field (a password is never quoted). */
  private Change parse(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      ErrorPage.json(ctx, HttpError.BAD_REQUEST, "the body must be a JSON object");
      return null;
    }
    Object days = body.getValue("lifetimeDays");
    Object locked = body.getValue("locked");
    Object protect = body.getValue("protectReadOnly");
    Object password = body.getValue("password");
    if (days != null && !(days instanceof Integer d && choices(retention).contains(d))) {
      ErrorPage.json(ctx, HttpError.BAD_LIFETIME, "lifetimeDays must be one of " + choices(retention).encode());
      return null;
    }
    if ((locked != null && !(locked instanceof Boolean)) || (protect != null && !(protect instanceof Boolean))) {
      ErrorPage.json(ctx, HttpError.BAD_REQUEST, "locked and protectReadOnly must be true or false");
      return null;
    }
    if (password != null && !(password instanceof String s && PasswordHash.acceptable(s))) {
      ErrorPage.json(ctx, HttpError.BAD_PASSWORD, "a password has " + PasswordHash.MIN_LENGTH + " to "
          + PasswordHash.MAX_LENGTH + " characters (null removes it)");
      return null;
    }
    return new Change((Integer) days, (Boolean) locked, body.containsKey("password"), (String) password, (Boolean) protect);
  }

  /** DELETE /api/pads/{pad} (owner): the operator's erasure ({@link ardoise.pad.PadRegistry#erase}). */
  private void delete(RoutingContext ctx) {
    asOwner(ctx, padId -> shards.call(padId, registry -> registry.erase(padId, tombstoneSeconds)).onComplete(r -> {
      if (r.failed()) {
        unavailable(ctx, padId, r.cause());
      } else {
        LOG.log(System.Logger.Level.INFO, "pad={0} client=owner pad deleted", padId);
        ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
      }
    }));
  }

  /** POST /api/pads/{pad}/read-only-link (owner): a new read-only id; the old link stops working at once. */
  private void rotate(RoutingContext ctx) {
    asOwner(ctx, padId -> store.rotateReadOnlyId(padId, ids.next())
        .compose(id -> id == null ? Future.succeededFuture((String) null)
            : shards.call(padId, registry -> registry.readOnlyLinkChanged(padId, id)).map(v -> id))
        .onComplete(r -> {
          if (r.failed()) {
            unavailable(ctx, padId, r.cause());
          } else if (r.result() == null) {
            ErrorPage.json(ctx, HttpError.NO_READ_ONLY_LINK, "the pad has no read-only link before its first edit");
          } else {
            String base = ShareLinks.base(publicUrl, proxies.scheme(ctx.request()), proxies.host(ctx.request()));
            String path = "/r/" + r.result();
            send(ctx, 200, new JsonObject().put("readOnlyId", r.result()).put("readOnlyUrl", base == null ? path : base + path));
          }
        }));
  }

  /** Runs {@code action} with the pad's id when the request carries its owner token; answers 401/403 otherwise. */
  private void asOwner(RoutingContext ctx, Consumer<String> action) {
    String padId = PadDoor.entry(ctx).padId();
    if (Owners.bearer(ctx.request()) == null) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"owner\"");
      ErrorPage.json(ctx, HttpError.OWNER_TOKEN_REQUIRED, "this needs the pad's owner token: Authorization: Bearer <ownerToken>");
      return;
    }
    owners.isOwner(padId, ctx.request()).onComplete(r -> {
      if (r.failed()) unavailable(ctx, padId, r.cause());
      else if (!r.result()) ErrorPage.json(ctx, HttpError.NOT_OWNER, "this token is not the owner's of this pad");
      else action.accept(padId);
    });
  }

  private static void unavailable(RoutingContext ctx, String padId, Throwable cause) {
    LOG.log(System.Logger.Level.WARNING, "pad={0} client=owner request failed: {1}", padId, cause.getClass().getSimpleName());
    ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad's settings cannot be read or changed right now; retry");
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
