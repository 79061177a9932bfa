package ardoise.bench.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Load generator for a running server (Ardoise or the ShareDB server of bench/sharedb), see
 * bench/README.md. Modes: {@code steady} (M pads × N typists + V viewers for a fixed time),
 * {@code ramp} (adds pads of N typists until a step's p99 exceeds the limit), {@code hot-ramp}
 * (adds typists to one pad the same way), {@code idle} (opens viewer sockets and reports heap per
 * socket). Prints one {@code RESULT} line per run for bench/run-all.sh. Not a test.
 */
public final class LoadBench {
  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    Options o = Options.parse(args);
    ServerProbe probe = new ServerProbe(o);
    try (Fleet fleet = new Fleet(o)) {
      switch (o.mode()) {
        case "steady" -> steady(o, fleet, probe);
        case "ramp", "hot-ramp" -> ramp(o, fleet, probe);
        case "idle" -> idle(o, fleet, probe);
        default -> throw new IllegalArgumentException("unknown --mode " + o.mode() + "\n" + Options.HELP);
      }
    }
    System.exit(0);
  }

  private static void steady(Options o, Fleet fleet, ServerProbe probe) throws Exception {
    List<Client> all = new ArrayList<>();
    for (int p = 0; p < o.pads(); p++) all.addAll(fleet.populate(fleet.newPad(), o.typists(), o.viewers()));
    System.out.printf("%s: %d pads × %d typists + %d viewers connected%n", o.target(), o.pads(), o.typists(), o.viewers());
    fleet.startTyping(all);
    Thread.sleep(o.warmupSeconds() * 1000L);
    Window w = Window.open(fleet, probe);
    Thread.sleep(o.seconds() * 1000L);
    Histogram h = w.close();
    fleet.stopTyping();
    boolean quiet = fleet.quiesce(60_000);
    int divergent = quiet ? fleet.divergentClients() : -1;
    double heap = probe.heapMiB(true);
    w.print("steady", fleet.typistCount(), h);
    result(o, "steady", fleet.pads.size(), fleet.typistCount(), fleet.typistCount(), h, w, heap, divergent, fleet);
  }

  private static void ramp(Options o, Fleet fleet, ServerProbe probe) throws Exception {
    boolean hot = o.mode().equals("hot-ramp");
    PadGroup hotPad = hot ? fleet.newPad() : null;
    // The row is the last step under the p99 limit whose generator stayed under half a core: beyond
    // it, the latencies measure the generator as much as the server. The ramp goes on to the step
    // that breaks the limit, and the row also says how far the p99 held (heldTypists).
    Histogram best = null;
    Window bestWindow = null;
    int bestTypists = 0;
    int bestPads = 0;
    Histogram held = null;
    Window heldWindow = null;
    int heldTypists = 0;
    int heldPads = 0;
    while (fleet.typistCount() < o.maxTypists()) {
      List<Client> added = new ArrayList<>();
      boolean first = fleet.typistCount() == 0; // the first step is --typists (hot) or --pads pads, the next ones the step size
      if (hot) {
        added.addAll(fleet.populate(hotPad, first ? o.typists() : o.stepTypists(), first ? o.viewers() : 0));
      } else {
        for (int i = 0; i < (first ? o.pads() : o.stepPads()); i++) added.addAll(fleet.populate(fleet.newPad(), o.typists(), o.viewers()));
      }
      fleet.startTyping(added);
      // The new typists' first keystrokes and joins settle; before the first step, the server's JIT
      // too (a fresh JVM compiles for tens of seconds on 2 cores, and one step's p99 ends the ramp).
      Thread.sleep(first ? Math.max(2, o.warmupSeconds()) * 1000L : 2000);
      fleet.measure.interval();
      Window w = Window.open(fleet, probe);
      Thread.sleep(o.stepSeconds() * 1000L);
      Histogram h = w.close();
      w.print("step", fleet.typistCount(), h);
      if (h.getTotalCount() == 0 || Measure.ms(h, 99) > o.p99LimitMs() || w.errors() > 0) break;
      held = h;
      heldWindow = w;
      heldTypists = fleet.typistCount();
      heldPads = fleet.pads.size();
      if (!w.generatorBound()) {
        best = h;
        bestWindow = w;
        bestTypists = heldTypists;
        bestPads = heldPads;
      }
    }
    if (best == null) { // every step under the limit was generator-bound: report the last, flagged
      best = held;
      bestWindow = heldWindow;
      bestTypists = heldTypists;
      bestPads = heldPads;
    }
    if (heldTypists > bestTypists) {
      System.out.printf("ramp: %d typists sustained with the generator under half a core; p99 held up to %d typists, "
          + "the generator bound from there%n", bestTypists, heldTypists);
    }
    fleet.stopTyping();
    boolean quiet = fleet.quiesce(120_000);
    int divergent = quiet ? fleet.divergentClients() : -1;
    if (best == null) {
      System.out.println("no step stayed under the p99 limit");
      result(o, o.mode(), 0, 0, 0, new Histogram(3), null, probe.heapMiB(true), divergent, fleet);
    } else {
      result(o, o.mode(), bestPads, bestTypists, heldTypists, best, bestWindow, probe.heapMiB(true), divergent, fleet);
    }
  }

  private static void idle(Options o, Fleet fleet, ServerProbe probe) throws Exception {
    double before = probe.heapMiB(true);
    int perPad = Math.max(1, o.sockets() / o.idlePads());
    int opened = 0;
    long t0 = System.nanoTime();
    while (opened < o.sockets()) {
      int n = Math.min(perPad, o.sockets() - opened);
      fleet.populate(fleet.newPad(), 0, n);
      opened += n;
      if (opened % 2000 < n) System.out.printf("%,d sockets open%n", opened);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Thread.sleep(3000);
    double after = probe.heapMiB(true);
    double rss = probe.rssMiB();
    double perSocketKiB = (after - before) * 1024 / opened;
    System.out.printf("%s idle: %,d sockets on %d pads opened in %.1f s; heap after GC %.1f → %.1f MiB "
        + "(%.1f KiB per socket), RSS %.0f MiB, disconnects %d, errors %d%n", o.target(), opened, fleet.pads.size(), seconds,
        before, after, perSocketKiB, rss, fleet.measure.disconnects.sum(), fleet.measure.errors.sum());
    System.out.printf("RESULT label=%s target=%s mode=idle date=%s sockets=%d heapMiB=%.1f heapPerSocketKiB=%.1f "
        + "rssMiB=%.0f errors=%d disconnects=%d%n", label(o), o.target(), LocalDate.now(), opened, after, perSocketKiB, rss,
        fleet.measure.errors.sum(), fleet.measure.disconnects.sum());
    Thread.sleep(Long.getLong("bench.holdSeconds", 0) * 1000); // time to take a heap histogram of the server
  }

  /**
   * One RESULT line. {@code pads} and {@code typists}: those of the window {@code w} measured;
   * {@code heldTypists}: on a ramp, the last step under the p99 limit, generator-bound or not.
   */
  private static void result(Options o, String mode, int pads, int typists, int heldTypists, Histogram h, Window w, double heap,
      int divergent, Fleet fleet) {
    System.out.printf("RESULT label=%s target=%s mode=%s date=%s pads=%d typists=%d heldTypists=%d viewersPerPad=%d rate=%.1f "
        + "p50=%.1f p95=%.1f p99=%.1f max=%.1f samples=%d opsPerSec=%.0f serverCpu=%.0f%% serverMicrosPerOp=%.0f serverMicrosPerFrame=%.1f framesPerSec=%.0f heapMiB=%.0f rssMiB=%.0f "
        + "delivered=%.3f generatorCpu=%.0f%% generatorBound=%s errors=%d disconnects=%d refetches=%d divergent=%d%n",
        label(o), o.target(), mode, LocalDate.now(), pads, typists, heldTypists, o.viewers(), o.rate(),
        Measure.ms(h, 50), Measure.ms(h, 95), Measure.ms(h, 99), Measure.maxMs(h), h.getTotalCount(),
        w == null ? 0 : w.opsPerSecond(), w == null ? Double.NaN : w.cpuPercent(),
        w == null ? Double.NaN : w.cpuMicrosPerOp(), w == null ? Double.NaN : w.cpuMicrosPerFrame(),
        w == null ? Double.NaN : w.framesPerSecond(), heap, w == null ? Double.NaN : w.rss(),
        w == null ? Double.NaN : w.delivered(h), w == null ? Double.NaN : w.generatorCpuPercent(), w != null && w.generatorBound(), fleet.measure.errors.sum(), fleet.measure.disconnects.sum(),
        fleet.measure.refetches.sum(), divergent);
  }

  private static String label(Options o) {
    return o.label().isEmpty() ? o.target() + "-" + o.mode() : o.label();
  }
}
