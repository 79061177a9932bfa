package ardoise.bench.load;

import org.HdrHistogram.Histogram;

/**
 * One measured interval: latency histogram, acks (committed ops), errors, server CPU and RSS, and the
 * server's CPU per committed op and per frame delivered to the generator's sockets.
 */
final class Window {
  /** Above this share of one core used by the load generator over a window, the run is generator-bound. */
  static final double GENERATOR_BOUND_PERCENT = 50;

  private final Fleet fleet;
  private final ServerProbe probe;
  private final long startNanos;
  private final long acks0;
  private final long frames0;
  private final long errors0;
  private final long keystrokes0;
  private long keystrokes;
  private final long disconnects0;
  private final double cpu0;
  private final long selfCpu0;
  private final double[] commit0;
  private final double[] append0;
  private final double[] queueWait0;
  private final double[] flush0;
  private final double[] loop0;
  private double loopDelayMs = Double.NaN;
  private double generatorLagMs;
  /** Server commits (submit to ack) and event-loop probes that took over 100 ms in the window. */
  private double slowCommits = Double.NaN;
  private double lateLoops = Double.NaN;
  private double serverCommitMs = Double.NaN;
  private double appendMs = Double.NaN;
  /** The parts of a commit besides the append: waiting for it to start, and the flush after it (means, ms). */
  private double queueWaitMs = Double.NaN;
  private double flushMs = Double.NaN;
  private double appendsPerSecond = Double.NaN;
  private double selfCpuPercent;
  private long seconds;
  private double opsPerSecond;
  private double framesPerSecond;
  private double cpuMicrosPerOp = Double.NaN;
  private double cpuMicrosPerFrame = Double.NaN;
  private double cpuPercent;
  private double rss;
  private long errors;
  private Histogram[] byLength;

  private Window(Fleet fleet, ServerProbe probe) {
    this.fleet = fleet;
    this.probe = probe;
    fleet.measure.interval(); // drop what came before
    fleet.measure.intervalByLength();
    this.startNanos = System.nanoTime();
    this.acks0 = fleet.measure.acks.sum();
    this.frames0 = fleet.measure.frames.sum();
    this.errors0 = fleet.measure.errors.sum();
    this.keystrokes0 = fleet.measure.keystrokes.sum();
    this.disconnects0 = fleet.measure.disconnects.sum();
    this.cpu0 = probe.cpuSeconds();
    this.selfCpu0 = selfCpuNanos();
    this.commit0 = probe.commitLatency();
    this.append0 = probe.appendLatency();
    this.queueWait0 = probe.queueWait();
    this.flush0 = probe.flushDuration();
    this.loop0 = probe.eventLoopDelay();
    fleet.loopLag.takeMaxMs(); // drop what came before
  }

  static Window open(Fleet fleet, ServerProbe probe) {
    return new Window(fleet, probe);
  }

  Histogram close() {
    Histogram h = fleet.measure.interval();
    byLength = fleet.measure.intervalByLength();
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    long ops = fleet.measure.acks.sum() - acks0;
    long frames = fleet.measure.frames.sum() - frames0;
    double cpuSeconds = probe.cpuSeconds() - cpu0;
    opsPerSecond = ops / elapsed;
    framesPerSecond = frames / elapsed;
    cpuPercent = cpuSeconds / elapsed * 100;
    cpuMicrosPerOp = microsPer(cpuSeconds, ops);
    cpuMicrosPerFrame = microsPer(cpuSeconds, frames);
    rss = probe.rssMiB();
    selfCpuPercent = (selfCpuNanos() - selfCpu0) / 1e9 / elapsed * 100;
    double[] commit1 = probe.commitLatency();
    if (commit0 != null && commit1 != null && commit1[1] > commit0[1]) {
      serverCommitMs = (commit1[0] - commit0[0]) / (commit1[1] - commit0[1]) * 1000;
      slowCommits = commit1[2] - commit0[2];
    }
    double[] loop1 = probe.eventLoopDelay();
    if (loop0 != null && loop1 != null && loop1[1] > loop0[1]) {
      loopDelayMs = (loop1[0] - loop0[0]) / (loop1[1] - loop0[1]) * 1000;
      lateLoops = loop1[2] - loop0[2];
    }
    double[] append1 = probe.appendLatency();
    appendMs = meanMs(append0, append1);
    if (!Double.isNaN(appendMs)) appendsPerSecond = (append1[1] - append0[1]) / elapsed;
    queueWaitMs = meanMs(queueWait0, probe.queueWait());
    flushMs = meanMs(flush0, probe.flushDuration());
    errors = fleet.measure.errors.sum() - errors0 + fleet.measure.disconnects.sum() - disconnects0;
    seconds = Math.round(elapsed);
    keystrokes = fleet.measure.keystrokes.sum() - keystrokes0;
    generatorLagMs = fleet.loopLag.takeMaxMs();
    return h;
  }

  /** The mean in ms of a server timer's records between two reads ({sum s, count, …}); NaN without any. */
  private static double meanMs(double[] before, double[] after) {
    if (before == null || after == null || after[1] <= before[1]) return Double.NaN;
    return (after[0] - before[0]) / (after[1] - before[1]) * 1000;
  }

  /** CPU time of the generator's whole JVM (its event loops, GC and JIT threads included). */
  private static long selfCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Microseconds of CPU per unit; NaN without CPU figures or units. */
  static double microsPer(double cpuSeconds, long units) {
    return units <= 0 || Double.isNaN(cpuSeconds) ? Double.NaN : cpuSeconds * 1e6 / units;
  }

  double opsPerSecond() { return opsPerSecond; }

  double framesPerSecond() { return framesPerSecond; }

  /** The server's CPU (all its threads) over the window per op committed in it, in µs. */
  double cpuMicrosPerOp() { return cpuMicrosPerOp; }

  /** The server's CPU over the window per WebSocket message the generator's sockets received, in µs. */
  double cpuMicrosPerFrame() { return cpuMicrosPerFrame; }

  /**
   * Keystrokes measured at another client / keystrokes typed in the window (about 1 in a steady
   * state; well below 1 when keystrokes pile up unsent or unbroadcast, whose latency the
   * percentiles then do not include yet).
   */
  double delivered(Histogram h) {
    return keystrokes == 0 ? Double.NaN : h.getTotalCount() / (double) keystrokes;
  }

  /** The load generator's process CPU over the window, 100% = one core (every thread of its JVM). */
  double generatorCpuPercent() { return selfCpuPercent; }

  /** The generator used more than half a core: its latencies measure it as much as the server. */
  boolean generatorBound() { return selfCpuPercent > GENERATOR_BOUND_PERCENT; }

  double cpuPercent() { return cpuPercent; }

  double rss() { return rss; }

  long errors() { return errors; }

  void print(String what, int typists, Histogram h) {
    System.out.printf("%-6s %5d typists: p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f ms (%,d of %,d keystrokes), %,.0f ops/s committed, "
        + "server CPU %.0f%% (%.0f µs per committed op, %.1f µs per frame delivered, %,.0f frames/s), RSS %.0f MiB, server submit→ack mean %.1f ms (queue wait mean %.1f ms, Redis append mean %.1f ms, %,.0f appends/s, flush mean %.2f ms, event-loop delay mean %.2f ms; over 100 ms: %.0f commits, %.0f loop probes), generator CPU %.0f%%%s (its loops at most %.0f ms late), errors+disconnects %d over %d s%n",
        what, typists, Measure.ms(h, 50), Measure.ms(h, 95), Measure.ms(h, 99), Measure.maxMs(h), h.getTotalCount(), keystrokes, opsPerSecond,
        cpuPercent, cpuMicrosPerOp, cpuMicrosPerFrame, framesPerSecond, rss, serverCommitMs, queueWaitMs, appendMs, appendsPerSecond, flushMs, loopDelayMs, slowCommits, lateLoops, selfCpuPercent, generatorBound() ? " (generator-bound)" : "", generatorLagMs, errors, seconds);
    if (byLength != null) System.out.println(byLengthLine(byLength[0], byLength[1]));
  }

  /**
   * Long pads against empty pads typed in the same window: the same machine, server and moment,
   * so their ratio shows what a pad's length costs a keystroke without the drift between runs.
   */
  static String byLengthLine(Histogram empty, Histogram longPads) {
    return String.format("by pad length: long pads p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms (%,d keystrokes); "
        + "empty pads p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms (%,d keystrokes); p99 long / empty %.2f",
        Measure.ms(longPads, 50), Measure.ms(longPads, 95), Measure.ms(longPads, 99), Measure.maxMs(longPads), longPads.getTotalCount(),
        Measure.ms(empty, 50), Measure.ms(empty, 95), Measure.ms(empty, 99), Measure.maxMs(empty), empty.getTotalCount(),
        Measure.ms(longPads, 99) / Measure.ms(empty, 99));
  }
}
