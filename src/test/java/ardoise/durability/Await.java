package ardoise.durability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition the system must reach, polling. The limit is a safety net that turns a
 * hang into a failure naming what never happened; no test asserts how fast anything is.
 */
final class Await {
  static final Duration LIMIT = Duration.ofSeconds(90);

  private Await() {}

  static void until(String what, BooleanSupplier condition) {
    until(what, condition, () -> "");
  }

  /** Like {@link #until(String, BooleanSupplier)}; {@code state} describes the situation on failure. */
  static void until(String what, BooleanSupplier condition, Supplier<String> state) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("never happened: " + what + " " + state.get());
      pause(20);
    }
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
