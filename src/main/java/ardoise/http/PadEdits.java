package ardoise.http;

import ardoise.pad.PadShards;
import ardoise.pad.ServerEdit;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Server-side edits made for a request (a restore, an import, an API call): one {@link ServerEdit}
 * on the pad's own context, answered once it is stored. Why refuse while the store is down: the edit
 * could not be acknowledged before the store answers again, and the caller would wait for the whole
 * outage; refused at once, nothing changes. Thread rule: any event loop; the future completes on
 * the caller's context.
 */
public final class PadEdits {
  /**
   * Longest wait for an edit's storage before answering. Why: a store that hangs right after the
   * check below holds the edit (queued, stored once it answers); the request is answered meanwhile.
   */
  public static final long WAIT_MILLIS = 30_000;

  private final PadShards shards;
  private final BooleanSupplier storeUp;

  public PadEdits(PadShards shards, BooleanSupplier storeUp) {
    this.shards = shards;
    this.storeUp = storeUp;
  }

  /** The store cannot take the edit now (answered 503 store-unavailable); the message is safe to show. */
  public static final class StoreDown extends RuntimeException {
    StoreDown(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Changes the pad's head text with {@code change} as {@code authorId} shown as {@code name}
   * ({@code color}: the one to keep if free, nullable); completes with the new revision once stored.
   */
  public Future<Long> run(String padId, String authorId, String name, String color, UnaryOperator<String> change) {
    return edit(padId, pad -> ServerEdit.run(pad, authorId, name, color, change));
  }

  /** Replaces the pad's whole text as one block ({@link ServerEdit#replace}); completes once stored. */
  public Future<Long> replace(String padId, String authorId, String name, String color, String text) {
    return edit(padId, pad -> ServerEdit.replace(pad, authorId, name, color, text));
  }

  private Future<Long> edit(String padId, java.util.function.Function<ardoise.pad.Pad, Future<Long>> edit) {
    if (!storeUp.getAsBoolean()) return Future.failedFuture(new StoreDown("the store does not answer; nothing was changed"));
    return shards.call(padId, registry -> registry.pad(padId).compose(edit::apply))
        .timeout(WAIT_MILLIS, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new StoreDown("the edit is not stored yet; it will be once the store answers") : e));
  }
}
