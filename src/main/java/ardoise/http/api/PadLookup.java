package ardoise.http.api;

import ardoise.history.NoSuchPad;
import ardoise.history.RevisionOutOfRange;
import ardoise.http.PadEdits;
import ardoise.http.PadName;
import ardoise.http.PadSpelling;
import ardoise.http.WriteQuotas;
import ardoise.pad.ServerEdit;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import io.vertx.core.Future;

/**
 * Names to pads for the API, and every failure to an {@link ApiFailure}: a name is checked like an
 * address's ({@link PadName}), found under the spelling it is stored with ({@link PadSpelling}),
 * and a pad nobody wrote in is told apart from a deleted one (410 while its tombstone lasts).
 * Thread rule: any event loop; futures complete on the caller's context.
 */
final class PadLookup {
  private static final System.Logger LOG = System.getLogger(PadLookup.class.getName());

  private final PadStore store;
  private final PadSpelling spelling;

  PadLookup(PadStore store) {
    this.store = store;
    this.spelling = new PadSpelling(store);
  }

  /** The valid, NFC form of a name a caller typed, or BAD_REQUEST. */
  static String validName(String typed) {
    if (typed == null) throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, "padId is missing");
    try {
      return PadName.validate(typed);
    } catch (PadName.InvalidException e) {
      throw new ApiFailure(ApiFailure.Kind.BAD_REQUEST, e.getMessage());
    }
  }

  /** The stored pad {@code typed} opens, written or not. */
  Future<String> padId(String typed) {
    try {
      return spelling.resolve(validName(typed));
    } catch (ApiFailure e) {
      return Future.failedFuture(e);
    }
  }

  /** The stored pad {@code typed} opens, which must have been written (else NO_SUCH_PAD or PAD_DELETED). */
  Future<String> written(String typed) {
    return padId(typed).compose(padId -> store.exists(padId)
        .compose(exists -> exists ? Future.succeededFuture(padId) : missing(padId)));
  }

  /**
   * The stored pad {@code typed} opens, which must have been written or have an owner: a pad created
   * without text is written in by its first edit (NO_SUCH_PAD or PAD_DELETED otherwise).
   */
  Future<String> writable(String typed) {
    return padId(typed).compose(padId -> store.exists(padId).compose(exists -> exists ? Future.succeededFuture(padId)
        : store.notes().ownerTokenHash(padId).compose(owner -> owner != null ? Future.succeededFuture(padId) : missing(padId))));
  }

  /** The failure for a pad with nothing stored: PAD_DELETED while its tombstone lasts, else NO_SUCH_PAD. */
  <T> Future<T> missing(String padId) {
    return store.wasDeleted(padId).recover(e -> Future.succeededFuture(false)).compose(deleted -> Future.failedFuture(deleted
        ? new ApiFailure(ApiFailure.Kind.PAD_DELETED, "this pad was deleted")
        : new ApiFailure(ApiFailure.Kind.NO_SUCH_PAD, "no pad of this name was written")));
  }

  /** {@code failure} as the caller sees it; store failures are logged by class and pad only. */
  static ApiFailure of(String padId, Throwable failure) {
    if (failure instanceof ApiFailure f) return f;
    if (failure instanceof NoSuchPad) return new ApiFailure(ApiFailure.Kind.NO_SUCH_PAD, "no pad of this name was written");
    if (failure instanceof RevisionOutOfRange r) return new ApiFailure(ApiFailure.Kind.BAD_REVISION, r.getMessage());
    if (failure instanceof WriteQuotas.Refused q) return new ApiFailure(ApiFailure.Kind.QUOTA, q.getMessage(), q.retryAfter());
    if (failure instanceof PadNotes.TooManyVersions v) return new ApiFailure(ApiFailure.Kind.CONFLICT, v.getMessage());
    if (failure instanceof ServerEdit.Refused r) return new ApiFailure(ApiFailure.Kind.CONFLICT, r.getMessage());
    if (failure instanceof PadEdits.StoreDown d) return new ApiFailure(ApiFailure.Kind.STORE_UNAVAILABLE, d.getMessage());
    if (failure instanceof UnsupportedOperationException u) return new ApiFailure(ApiFailure.Kind.NOT_AVAILABLE, u.getMessage());
    // The class only: a message may quote what was stored.
    LOG.log(System.Logger.Level.WARNING, "pad={0} client=api request failed: {1}", padId, failure.getClass().getName());
    return new ApiFailure(ApiFailure.Kind.STORE_UNAVAILABLE, "the pad cannot be reached right now; retry");
  }
}
