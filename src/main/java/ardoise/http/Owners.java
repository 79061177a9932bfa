package ardoise.http;

import ardoise.http.share.ShareLinks;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
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

  private final PadStore store;
  private final PadNotes notes;
  private final NameSuggestions names;
  private final PadSpelling spelling;
  private final String publicUrl;
  private final ProxyTrust proxies;

  Owners(PadStore store, NameSuggestions names, String publicUrl, ProxyTrust proxies) {
    this.store = store;
    this.notes = store.notes();
    this.names = names;
    this.spelling = new PadSpelling(store);
    this.publicUrl = publicUrl;
    this.proxies = proxies;
  }

  /**
   * POST /api/pads, JSON body {@code {"name"?}}: 201 {@code {padId, ownerToken, editUrl}}. Without a
   * name the pad gets a suggested one. A name already written or owned gets 409 {@code pad-exists}.
   */
  void create(RoutingContext ctx) {
    String typed;
    try {
      JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
      Object name = body == null ? null : body.getValue("name");
      if (name != null && !(name instanceof String)) throw new PadName.InvalidException("name must be a string");
      typed = name == null ? names.next() : PadName.validate((String) name);
    } catch (DecodeException | ClassCastException e) {
      ErrorPage.json(ctx, HttpError.BAD_REQUEST, "the body must be a JSON object");
      return;
    } catch (PadName.InvalidException e) {
      ErrorPage.json(ctx, HttpError.BAD_PAD_NAME, e.getMessage());
      return;
    }
    String token = newToken();
    // The pad the name opens, as /p/{name} would: its canonical form, or an older stored spelling.
    spelling.resolve(typed).compose(padId -> store.exists(padId)
        .compose(written -> written ? Future.succeededFuture(false) : notes.claimOwner(padId, hash(token)))
        .map(created -> created ? padId : null))
        .onComplete(r -> {
          if (r.failed()) {
            ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be created right now; retry");
          } else if (r.result() == null) {
            ErrorPage.json(ctx, HttpError.PAD_EXISTS, "a pad of this name exists already: open it, or choose another name");
          } else {
            String padId = r.result();
            String base = ShareLinks.base(publicUrl, proxies.scheme(ctx.request()), proxies.host(ctx.request()));
            String path = "/p/" + ShareLinks.encodeSegment(padId);
            send(ctx, 201, new JsonObject().put("padId", padId).put("ownerToken", token)
                .put("editUrl", base == null ? path : base + path));
          }
        });
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

  private static String bearer(HttpServerRequest request) {
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
