package ardoise.pad;

import ardoise.store.PadStore;
import io.vertx.core.Vertx;

/**
 * What a pad does when the store fails: keep everything queued (nothing is acknowledged), retry with
 * a backoff from 100 ms doubling to 5 s, and log once per outage. When the store itself reports
 * that it is down, it has already logged the outage in one line, so the pad's lines are debug
 * only; a failure while the store claims to be up (a bug, a foreign writer) is a warning.
 *
 * <p>Invariant: at most one retry is scheduled. Thread rule: pad context only.
 */
final class StoreRetry {
  private static final long MAX_DELAY_MILLIS = 5000;

  private final String padId;
  private final PadStore store;
  private final Vertx vertx;
  private final System.Logger log;
  private int failures;
  private System.Logger.Level level = System.Logger.Level.DEBUG;
  private long timer = -1;

  StoreRetry(String padId, PadStore store, Vertx vertx, System.Logger log) {
    this.padId = padId;
    this.store = store;
    this.vertx = vertx;
    this.log = log;
  }

  /** True while a retry is scheduled: the pad sends nothing to the store until then. */
  boolean isWaiting() {
    return timer != -1;
  }

  /** The store failed at {@code what} while {@code held} ops wait: runs {@code retry} after the backoff. */
  void failed(String what, Throwable cause, int held, Runnable retry) {
    failures++;
    long delay = Math.min(MAX_DELAY_MILLIS, 50L << Math.min(failures, 7));
    if (failures == 1) {
      level = store.isAvailable() ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
      log.log(level, "pad={0} client=- store {1} failed, holding {2,number,#} ops until it answers: {3}",
          padId, what, held, cause.toString());
    }
    timer = vertx.setTimer(delay, id -> {
      timer = -1;
      retry.run();
    });
  }

  /** The store answered; ends the outage (and says so if one was logged). */
  void answered(int held) {
    if (failures > 0) {
      log.log(level, "pad={0} client=- store answers again after {1,number,#} failed attempts; storing {2,number,#} held ops",
          padId, failures, held);
    }
    failures = 0;
  }
}
