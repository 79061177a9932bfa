package ardoise.http.api;

import ardoise.config.Setting;
import ardoise.history.HistoryCache;
import ardoise.history.Revision;
import ardoise.history.RevisionOutOfRange;
import ardoise.history.RevisionReader;
import ardoise.http.HttpParts;
import ardoise.http.NameSuggestions;
import ardoise.http.PadCreation;
import ardoise.http.PadEdits;
import ardoise.http.Templates;
import ardoise.http.WriteQuotas;
import ardoise.http.export.ExportInput;
import ardoise.http.export.ExportOptions;
import ardoise.http.export.HtmlBody;
import ardoise.http.share.ReadOnlyIds;
import ardoise.pad.MemberInfo;
import ardoise.pad.Pad;
import ardoise.pad.PadShards;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything a program may do to pads, for the API routes ({@code /api/v1}, the Etherpad-compatible
 * layer): the same paths the browser's requests take. Creation is {@link PadCreation}, edits are
 * {@link PadEdits} (ordinary revisions: rebased over concurrent typing, attributed to the
 * {@link Author}, stored before the future completes, seen live by every member), history reads are
 * {@link RevisionReader}/{@link HistoryCache}, deletion is the operator's erasure
 * ({@code PadRegistry.erase}), and every write takes its {@link WriteQuotas} share, counted per API
 * author. Failures are {@link ApiFailure}s. It checks no key: the routes decide who may call what.
 * Thread rule: one instance per event loop (or any context); call it there; futures complete on the caller's context.
 */
public final class PadOperations {
  private static final int HISTORY_PADS_CACHED = 8;

  private final Vertx vertx;
  private final PadStore store;
  private final PadShards shards;
  private final PadLookup lookup;
  private final PadCreation creation;
  private final PadEdits edits;
  private final RevisionReader reader;
  private final HistoryCache cache;
  private final WriteQuotas quotas;
  private final Future<Templates> templates;
  private final Supplier<String> names;
  private final ReadOnlyIds readOnlyIds = new ReadOnlyIds();
  private final int maxPadChars;
  private final int maxSavedVersions;
  private final long tombstoneSeconds;

  public PadOperations(Vertx vertx, HttpParts parts) {
    this.vertx = vertx;
    this.store = parts.store();
    this.shards = parts.shards();
    this.lookup = new PadLookup(store);
    this.creation = new PadCreation(store, shards, PadCreation.retention(parts.config()));
    this.edits = new PadEdits(shards, store::isAvailable);
    this.reader = new RevisionReader(vertx, store);
    this.cache = new HistoryCache(vertx, store, HISTORY_PADS_CACHED);
    this.quotas = WriteQuotas.of(parts);
    this.templates = vertx.executeBlocking(() -> Templates.load(parts.config().templatesDir()), false);
    this.names = new NameSuggestions()::next;
    this.maxPadChars = parts.config().integer(Setting.MAX_PAD_CHARS);
    this.maxSavedVersions = parts.config().integer(Setting.MAX_SAVED_VERSIONS);
    this.tombstoneSeconds = parts.config().deletedPadTombstoneSeconds();
  }

  /**
   * Creates a pad named {@code padIdOrNull} (null: a suggested name) starting with {@code textOrNull}
   * (written by {@code author}) or the template {@code templateOrNull} (written by nobody), living
   * {@code lifetimeDaysOrNull} days without an edit (null: the server's default). PAD_EXISTS when
   * the name is written in or owned.
   */
  public Future<Created> create(String padIdOrNull, String textOrNull, String templateOrNull, Integer lifetimeDaysOrNull,
      Author author) {
    return attempt("-", () -> {
      if (textOrNull != null && templateOrNull != null) throw bad("give a text or a template, not both");
      if (!creation.allowsLifetime(lifetimeDaysOrNull)) throw bad("lifetimeDays must be one of " + creation.lifetimeChoices().encode());
      String typed = padIdOrNull == null ? names.get() : PadLookup.validName(padIdOrNull);
      checkSize(textOrNull == null ? 0 : textOrNull.length());
      return startOf(textOrNull, templateOrNull, lifetimeDaysOrNull, author).compose(start -> {
        WriteQuotas.Refused refused = quotas.newPad(quotaSubject(author), start.text() == null ? 0 : start.text().length());
        if (refused != null) return Future.failedFuture(refused);
        return creation.create(typed, start);
      }).compose(created -> created == null
          ? Future.failedFuture(new ApiFailure(ApiFailure.Kind.PAD_EXISTS, "a pad of this name exists already"))
          : Future.succeededFuture(new Created(created.padId(), created.ownerToken())));
    });
  }

  private Future<PadCreation.Start> startOf(String text, String template, Integer days, Author author) {
    if (template == null) return Future.succeededFuture(new PadCreation.Start(text, author.authorId(), author.shownName(), days));
    return templates.compose(all -> all.find(template, "fr")
        .map(t -> Future.succeededFuture(PadCreation.Start.template(Templates.fill(t, LocalDate.now()), days)))
        .orElseGet(() -> Future.failedFuture(bad("there is no template " + template))));
  }

  /** The pad's text at {@code revisionOrNull} (null: the head), exactly as stored. */
  public Future<PadText> text(String padId, Long revisionOrNull) {
    return revision(padId, revisionOrNull).map(r -> new PadText(r.doc().text(), r.rev()));
  }

  /** The text at {@code revisionOrNull} as the .html export's body holds it (escaped Markdown structure). */
  public Future<String> html(String padId, Long revisionOrNull) {
    return revision(padId, revisionOrNull).compose(r -> vertx.executeBlocking(() -> HtmlBody.of(new ExportInput(padId,
        r.rev(), Instant.ofEpochMilli(Math.max(0, r.time())), r.doc().text(), r.doc().runs(), Map.of(), ExportOptions.plain("fr"))), false));
  }

  private Future<Revision> revision(String typed, Long rev) {
    return attempt(typed, () -> {
      if (rev != null && rev < 0) throw new ApiFailure(ApiFailure.Kind.BAD_REVISION, "the revision must be a whole number from 0");
      return lookup.written(typed).compose(padId -> reader.read(padId, rev));
    });
  }

  /** Replaces the pad's text with {@code text}; completes with the new head once it is stored. */
  public Future<Long> setText(String padId, String text, Author author) {
    return write(padId, text, author, false, false);
  }

  /** Appends {@code text} to the pad's text; completes with the new head once it is stored. */
  public Future<Long> appendText(String padId, String text, Author author) {
    return write(padId, text, author, true, false);
  }

  /**
   * Replaces the pad's text with {@code text} as one block, not a diff (Etherpad's setText): what people
   * type meanwhile lands before or after it, never inside. Completes with the new head once it is stored.
   */
  public Future<Long> replaceText(String padId, String text, Author author) {
    return write(padId, text, author, false, true);
  }

  private Future<Long> write(String typed, String text, Author author, boolean append, boolean whole) {
    return attempt(typed, () -> {
      if (text == null) throw bad("text is missing");
      checkSize(text.length());
      return lookup.writable(typed).compose(padId -> store.entry(padId).compose(entry -> {
        // The pad refuses an op past its size too; checked first so the caller gets 413, not a refusal.
        if (append && entry != null) checkSize(entry.chars() + text.length());
        UnaryOperator<String> change = append ? head -> head + text : head -> text;
        return quotas.edit(quotaSubject(author), padId, text.length(), false)
            .compose(v -> whole ? edits.replace(padId, author.authorId(), author.shownName(), null, text)
                : edits.run(padId, author.authorId(), author.shownName(), null, change));
      }));
    });
  }

  /** Deletes the pad as the operator's erasure does (members told, everything stored removed, tombstones left). */
  public Future<Void> delete(String padId) {
    return attempt(padId, () -> lookup.padId(padId).compose(id -> shards.call(id, registry -> registry.erase(id, tombstoneSeconds))
        .compose(erased -> erased ? Future.<Void>succeededFuture() : lookup.missing(id))));
  }

  /** A page of at most {@code limit} written pads, continuing {@code cursorOrNull} (see {@link PadStore#listPads}). */
  public Future<PadPage> list(String cursorOrNull, int limit) {
    return attempt("-", () -> {
      if (limit < 1 || limit > 1000) throw bad("limit must be 1 to 1000");
      return store.listPads(cursorOrNull, limit)
          .recover(e -> Future.failedFuture(e instanceof IllegalArgumentException ? bad("this cursor was not made here") : e))
          .map(page -> new PadPage(page.pads().stream()
              .map(p -> new PadSummary(p.padId(), p.head(), p.lastEditedMillis(), p.chars())).toList(), page.nextCursor()));
    });
  }

  /** The pad's head revision, last edit, read-only id (made now if it had none) and length. */
  public Future<PadInfo> info(String padId) {
    return attempt(padId, () -> lookup.written(padId).compose(id -> store.entry(id).compose(entry -> entry == null ? lookup.missing(id)
        : store.readOnlyId(id, readOnlyIds.next()).map(ro -> new PadInfo(entry.head(), entry.lastEditedMillis(), ro, entry.chars())))));
  }

  /** The people connected to the pad now (not the server's own short-lived edits), in the order they joined. */
  public Future<List<Member>> members(String padId) {
    return attempt(padId, () -> lookup.padId(padId).compose(id -> shards.call(id, registry -> {
      Pad pad = registry.loaded(id);
      return Future.succeededFuture(pad == null ? List.<MemberInfo>of() : pad.members());
    }).compose(list -> list.isEmpty() ? lookup.written(padId).map(w -> List.<Member>of()) : Future.succeededFuture(list.stream()
        .filter(m -> !m.clientId().startsWith("server-edit-"))
        .map(m -> new Member(m.authorId(), m.name(), m.color())).toList()))));
  }

  /** The pad's saved versions, oldest first. */
  public Future<List<SavedVersion>> savedVersions(String padId) {
    return attempt(padId, () -> lookup.written(padId).compose(id -> store.notes().versions(id))
        .map(list -> list.stream().map(v -> new SavedVersion(v.rev(), v.label(), v.author(), v.time())).toList()));
  }

  /** Saves {@code revisionOrNull} (null: the head) under {@code label}; CONFLICT when the pad has too many. */
  public Future<SavedVersion> saveVersion(String padId, Long revisionOrNull, String label, Author author) {
    return attempt(padId, () -> {
      String clean = label == null ? "" : label.strip();
      int length = clean.codePointCount(0, clean.length());
      if (length < 1 || length > PadNotes.MAX_LABEL || clean.codePoints().anyMatch(Character::isISOControl)) {
        throw bad("a version name has 1 to " + PadNotes.MAX_LABEL + " printable characters");
      }
      return lookup.written(padId).compose(id -> cache.index(id).compose(index -> {
        long rev = revisionOrNull == null ? index.head() : revisionOrNull;
        if (rev < 0 || rev > index.head()) return Future.failedFuture(new RevisionOutOfRange(rev, index.head()));
        SavedVersion saved = new SavedVersion(rev, clean, author.authorId(), System.currentTimeMillis());
        return store.notes().saveVersion(id, new PadNotes.SavedVersion(rev, clean, author.authorId(), saved.savedMillis()), maxSavedVersions)
            .map(saved);
      }));
    });
  }

  /** Makes the text of {@code revision} the pad's text again, as a new revision by {@code author}; completes with it. */
  public Future<Long> restore(String padId, long revision, Author author) {
    return attempt(padId, () -> lookup.written(padId).compose(id -> cache.revision(id, revision).compose(r -> {
      String text = r.doc().text();
      return quotas.edit(quotaSubject(author), id, text.length(), false)
          .compose(v -> edits.run(id, author.authorId(), author.shownName(), null, head -> text));
    })));
  }

  /** The pad's newest chat messages, at most {@code limit}, oldest first. */
  public Future<List<ChatLine>> chat(String padId, int limit) {
    return attempt(padId, () -> {
      if (limit < 1 || limit > 1000) throw bad("limit must be 1 to 1000");
      return lookup.written(padId).compose(id -> store.chat().recent(id, limit)).map(list -> list.stream()
          .map(m -> new ChatLine(m.authorId(), m.name(), m.color(), m.text(), m.time())).toList());
    });
  }

  /** Whether {@code token} is the owner token of the pad {@code padId} opens. */
  public Future<Boolean> isOwner(String padId, String token) {
    return attempt(padId, () -> lookup.padId(padId).compose(id -> creation.isOwner(id, token)));
  }

  /** Quotas count per API author (each program's own names), and together with the server-wide bounds. */
  private static String quotaSubject(Author author) {
    return "api:" + author.authorId();
  }

  private void checkSize(long chars) {
    if (chars > maxPadChars) throw new ApiFailure(ApiFailure.Kind.TOO_LARGE, "a pad holds at most " + maxPadChars + " characters");
  }

  private static ApiFailure bad(String message) {
    return new ApiFailure(ApiFailure.Kind.BAD_REQUEST, message);
  }

  /** Runs {@code operation}, turning anything it throws or fails with into an {@link ApiFailure}. */
  private static <T> Future<T> attempt(String padId, Supplier<Future<T>> operation) {
    Future<T> started;
    try {
      started = operation.get();
    } catch (RuntimeException e) {
      started = Future.failedFuture(e);
    }
    return started.recover(e -> Future.failedFuture(PadLookup.of(padId, e)));
  }
}
