package ardoise.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition the system must reach, by polling it: for what no future announces (a
 * server noticing Redis went away, a timer of the pad's, another process). A future is waited on
 * with {@link io.vertx.core.Future#await()} instead. The limit only turns a hang into a failure
 * naming what never happened; no test asserts how fast anything is.
 */
public final class Eventually {
  public static final Duration LIMIT = Duration.ofSeconds(90);
  private static final long POLL_MILLIS = 10;

  private Eventually() {}

  public static void until(String what, BooleanSupplier condition) {
    until(what, condition, () -> "");
  }

  /** Like {@link #until(String, BooleanSupplier)}; {@code state} describes the situation on failure. */
  public static void until(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what + " " + state.get());
      pause();
    }
  }

  /** Probes until {@code accepted} takes a value, and returns it; a probe that throws fails the wait. */
  public static <T> T first(String what, Callable<T> probe, Predicate<T> accepted) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (true) {
      T value = probe.call();
      if (accepted.test(value)) return value;
      if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what + "; last seen: " + value);
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
