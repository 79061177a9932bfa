package ardoise.store;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PadNotes} in this process's memory (with the in-memory pad store, and in tests). Thread-safe. */
public final class InMemoryPadNotes implements PadNotes {
  private final Map<String, Map<String, AuthorProfile>> authors = new ConcurrentHashMap<>();
  private final Map<String, TreeMap<Long, SavedVersion>> versions = new ConcurrentHashMap<>();
  private final Map<String, String> owners = new ConcurrentHashMap<>();

  /** Drops the pad's authors and saved versions (the pad is deleted); whether it had any. */
  boolean forget(String padId) {
    boolean hadAuthors = authors.remove(padId) != null;
    return versions.remove(padId) != null || hadAuthors;
  }

  @Override
  public Future<Void> rememberAuthor(String padId, String authorId, AuthorProfile profile) {
    authors.computeIfAbsent(padId, id -> new ConcurrentHashMap<>()).put(authorId, profile);
    return Future.succeededFuture();
  }

  @Override
  public Future<Map<String, AuthorProfile>> authors(String padId) {
    return Future.succeededFuture(Map.copyOf(authors.getOrDefault(padId, Map.of())));
  }

  @Override
  public Future<Void> saveVersion(String padId, SavedVersion version, int max) {
    TreeMap<Long, SavedVersion> saved = versions.computeIfAbsent(padId, id -> new TreeMap<>());
    synchronized (saved) {
      if (!saved.containsKey(version.rev()) && saved.size() >= max) {
        return Future.failedFuture(new TooManyVersions(max));
      }
      saved.put(version.rev(), version);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<SavedVersion>> versions(String padId) {
    TreeMap<Long, SavedVersion> saved = versions.getOrDefault(padId, new TreeMap<>());
    synchronized (saved) {
      return Future.succeededFuture(List.copyOf(new ArrayList<>(saved.values())));
    }
  }

  @Override
  public Future<Boolean> claimOwner(String padId, String tokenHash) {
    return Future.succeededFuture(owners.putIfAbsent(padId, tokenHash) == null);
  }

  @Override
  public Future<String> ownerTokenHash(String padId) {
    return Future.succeededFuture(owners.get(padId));
  }
}
