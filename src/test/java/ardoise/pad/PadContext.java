package ardoise.pad;

import ardoise.store.SnapshotPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One Vert.x context for pad tests: runs calls on it (pads have no locks) and loads pads from a registry. */
final class PadContext implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();

  /** Runs {@code action} on the context and returns its value. */
  <T> T on(Supplier<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> f.complete(action.get()));
    return f.get(10, TimeUnit.SECONDS);
  }

  Pad load(PadRegistry registry, String padId) throws Exception {
    CompletableFuture<Pad> f = new CompletableFuture<>();
    context.runOnContext(v -> registry.pad(padId).onComplete(r -> f.complete(r.result())));
    return f.get(10, TimeUnit.SECONDS);
  }

  /** The server's default pace of a pad's fan-out (ARDOISE_FANOUT_MICROS_PER_MEMBER = 20). */
  static final long DEFAULT_FANOUT_NANOS = 20_000;

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
    vertx.close();
  }
}
