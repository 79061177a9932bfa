package ardoise.http;

import ardoise.store.PadStore;
import io.vertx.core.Future;

/**
 * Which stored pad a typed name opens. A pad is stored under the {@link PadName#canonical} form of
 * its name; a pad written under another spelling before names had a canonical form is still
 * stored under that exact spelling, and opening that exact spelling finds it as long as no pad
 * exists under the canonical form (docs/storage.md, "Pad names"). Thread rule: the caller's context.
 */
public final class PadSpelling {
  private final PadStore store;

  public PadSpelling(PadStore store) {
    this.store = store;
  }

  /**
   * The padId for {@code typed} (a valid NFC name): its canonical form, or {@code typed} itself
   * when only a pad of that exact spelling exists. A canonical name costs no store call.
   */
  public Future<String> resolve(String typed) {
    String canonical = PadName.canonical(typed);
    if (canonical.equals(typed)) return Future.succeededFuture(canonical);
    return store.exists(canonical).compose(found -> found
        ? Future.succeededFuture(canonical)
        : store.exists(typed).map(old -> old ? typed : canonical));
  }
}
