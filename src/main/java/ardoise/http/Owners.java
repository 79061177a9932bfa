package ardoise.http;

import ardoise.http.share.ShareLinks;
import ardoise.store.PadNotes;
import ardoise.pad.PadShards;
import ardoise.store.PadStore;
import ardoise.store.Retention;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Owners without accounts. Whoever creates a pad through {@code POST /api/pads}, or claims one nobody
 * owns, receives an owner token: 128 random bits the browser keeps and can hand over as an "owner
 * link". The store keeps only its SHA-256 (a token this random needs no slow hash), so a copy of the
 * store grants nothing; the token is never logged and never sent to other members.
 */
final class Owners {
  /** 22 base64url characters. */
  private static final int TOKEN_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PadNotes notes;
  private final NameSuggestions names;
  private final String publicUrl;
  private final Future<Templates> templates;
  private final PadCreation creation;
  private final WriteQuotas quotas;
  private final ProxyTrust proxies;

  /**
   * {@code templates}: the pads a creation may start from; {@code retention}: the lifetimes a
   * creation may choose ({@link OwnerApi#choices}); {@code quotas}: the pads an address may create.
   */
  Owners(PadStore store, NameSuggestions names, String publicUrl, PadShards shards, Future<Templates> templates,
      Retention retention, WriteQuotas quotas, ProxyTrust proxies) {
    this.quotas = quotas;
    this.notes = store.notes();
    this.names = names;
    this.publicUrl = publicUrl;
    this.templates = templates;
    this.creation = new PadCreation(store, shards, retention);
    this.proxies = proxies;
  }


  /**
   * POST /api/pads, JSON body {@code {"name"?, "template"?, "language"?, "lifetimeDays"?}}: 201
   * {@code {padId, ownerToken, editUrl}}. Without a name the pad gets a suggested one. A name already
   * written or owned gets 409 {@code pad-exists}. A template (an id of GET /api/templates, in the
   * body's language or Accept-Language's) is the pad's revision 1, written by nobody; a lifetime
   * (one of the server's choices, else 400 {@code bad-lifetime}) is kept in the pad's policy until
   * that first revision takes it.
   */
  void create(RoutingContext ctx) {
    templates.onComplete(t -> create(ctx, t.succeeded() ? t.result() : null));
  }

  private void create(RoutingContext ctx, Templates all) {
    String typed;
    PadCreation.Start start;
    try {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      Object name = body == null ? null : body.getValue("name");
      if (name != null && !(name instanceof String)) throw new PadName.InvalidException("name must be a string");
      start = start(ctx, body == null ? new JsonObject() : body, all);
      if (start == null) return;
      typed = name == null ? names.next() : PadName.validate((String) name);
    } catch (DecodeException | ClassCastException e) {
      ErrorPage.json(ctx, HttpError.BAD_REQUEST, "the body must be a JSON object");
      return;
    } catch (PadName.InvalidException e) {
      ErrorPage.json(ctx, HttpError.BAD_PAD_NAME, e.getMessage());
      return;
    }
    WriteQuotas.Refused refused = quotas.newPad(ctx);
    if (refused != null) {
      WriteQuotas.answer(ctx, refused);
      return;
    }
    creation.create(typed, start).onComplete(r -> {
      if (r.failed()) {
        ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be created right now; retry");
      } else if (r.result() == null) {
        ErrorPage.json(ctx, HttpError.PAD_EXISTS, "a pad of this name exists already: open it, or choose another name");
      } else {
        String padId = r.result().padId();
        String base = ShareLinks.base(publicUrl, proxies.scheme(ctx.request()), proxies.host(ctx.request()));
        String path = "/p/" + ShareLinks.encodeSegment(padId);
        send(ctx, 201, new JsonObject().put("padId", padId).put("ownerToken", r.result().ownerToken())
            .put("editUrl", base == null ? path : base + path));
      }
    });
  }

  /** The template and lifetime the body asks for, or null after a 400/404 saying what is wrong. */
  private PadCreation.Start start(RoutingContext ctx, JsonObject body, Templates all) {
    Object days = body.getValue("lifetimeDays");
    if (days != null && !(days instanceof Integer d && creation.allowsLifetime(d))) {
      ErrorPage.json(ctx, HttpError.BAD_LIFETIME, "lifetimeDays must be one of " + creation.lifetimeChoices().encode());
      return null;
    }
    Object template = body.getValue("template");
    if (template == null) return PadCreation.Start.template(null, (Integer) days);
    String language = body.getValue("language") instanceof String l ? (l.startsWith("en") ? "en" : "fr") : RequestValues.language(ctx);
    var found = all == null || !(template instanceof String id) ? java.util.Optional.<Templates.Template>empty() : all.find(id, language);
    if (found.isEmpty()) {
      ErrorPage.json(ctx, HttpError.NO_SUCH_TEMPLATE, "there is no template with that name (see GET /api/templates)");
      return null;
    }
    return PadCreation.Start.template(Templates.fill(found.get(), java.time.LocalDate.now()), (Integer) days);
  }

  /** POST /api/pads/{pad}/claim: 201 {@code {ownerToken}} for the first who asks; 409 {@code already-owned} after. */
  void claim(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    String token = newToken();
    notes.claimOwner(padId, hash(token)).onComplete(r -> {
      if (r.failed()) ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be claimed right now; retry");
      else if (!r.result()) ErrorPage.json(ctx, HttpError.ALREADY_OWNED, "this pad has an owner already");
      else send(ctx, 201, new JsonObject().put("padId", padId).put("ownerToken", token));
    });
  }

  /**
   * GET /api/pads/{pad}/owner: {@code {"owned": whether someone owns the pad, "owner": whether the
   * request's {@code Authorization: Bearer} token is the owner's}}. Tells nobody who the owner is.
   */
  void status(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    notes.ownerTokenHash(padId).onComplete(r -> {
      if (r.failed()) {
        ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be looked up right now; retry");
        return;
      }
      send(ctx, 200, new JsonObject().put("owned", r.result() != null).put("owner", matches(r.result(), ctx.request())));
    });
  }

  /** Completes with true when the request carries the owner token of {@code padId}. */
  Future<Boolean> isOwner(String padId, HttpServerRequest request) {
    return notes.ownerTokenHash(padId).map(stored -> matches(stored, request));
  }

  private static boolean matches(String storedHash, HttpServerRequest request) {
    String token = bearer(request);
    // Constant time: the comparison must not tell how much of a guess was right.
    return storedHash != null && token != null
        && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII), hash(token).getBytes(StandardCharsets.US_ASCII));
  }

  /** The bearer token of the request, or null when it has none. */
  static String bearer(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
  }

  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store").end(body.encode());
  }
}
