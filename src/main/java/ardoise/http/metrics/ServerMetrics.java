package ardoise.http.metrics;

import ardoise.http.export.RenderCounters;
import ardoise.http.export.RenderPool;
import ardoise.pad.CommitTimings;
import ardoise.protocol.ErrorCode;
import ardoise.protocol.SessionMetrics;
import ardoise.store.PadStore;
import ardoise.store.StoreCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The metrics of one server, in its own Prometheus registry (no global registry: two servers in one
 * JVM, as in tests, keep separate figures), served at {@code /metrics}. Every meter is created up
 * front, so the hot path only increments counters and records into a fixed-bucket histogram.
 *
 * <p>Thread rule: meters are thread-safe; the gauges' suppliers are read on the scrape, which runs
 * on the event loops of the pads and sessions they count (Micrometer's meters are thread-safe).
 */
public final class ServerMetrics implements SessionMetrics, CommitTimings {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer commitLatency;
  private final Timer queueWait;
  private final Timer flushDuration;
  private final Counter broadcastFrames;
  private final Timer eventLoopDelay;
  private final Map<ErrorCode, Counter> rejected = new EnumMap<>(ErrorCode.class);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
  private List<StoreCounter> storeCounters = List.of();
  private RenderPool exports;

  public ServerMetrics() {
    commitLatency = latencyTimer("ardoise.commit.latency", "From an op frame's arrival to its ack (sent once the op is durable)");
    queueWait = latencyTimer("ardoise.commit.queue.wait", "From a group commit's oldest op being queued to its append's start (the pace between appends and the append before it)");
    flushDuration = latencyTimer("ardoise.flush.duration", "Handing one flush of a pad (its new revisions and cursors) to its members, on the pad's event loop");
    eventLoopDelay = latencyTimer("ardoise.eventloop.delay", "How long a task queued on a pads' event loop waits before it runs (each loop probed every 20 ms)");
    broadcastFrames = Counter.builder("ardoise.broadcast.frames")
        .description("Committed ops sent to other members (one per op and recipient)").register(registry);
    for (ErrorCode code : ErrorCode.values()) {
      rejected.put(code, Counter.builder("ardoise.rejected.messages").tag("code", code.code())
          .description("error frames sent, by code").register(registry));
    }
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    heapPressure.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** A latency histogram with the same buckets for every meter, 1 ms to 5 s (dashboards can compare them). */
  private Timer latencyTimer(String name, String description) {
    return Timer.builder(name).description(description)
        .serviceLevelObjectives(millis(1), millis(2), millis(5), millis(10), millis(20), millis(50), millis(100),
            millis(200), millis(500), millis(1000), millis(2000), millis(5000))
        .register(registry);
  }

  private static Duration millis(long ms) {
    return Duration.ofMillis(ms);
  }

  /**
   * Wraps {@code store} so that committed ops and failed store calls are counted, and registers
   * the gauges of open pads and connected clients and the store's own counters.
   */
  public PadStore instrument(PadStore store, IntSupplier openPads, IntSupplier clients) {
    Gauge.builder("ardoise.pads.open", openPads::getAsInt).description("pads loaded in memory").register(registry);
    Gauge.builder("ardoise.clients.connected", clients::getAsInt).description("open WebSocket connections").register(registry);
    Gauge.builder("ardoise.store.up", store, s -> s.isAvailable() ? 1 : 0).description("1 when the store answers").register(registry);
    // Why kept in a field: Micrometer holds a function counter's object weakly, and a counter whose
    // object was collected keeps reporting its last value.
    storeCounters = store.counters();
    for (StoreCounter c : storeCounters) {
      FunctionCounter.builder(c.name(), c, counter -> counter.value().getAsLong()).description(c.description()).register(registry);
    }
    Timer appendLatency = latencyTimer("ardoise.store.append.latency", "One group commit's append to the store, from the call to its answer");
    return new MeteredPadStore(store, appendLatency,
        Counter.builder("ardoise.ops.committed").description("ops made durable by this server").register(registry),
        Counter.builder("ardoise.commit.batches").description("appends (group commits) of this server").register(registry),
        Counter.builder("ardoise.store.failures").description("store calls of the pads that failed").register(registry));
  }

  /**
   * The export renderers' figures: renders started, running (and the most ever running at once),
   * queued, cancelled because nobody waited any more (by stage), requests answered from the cache or
   * joined to an equal render, refusals (by reason), and the cache's size.
   */
  public void watchExports(RenderPool pool) {
    exports = pool; // held, with its counters: Micrometer keeps a function meter's object weakly
    RenderCounters counts = pool.counts();
    FunctionCounter.builder("ardoise.export.renders", counts, RenderCounters::started)
        .description("export renders started (html, pdf, docx, odt)").register(registry);
    Gauge.builder("ardoise.export.renders.running", pool, RenderPool::running)
        .description("export renders running now").register(registry);
    Gauge.builder("ardoise.export.renders.running.peak", pool, RenderPool::peakRunning)
        .description("the most export renders that ran at once since the server started").register(registry);
    Gauge.builder("ardoise.export.renders.queued", pool, RenderPool::queued)
        .description("export renders waiting for a renderer").register(registry);
    for (boolean running : new boolean[] {false, true}) {
      FunctionCounter.builder("ardoise.export.renders.cancelled", counts, c -> c.cancelled(running))
          .tag("stage", running ? "running" : "queued")
          .description("export renders stopped or dropped because no client waited for them any more").register(registry);
    }
    for (boolean full : new boolean[] {true, false}) {
      FunctionCounter.builder("ardoise.export.refused", counts, c -> c.refused(full))
          .tag("reason", full ? "queue-full" : "queue-wait")
          .description("export requests answered 503 export-busy").register(registry);
    }
    FunctionCounter.builder("ardoise.export.cache.hits", counts, RenderCounters::cacheHits)
        .description("export requests answered from the cache of rendered files").register(registry);
    FunctionCounter.builder("ardoise.export.coalesced", counts, RenderCounters::coalesced)
        .description("export requests that waited for an equal render already queued or running").register(registry);
    Gauge.builder("ardoise.export.cache.bytes", pool, RenderPool::cacheBytes)
        .description("bytes held by the cache of rendered files").register(registry);
  }

  /**
   * Every 20 ms, queues a task on {@code context} and records how long it waited before running:
   * the event loop's delay, which every frame, commit and broadcast of that loop also waits.
   * Why a probe and not Vert.x's blocked-thread checker: that one only warns after seconds.
   * Returns the timer id (cancel it on close).
   */
  public long watchEventLoop(io.vertx.core.Vertx vertx, io.vertx.core.Context context) {
    return vertx.setPeriodic(20, id -> {
      long queued = System.nanoTime();
      context.runOnContext(v -> eventLoopDelay.record(System.nanoTime() - queued, TimeUnit.NANOSECONDS));
    });
  }

  /** The {@code /metrics} handler (Prometheus text format). */
  public Handler<RoutingContext> scrapeHandler() {
    return PrometheusScrapingHandler.create(registry);
  }

  /** The registry's current text (tests). */
  public String scrape() {
    return registry.scrape();
  }

  /** Unregisters the JVM listeners (GC notifications) so a stopped server leaves nothing behind. */
  public void close() {
    gc.close();
    heapPressure.close();
    registry.close();
  }

  @Override
  public void appendStarted(long oldestWaitNanos) {
    queueWait.record(oldestWaitNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void flushed(long nanos) {
    flushDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void acknowledged(long submitToAckNanos) {
    commitLatency.record(submitToAckNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void opsSent(int count) {
    broadcastFrames.increment(count);
  }

  @Override
  public void rejected(ErrorCode code) {
    rejected.get(code).increment();
  }

  /** The registry, for meters registered elsewhere (the API's request counts). */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }
}
