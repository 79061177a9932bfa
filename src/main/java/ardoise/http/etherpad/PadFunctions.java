package ardoise.http.etherpad;

import ardoise.config.ApiKeys.Scope;
import ardoise.http.api.ApiFailure;
import ardoise.http.api.Author;
import ardoise.http.api.PadOperations;
import ardoise.http.api.SavedVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Etherpad functions Ardoise offers, each mapped onto {@link PadOperations} with Etherpad's
 * documented parameters and answers. Text follows Etherpad's rule that a pad's text always ends with
 * one newline Ardoise does not store: getText adds it, setText and createPad drop one final newline
 * (so reading a pad and writing it back changes nothing), appendText adds its text before it. setText
 * replaces the whole text as one block, as Etherpad does, not as a diff.
 * Revision numbers are Ardoise's own (0 is the empty pad, each edit adds 1). Thread rule: the event loop
 * that built it.
 */
final class PadFunctions {
  private final PadOperations pads;
  private final Vertx vertx;

  PadFunctions(PadOperations pads, Vertx vertx) {
    this.pads = pads;
    this.vertx = vertx;
  }

  /** Every function by name, with the scope of key it needs (docs/api.md lists them). */
  Map<String, EtherpadFunction> all() {
    Map<String, EtherpadFunction> f = new HashMap<>();
    f.put("checkToken", new EtherpadFunction(Scope.READ, call -> Future.succeededFuture(null)));
    f.put("getText", new EtherpadFunction(Scope.READ, this::getText));
    f.put("getHTML", new EtherpadFunction(Scope.READ, this::getHtml));
    f.put("getRevisionsCount", new EtherpadFunction(Scope.READ, c -> info(c, i -> new JsonObject().put("revisions", i.revision()))));
    f.put("getLastEdited", new EtherpadFunction(Scope.READ, c -> info(c, i -> new JsonObject().put("lastEdited", i.lastEditedMillis()))));
    f.put("getReadOnlyID", new EtherpadFunction(Scope.READ, c -> info(c, i -> new JsonObject().put("readOnlyID", i.readOnlyId()))));
    f.put("padUsersCount", new EtherpadFunction(Scope.READ, c -> pads.members(padId(c))
        .map(m -> new JsonObject().put("padUsersCount", m.size()))));
    f.put("padUsers", new EtherpadFunction(Scope.READ, this::padUsers));
    f.put("listSavedRevisions", new EtherpadFunction(Scope.READ, c -> pads.savedVersions(padId(c))
        .map(list -> new JsonObject().put("savedRevisions", new JsonArray(list.stream().map(SavedVersion::revision).sorted().distinct().toList())))));
    f.put("getSavedRevisionsCount", new EtherpadFunction(Scope.READ, c -> pads.savedVersions(padId(c))
        .map(list -> new JsonObject().put("savedRevisions", list.size()))));
    f.put("createDiffHTML", new EtherpadFunction(Scope.READ, this::createDiffHtml));
    f.put("createPad", new EtherpadFunction(Scope.WRITE, this::createPad));
    f.put("setText", new EtherpadFunction(Scope.WRITE, c -> pads.replaceText(padId(c), dropFinalNewline(c.params().text("text")), author(c))
        .map(rev -> null)));
    f.put("appendText", new EtherpadFunction(Scope.WRITE, c -> pads.appendText(padId(c), c.params().text("text"), author(c))
        .map(rev -> null)));
    f.put("saveRevision", new EtherpadFunction(Scope.WRITE, this::saveRevision));
    f.put("restoreRevision", new EtherpadFunction(Scope.WRITE, c -> pads.restore(padId(c), c.params().requiredRevision("rev"), author(c))
        .map(rev -> null)));
    f.put("deletePad", new EtherpadFunction(Scope.ADMIN, c -> pads.delete(padId(c)).map(v -> null)));
    f.put("listAllPads", new EtherpadFunction(Scope.ADMIN, c -> AllPads.list(pads).map(ids -> new JsonObject().put("padIDs", ids))));
    return f;
  }

  private Future<JsonObject> getText(EtherpadCall c) {
    return pads.text(padId(c), c.params().revision("rev")).map(t -> new JsonObject().put("text", t.text() + "\n"));
  }

  private Future<JsonObject> getHtml(EtherpadCall c) {
    // Etherpad answers a whole document around the body; clients strip it or show it as is.
    return pads.html(padId(c), c.params().revision("rev"))
        .map(body -> new JsonObject().put("html", "<!DOCTYPE HTML><html><body>" + body + "</body></html>"));
  }

  private Future<JsonObject> info(EtherpadCall c, Function<ardoise.http.api.PadInfo, JsonObject> answer) {
    return pads.info(padId(c)).map(answer);
  }

  private Future<JsonObject> padUsers(EtherpadCall c) {
    // Etherpad's timestamp is when the person was last seen: for someone connected, now.
    long now = System.currentTimeMillis();
    return pads.members(padId(c)).map(members -> new JsonObject().put("padUsers", new JsonArray(members.stream()
        .map(m -> new JsonObject().put("colorId", m.color()).put("name", m.name()).put("timestamp", now).put("id", m.authorId()))
        .toList())));
  }

  private Future<JsonObject> createPad(EtherpadCall c) {
    String text = c.params().optional("text");
    String start = text == null || text.isEmpty() ? null : dropFinalNewline(text);
    return pads.create(padId(c), start, null, null, author(c)).map(created -> null);
  }

  private Future<JsonObject> saveRevision(EtherpadCall c) {
    String padId = padId(c);
    Long rev = c.params().revision("rev");
    Author author = author(c);
    // A saved version needs a name in Ardoise: Etherpad's is "Revision N".
    Future<Long> which = rev != null ? Future.succeededFuture(rev) : pads.info(padId).map(ardoise.http.api.PadInfo::revision);
    return which.compose(r -> pads.saveVersion(padId, r, "Revision " + r, author)).map(saved -> null);
  }

  private Future<JsonObject> createDiffHtml(EtherpadCall c) {
    String padId = padId(c);
    long from = c.params().requiredRevision("startRev");
    long to = c.params().requiredRevision("endRev");
    return pads.text(padId, from).compose(a -> pads.text(padId, to)
        .compose(b -> vertx.executeBlocking(() -> DiffHtml.between(a.text(), b.text()), false)))
        .map(html -> new JsonObject().put("html", html).put("authors", new JsonArray()));
  }

  private static String padId(EtherpadCall c) {
    return c.params().required("padID");
  }

  /** The key's name writes; from version 1.3.0 Etherpad's authorId, when given, is the name shown. */
  private static Author author(EtherpadCall c) {
    String declared = EtherpadVersions.takesAuthorId(c.version()) ? c.params().optional("authorId") : null;
    return Author.of(c.key().name(), declared);
  }

  static String dropFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** How a failed operation reads in Etherpad's terms (its wording where it has one). */
  static EtherpadError failure(Throwable e) {
    if (e instanceof ApiFailure f) {
      return switch (f.kind()) {
        case NO_SUCH_PAD, PAD_DELETED -> EtherpadError.wrongParameters("padID does not exist");
        case PAD_EXISTS -> EtherpadError.wrongParameters("padID does already exist");
        case BAD_REVISION -> EtherpadError.wrongParameters("rev is higher than the head revision of the pad");
        case TOO_LARGE -> EtherpadError.wrongParameters("text too long");
        case QUOTA -> EtherpadError.quota(f.getMessage(), f.retryAfterSeconds());
        case STORE_UNAVAILABLE -> EtherpadError.internal(503, f.getMessage());
        case NOT_AVAILABLE -> EtherpadError.internal(501, f.getMessage());
        case BAD_REQUEST, FORBIDDEN, CONFLICT -> EtherpadError.wrongParameters(f.getMessage());
      };
    }
    System.getLogger(PadFunctions.class.getName()).log(System.Logger.Level.WARNING,
        "pad=- client=- etherpad call failed: {0}", e.getClass().getName());
    return EtherpadError.internal(500, "internal error");
  }
}
