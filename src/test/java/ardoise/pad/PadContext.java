package ardoise.pad;

import ardoise.store.SnapshotPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** One Vert.x context for pad tests: runs calls on it (pads have no locks) and loads pads from a registry. */
final class PadContext implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();

  /** Runs {@code action} on the context and returns its value. */
  <T> T on(Supplier<T> action) {
    return onFuture(() -> Future.succeededFuture(action.get()));
  }

  /** Runs {@code task} on the context and waits for the future it returns; an exception there fails the call. */
  <T> T onFuture(Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        task.get().onComplete(result);
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future().await();
  }

  Pad load(PadRegistry registry, String padId) {
    return onFuture(() -> registry.pad(padId));
  }

  /** The server's default pace of a pad's fan-out (ARDOISE_FANOUT_MICROS_PER_MEMBER = 30). */
  static final long DEFAULT_FANOUT_NANOS = 30_000;

  /** Pad settings with the server's window, backlog, batch sizes and fan-out pace. */
  static PadSettings settings(int maxPadChars, int maxMembers, int snapshotEvery, long idleUnloadMillis) {
    return settings(maxPadChars, maxMembers, snapshotEvery, idleUnloadMillis, PadSettings.WINDOW_SIZE,
        PadSettings.MAX_PENDING_OPS, PadSettings.MAX_BATCH, DEFAULT_FANOUT_NANOS);
  }

  static PadSettings settings(int maxPadChars, int maxMembers, int snapshotEvery, long idleUnloadMillis,
      int windowSize, int maxPendingOps, int maxBatch, long fanoutNanosPerMember) {
    return new PadSettings(maxPadChars, maxMembers, SnapshotPolicy.DEFAULT.every(snapshotEvery), idleUnloadMillis,
        windowSize, maxPendingOps, maxBatch, fanoutNanosPerMember);
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
