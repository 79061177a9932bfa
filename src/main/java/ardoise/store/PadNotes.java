package ardoise.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * What the history view adds to a pad's op log: the profile (name, colour) each author last used,
 * so exports and past revisions can name people who have left, and the revisions people saved under
 * a name; and who owns the pad (the hash of its owner token). Small, rarely written, never on the
 * typing path.
 *
 * <p>Futures complete on the caller's context.
 */
public interface PadNotes {
  /** Most saved versions kept per pad by default (ARDOISE_MAX_SAVED_VERSIONS), longest label (code points). */
  int MAX_VERSIONS = 200;
  int MAX_LABEL = 100;

  record AuthorProfile(String name, String color) {}

  /** Revision {@code rev} saved as {@code label} by {@code author} at {@code time} (epoch ms). */
  record SavedVersion(long rev, String label, String author, long time) {}

  Future<Void> rememberAuthor(String padId, String authorId, AuthorProfile profile);

  /** Most authors kept per pad by default (ARDOISE_MAX_AUTHORS_PER_PAD). */
  int MAX_AUTHORS = 500;

  /**
   * As {@link #rememberAuthor(String, String, AuthorProfile)}, keeping at most {@code maxAuthors}: a new
   * author beyond it takes the place of the author seen longest ago among those without an edit in the
   * pad (visitors), or, when all have edits, of the author seen longest ago. The in-memory store
   * (tests) keeps every author.
   */
  default Future<Void> rememberAuthor(String padId, String authorId, AuthorProfile profile, int maxAuthors) {
    return rememberAuthor(padId, authorId, profile);
  }

  /** The author has an edit in the pad (it is dropped last when the pad has too many authors). */
  default Future<Void> authorEdited(String padId, String authorId, int maxAuthors) {
    return Future.succeededFuture();
  }

  /** authorId → last known profile. */
  Future<Map<String, AuthorProfile>> authors(String padId);

  /** Saves (or renames) a version; fails with {@link TooManyVersions} when the pad has MAX_VERSIONS. */
  default Future<Void> saveVersion(String padId, SavedVersion version) {
    return saveVersion(padId, version, MAX_VERSIONS);
  }

  /** Saves (or renames) a version; fails with {@link TooManyVersions} when the pad has {@code max} (a new one). */
  Future<Void> saveVersion(String padId, SavedVersion version, int max);

  /** Saved versions in revision order. */
  Future<List<SavedVersion>> versions(String padId);

  /**
   * Makes {@code tokenHash} (the hash of an owner token, never the token) the pad's owner unless it
   * has one already; completes with true when it was stored, false when the pad was owned.
   */
  Future<Boolean> claimOwner(String padId, String tokenHash);

  /** The hash of the pad's owner token, or null when nobody owns the pad. */
  Future<String> ownerTokenHash(String padId);

  /** A pad already keeps {@link #MAX_VERSIONS} saved versions; the message is safe to show. */
  final class TooManyVersions extends IllegalStateException {
    public TooManyVersions(int max) {
      super("this pad already has " + max + " saved versions");
    }
  }
}
