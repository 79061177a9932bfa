package ardoise.http.export;

import java.util.concurrent.atomic.LongAdder;

/** What a {@link RenderPool} did, counted since it started (for /metrics). Thread rule: any thread. */
public final class RenderCounters {
  final LongAdder started = new LongAdder();
  final LongAdder cacheHits = new LongAdder();
  final LongAdder coalesced = new LongAdder();
  final LongAdder cancelledQueued = new LongAdder();
  final LongAdder cancelledRunning = new LongAdder();
  final LongAdder refusedQueueFull = new LongAdder();
  final LongAdder refusedQueueWait = new LongAdder();

  /** Renders started. */
  public long started() {
    return started.sum();
  }

  /** Requests answered from the cache. */
  public long cacheHits() {
    return cacheHits.sum();
  }

  /** Requests that joined an equal render already queued or running. */
  public long coalesced() {
    return coalesced.sum();
  }

  /** Renders dropped before they started / stopped while running, because nobody waited for them. */
  public long cancelled(boolean whileRunning) {
    return whileRunning ? cancelledRunning.sum() : cancelledQueued.sum();
  }

  /** Requests refused because the queue was full / because their render did not start in time. */
  public long refused(boolean queueFull) {
    return queueFull ? refusedQueueFull.sum() : refusedQueueWait.sum();
  }
}
