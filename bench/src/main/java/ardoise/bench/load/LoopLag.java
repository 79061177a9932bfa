package ardoise.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late the generator's own event loops run a timer. Why: a loop that is late delays every
 * keystroke it schedules and every frame it reads, and that delay shows up as the server's latency;
 * a window whose latency jumps while this stays small was not made by the generator.
 */
final class LoopLag {
  private static final long PERIOD_NANOS = 5_000_000;
  private final AtomicLong maxNanos = new AtomicLong();
  private volatile boolean stopped;

  /** Starts one timer on each of {@code loops} (one context per event loop). */
  LoopLag(java.util.List<Context> loops) {
    for (Context context : loops) context.runOnContext(v -> next(context.owner()));
  }

  private void next(Vertx vertx) {
    if (stopped) return;
    long due = System.nanoTime() + PERIOD_NANOS;
    vertx.setTimer(PERIOD_NANOS / 1_000_000, id -> {
      maxNanos.accumulateAndGet(Math.max(0, System.nanoTime() - due), Math::max);
      next(vertx);
    });
  }

  /** The longest lag since the last call, in ms. */
  double takeMaxMs() {
    return maxNanos.getAndSet(0) / 1e6;
  }

  void stop() {
    stopped = true;
  }
}
