package ardoise.store;

/**
 * The store answered but refused a write: it is full (Redis beyond its {@code maxmemory} with
 * {@code noeviction}). Nothing was written; the same write succeeds once memory frees.
 */
public final class StoreFull extends RuntimeException {
  public StoreFull(String message) {
    super(message, null, false, false);
  }
}
