package ardoise.bench.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one run measures, shared by every client of the load generator (any event-loop thread):
 * keystroke-to-other-client latency in a lock-free HdrHistogram recorder, and counters.
 * Latency is taken from each keystroke's scheduled time, so a late generator or a queue anywhere
 * shows up as latency instead of silently lowering the offered load (no coordinated omission).
 */
final class Measure {
  private final Recorder latency = new Recorder(TimeUnit.SECONDS.toMicros(120), 3);
  final LongAdder keystrokes = new LongAdder();
  final LongAdder opsSent = new LongAdder();
  final LongAdder acks = new LongAdder();
  final LongAdder opsReceived = new LongAdder();
  final LongAdder cursorsSent = new LongAdder();
  /** WebSocket messages the clients received: the frames the server delivered to them. */
  final LongAdder frames = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder disconnects = new LongAdder();
  /** ShareDB only: ops that skipped ahead, so the client fetched the missing ones (as ShareDB's client does). */
  final LongAdder refetches = new LongAdder();
  private Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
  /** With pads of both lengths in one run: the same latencies for the empty pads [0] and the long ones [1]; else null. */
  private final Recorder[] byLength;

  Measure(boolean byLength) {
    this.byLength = byLength
        ? new Recorder[] {new Recorder(TimeUnit.SECONDS.toMicros(120), 3), new Recorder(TimeUnit.SECONDS.toMicros(120), 3)}
        : null;
  }

  /** A keystroke scheduled at {@code scheduledNanos} reached another client now, in a long pad or not. */
  void arrived(long scheduledNanos, long nowNanos, boolean longPad) {
    long micros = Math.min(Math.max(0, (nowNanos - scheduledNanos) / 1000), TimeUnit.SECONDS.toMicros(120));
    latency.recordValue(micros);
    if (byLength != null) byLength[longPad ? 1 : 0].recordValue(micros);
  }

  /** The latencies since the last call, {empty pads, long pads}; null unless the run mixes both. */
  synchronized Histogram[] intervalByLength() {
    if (byLength == null) return null;
    return new Histogram[] {byLength[0].getIntervalHistogram(), byLength[1].getIntervalHistogram()};
  }

  /** The latencies recorded since the last call (one ramp step, or one phase). */
  synchronized Histogram interval() {
    Histogram h = latency.getIntervalHistogram();
    total.add(h);
    return h;
  }

  /** Everything recorded since {@link #resetTotal}. */
  synchronized Histogram total() {
    interval();
    return total.copy();
  }

  synchronized void resetTotal() {
    latency.getIntervalHistogram();
    total = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
  }

  static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  static double maxMs(Histogram h) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
  }
}
