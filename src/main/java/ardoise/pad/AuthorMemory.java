package ardoise.pad;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The profile (name, colour) each author of a pad last used, handed to a writer that stores it with
 * the pad's notes (exports and the history name people who left with it).
 *
 * <p>Why paced: each write is a store command (an fsync with {@code appendfsync always}); a member
 * renaming itself 28 times a second would cost 28 of them a second. An author's profile is written at
 * once when its last write is at least {@code intervalMillis} old, else once when that interval ends.
 * The latest profile is always the one written, and always written: when the interval ends, when its
 * member leaves ({@link #flush}), when the pad closes ({@link #flushAll}).
 *
 * <p>Why held until the pad's first revision ({@link #holdUntilWritten}, {@link #written}): nothing is
 * stored for a pad nobody wrote in, so opening any name leaves no trace in the store. Until then the
 * profiles wait here; the members present at the first revision are remembered with it, and a visitor
 * who left before is forgotten (there is no text of theirs to name).
 *
 * <p>Thread rule: pad context only.
 */
final class AuthorMemory {
  private final Vertx vertx;
  private final long intervalNanos;
  private final Map<String, Author> authors = new HashMap<>();
  private Function<MemberInfo, Future<Void>> writer = info -> Future.succeededFuture();
  /** Tells the store that an author has an edit in the pad (it is kept last under the cap of authors). */
  private Function<String, Future<Void>> editWriter = authorId -> Future.succeededFuture();
  /** Profile writes sent to the store and not answered yet. */
  private final List<Future<Void>> inFlight = new ArrayList<>();
  private boolean holding;

  private static final class Author {
    MemberInfo pending;
    boolean editTold; // the store was told this author has an edit (once per pad load)
    boolean written;
    long lastWrite;
    long timer = -1;
  }

  AuthorMemory(Vertx vertx, long intervalMillis) {
    this.vertx = vertx;
    this.intervalNanos = intervalMillis * 1_000_000;
  }

  /** Where the news that an author has an edit goes from now on (see {@link #edited}). */
  void editsWith(Function<String, Future<Void>> writer) {
    this.editWriter = writer;
  }

  /**
   * A revision by {@code authorId} was committed. Why tell the store: a pad keeps a bounded number of
   * authors, and visitors without edits are dropped first. Told once per author while the pad is loaded.
   */
  void edited(String authorId) {
    Author a = authors.get(authorId);
    if (a == null || a.editTold || holding) return;
    a.editTold = true;
    Future<Void> told;
    try {
      told = editWriter.apply(authorId);
    } catch (RuntimeException e) {
      return;
    }
    inFlight.add(told);
    told.onComplete(r -> inFlight.remove(told));
  }

  /** Where profiles go from now on. */
  void writeWith(Function<MemberInfo, Future<Void>> writer) {
    this.writer = writer;
  }

  /** Keeps every profile here, unwritten, until {@link #written}: the pad has no revision yet. */
  void holdUntilWritten() {
    holding = true;
  }

  /** The pad has its first revision: the profiles waiting since are written now, paced as usual from then on. */
  void written() {
    if (!holding) return;
    holding = false;
    for (Author a : authors.values()) {
      if (a.pending != null && a.timer == -1) write(a);
    }
  }

  /** A member joined or changed its profile. Nobody (authorId "", a template's edit) has none to remember. */
  void seen(MemberInfo info) {
    if (info.authorId().isEmpty()) return;
    Author a = authors.computeIfAbsent(info.authorId(), id -> new Author());
    a.pending = info;
    if (a.timer != -1) return; // a write is due: it will take this profile
    long wait = a.written ? a.lastWrite + intervalNanos - System.nanoTime() : 0;
    if (wait <= 0) {
      write(a);
      return;
    }
    a.timer = vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), id -> {
      a.timer = -1;
      write(a);
    });
  }

  /** Writes the author's latest profile now if it waits (its member left). */
  Future<Void> flush(String authorId) {
    if (holding) {
      authors.remove(authorId); // left a pad nobody wrote in: nothing of theirs to name
      return Future.succeededFuture();
    }
    Author a = authors.get(authorId);
    if (a == null) return Future.succeededFuture();
    cancelTimer(a);
    return write(a);
  }

  /** Writes every waiting profile now (the pad closes); completes when the writer is done with them. */
  Future<Void> flushAll() {
    if (holding) return Future.succeededFuture(); // the pad closes unwritten: nobody to remember
    List<Future<Void>> writes = new ArrayList<>();
    for (Author a : authors.values()) {
      cancelTimer(a);
      writes.add(write(a));
    }
    return Future.join(writes).mapEmpty();
  }

  /**
   * The pad is deleted: nothing waiting is written, nothing more will be. Completes once the writes
   * already sent are answered, so none lands after the deletion.
   */
  Future<Void> forget() {
    authors.values().forEach(this::cancelTimer);
    authors.clear();
    writer = info -> Future.succeededFuture();
    editWriter = authorId -> Future.succeededFuture();
    return Future.join(new ArrayList<>(inFlight)).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  private void cancelTimer(Author a) {
    if (a.timer != -1) vertx.cancelTimer(a.timer);
    a.timer = -1;
  }

  private Future<Void> write(Author a) {
    MemberInfo info = a.pending;
    if (info == null || holding) return Future.succeededFuture();
    a.pending = null;
    a.written = true;
    a.lastWrite = System.nanoTime();
    Future<Void> written;
    try {
      written = writer.apply(info);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    inFlight.add(written);
    return written.onComplete(r -> inFlight.remove(written));
  }
}
