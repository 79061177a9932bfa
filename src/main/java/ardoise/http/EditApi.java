package ardoise.http;

import ardoise.history.HistoryCache;
import ardoise.pad.PadShards;
import ardoise.pad.ServerEdit;
import ardoise.store.PadNotes;
import ardoise.store.PadNotes.SavedVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Edits and notes made through HTTP (docs/history.md): restore a revision, import a .txt/.md file,
 * start a pad from a template, save a revision under a name. Every edit is a {@link ServerEdit}: a
 * normal op attributed to the person, so live editors follow and the history shows it; history is
 * never rewritten. Thread rule: the context of the verticle that mounted it (the edit itself runs
 * on the pad's context).
 */
final class EditApi {
  /** Largest imported file. */
  static final int MAX_IMPORT_BYTES = 1 << 20;
  /** The author of text nobody wrote (a template's): shown uncoloured, never listed as a person. */
  static final String NOBODY = "";

  private final Vertx vertx;
  private final PadShards shards;
  private final HistoryCache cache;
  private final PadNotes notes;
  private final Future<Templates> templates;
  private final PadEdits edits;
  private final WriteQuotas quotas;
  private final int maxSavedVersions;

  /** {@code quotas}: what restores, imports and templates take (see {@link WriteQuotas}); {@code maxSavedVersions} per pad. */
  EditApi(Vertx vertx, PadShards shards, HistoryCache cache, PadNotes notes, Future<Templates> templates,
      BooleanSupplier storeUp, WriteQuotas quotas, int maxSavedVersions) {
    this.quotas = quotas;
    this.maxSavedVersions = maxSavedVersions;
    this.vertx = vertx;
    this.shards = shards;
    this.cache = cache;
    this.notes = notes;
    this.templates = templates;
    this.edits = new PadEdits(shards, storeUp);
  }

  void restore(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    JsonObject body = body(ctx);
    if (body == null) return;
    Person person = person(ctx, body);
    Long rev = body.getValue("rev") instanceof Number n && n.longValue() >= 0 ? n.longValue() : null;
    if (person == null) return;
    if (rev == null) {
      ErrorPage.json(ctx, HttpError.BAD_REV, "rev must be a whole number from 0");
      return;
    }
    cache.revision(padId, rev)
        .map(revision -> revision.doc().text())
        .compose(text -> quotas.edit(ctx, padId, text.length(), false).map(v -> text))
        .compose(text -> edit(padId, person, head -> text))
        .onSuccess(newRev -> HistoryApi.send(ctx, new JsonObject().put("rev", newRev).put("restored", rev)))
        .onFailure(e -> refuse(ctx, padId, e));
  }

  void importFile(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Person person;
    String text;
    try {
      // The secret in a header, not the query: addresses end up in proxies' logs.
      person = Person.from(ctx.request().getHeader(Person.SECRET_HEADER), ctx.queryParams().get("name"), ctx.queryParams().get("color"));
      text = ImportedText.decode(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes(), MAX_IMPORT_BYTES);
    } catch (Person.Invalid e) {
      ErrorPage.json(ctx, HttpError.BAD_PERSON, e.getMessage());
      return;
    } catch (ImportedText.Refused e) {
      ErrorPage.json(ctx, e.error, e.getMessage());
      return;
    }
    quotas.edit(ctx, padId, text.length(), true)
        .compose(v -> edit(padId, person, head -> text))
        .onSuccess(rev -> HistoryApi.send(ctx, new JsonObject().put("rev", rev).put("length", text.length())))
        .onFailure(e -> refuse(ctx, padId, e));
  }

  void listTemplates(RoutingContext ctx) {
    templates.onSuccess(all -> {
      JsonArray list = new JsonArray();
      for (Templates.Template t : all.list(RequestValues.language(ctx))) {
        list.add(new JsonObject().put("id", t.id()).put("language", t.language()).put("title", t.title()));
      }
      HistoryApi.send(ctx, new JsonObject().put("templates", list));
    }).onFailure(e -> HistoryApi.fail(ctx, "-", e));
  }

  void fromTemplate(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    JsonObject body = body(ctx);
    if (body == null) return;
    Person person = person(ctx, body);
    if (person == null) return;
    String language = "en".equals(body.getValue("lang")) ? "en" : "fr";
    String id = String.valueOf(body.getValue("template"));
    templates.onFailure(e -> HistoryApi.fail(ctx, padId, e)).onSuccess(all -> {
      var template = all.find(id, language);
      if (template.isEmpty()) {
        ErrorPage.json(ctx, HttpError.NO_SUCH_TEMPLATE, "there is no template with that name");
        return;
      }
      String text = Templates.fill(template.get(), LocalDate.now());
      // The template's text is nobody's: the person chose it but wrote none of it.
      quotas.edit(ctx, padId, text.length(), false).compose(v -> shards.call(padId, registry -> registry.pad(padId)
          .compose(pad -> ServerEdit.run(pad, NOBODY, person.name(), person.color(), head -> head.isEmpty() ? text : null))))
          .onSuccess(rev -> HistoryApi.send(ctx, new JsonObject().put("rev", rev)))
          .onFailure(e -> refuse(ctx, padId, e));
    });
  }

  void versions(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    notes.versions(padId).onSuccess(list -> {
      JsonArray out = new JsonArray();
      for (SavedVersion v : list) {
        out.add(new JsonObject().put("rev", v.rev()).put("label", v.label()).put("author", v.author()).put("time", v.time()));
      }
      HistoryApi.send(ctx, new JsonObject().put("versions", out));
    }).onFailure(e -> refuse(ctx, padId, e));
  }

  void saveVersion(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    JsonObject body = body(ctx);
    if (body == null) return;
    Person person = person(ctx, body);
    if (person == null) return;
    String label = body.getValue("label") instanceof String s ? s.strip() : "";
    long rev = body.getValue("rev") instanceof Number n ? n.longValue() : -1;
    int length = label.codePointCount(0, label.length());
    if (length < 1 || length > PadNotes.MAX_LABEL || label.codePoints().anyMatch(Character::isISOControl)) {
      ErrorPage.json(ctx, HttpError.BAD_LABEL, "a version name has 1 to " + PadNotes.MAX_LABEL + " printable characters");
      return;
    }
    cache.index(padId).compose(index -> {
      if (rev < 0 || rev > index.head()) return Future.failedFuture(new ardoise.history.RevisionOutOfRange(rev, index.head()));
      return notes.saveVersion(padId, new SavedVersion(rev, label, person.authorId(), System.currentTimeMillis()), maxSavedVersions);
    }).onSuccess(v -> HistoryApi.send(ctx, new JsonObject().put("rev", rev).put("label", label)))
        .onFailure(e -> refuse(ctx, padId, e));
  }

  /** The pad remembers the person as it remembers any member who joins (their profile goes to the notes). */
  private Future<Long> edit(String padId, Person person, UnaryOperator<String> change) {
    return edits.run(padId, person.authorId(), person.name(), person.color(), change);
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) return body;
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    ErrorPage.json(ctx, HttpError.BAD_REQUEST, "the request body must be a JSON object");
    return null;
  }

  private static Person person(RoutingContext ctx, JsonObject body) {
    try {
      return Person.from(body);
    } catch (Person.Invalid e) {
      ErrorPage.json(ctx, HttpError.BAD_PERSON, e.getMessage());
      return null;
    }
  }

  private static void refuse(RoutingContext ctx, String padId, Throwable e) {
    if (e instanceof ServerEdit.Refused) ErrorPage.json(ctx, HttpError.EDIT_REFUSED, e.getMessage());
    else if (e instanceof PadNotes.TooManyVersions) ErrorPage.json(ctx, HttpError.TOO_MANY_VERSIONS, e.getMessage());
    else if (e instanceof PadEdits.StoreDown) ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, e.getMessage());
    else if (e instanceof WriteQuotas.Refused q) WriteQuotas.answer(ctx, q);
    else HistoryApi.fail(ctx, padId, e);
  }
}
