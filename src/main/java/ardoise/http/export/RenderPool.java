package ardoise.http.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the laid-out formats (html, pdf, docx, odt) are rendered: a few threads of its own, so that
 * renders never run on an event loop nor fill the worker pool other blocking work needs.
 *
 * <ul>
 *   <li>At most {@code concurrency} renders run at once; at most {@code queueLength} more wait, each
 *       for at most {@code queueSeconds}. Beyond either bound a request fails at once with
 *       {@link ExportBusy} (the route answers 503 with Retry-After).
 *   <li>Requests with equal {@link RenderKey}s share one render (the 2nd..20th of a burst wait for
 *       the 1st), and finished files are kept in a {@link RenderCache} bounded in bytes.
 *   <li>A request is {@link Request#abandon abandoned} when its client goes away. A render nobody
 *       waits for any more is cancelled: taken off the queue, or interrupted while it runs (it stops
 *       at its next {@link RenderCheckpoint}).
 * </ul>
 *
 * Thread rule: any thread. The pool's lock guards the queue's bookkeeping only; renders and
 * completions run outside it, and completions run on the render's thread (or the caller's, for a
 * cached file): callers move back to their own context.
 */
public final class RenderPool implements AutoCloseable {
  /** The bounds, as the settings give them. */
  public record Limits(int concurrency, int queueLength, int queueSeconds, long cacheBytes, int pdfMaxPieces) {
    public Limits {
      if (concurrency < 1 || queueLength < 0 || queueSeconds < 1 || cacheBytes < 0) {
        throw new IllegalArgumentException("bad export limits " + concurrency + "/" + queueLength + "/" + queueSeconds);
      }
    }
  }

  private enum State { QUEUED, RUNNING, ABANDONED, DONE }

  /** One render and the requests waiting for it. Fields guarded by the pool's lock. */
  private static final class Job {
    final RenderKey key;
    final List<Request> waiting = new ArrayList<>(2);
    State state = State.QUEUED;
    Future<?> task;

    Job(RenderKey key) {
      this.key = key;
    }
  }

  private final Limits limits;
  private final Exporters exporters;
  private final ThreadPoolExecutor workers;
  private final RenderCache cache;
  private final Map<RenderKey, Job> inFlight = new HashMap<>();
  private int queued;
  private int running;
  private int peakRunning;
  private final RenderCounters counts = new RenderCounters();

  public RenderPool(Limits limits) {
    this.limits = limits;
    this.exporters = Exporters.create(limits.pdfMaxPieces());
    this.cache = new RenderCache(limits.cacheBytes());
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(limits.concurrency(), limits.concurrency(), 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread thread = new Thread(task, "ardoise-export-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    workers.allowCoreThreadTimeOut(true); // an idle server keeps no render threads
  }

  /** One client's wait for a file: {@link #file()} completes with its bytes or a failure. */
  public static final class Request {
    private final RenderPool pool;
    private final Job job;
    private final CompletableFuture<byte[]> file = new CompletableFuture<>();

    private Request(RenderPool pool, Job job) {
      this.pool = pool;
      this.job = job;
    }

    /**
     * The file, or {@link ExportBusy} (refused, or not started within the queue's wait),
     * {@link CancellationException} (abandoned), {@link ExportTooLarge}, or the render's own failure.
     */
    public CompletableFuture<byte[]> file() {
      return file;
    }

    /** The client went away: stop waiting; the render stops too when nobody else waits for it. */
    public void abandon() {
      if (job != null) pool.leave(this, new CancellationException("the client went away"), false);
    }
  }

  /** Asks for {@code input} in {@code format}: from the cache, joined to an equal render, or queued. */
  public Request render(ExportFormat format, ExportInput input) {
    RenderKey key = RenderKey.of(format, input);
    Request request;
    synchronized (this) {
      byte[] cached = cache.get(key);
      if (cached != null) {
        counts.cacheHits.increment();
        request = new Request(this, null);
        request.file.complete(cached);
        return request;
      }
      Job job = inFlight.get(key);
      if (job != null) {
        counts.coalesced.increment();
      } else if (queued + running >= limits.concurrency() + limits.queueLength()) {
        counts.refusedQueueFull.increment();
        request = new Request(this, null);
        request.file.completeExceptionally(busy("every renderer is busy and the queue is full"));
        return request;
      } else {
        job = new Job(key);
        inFlight.put(key, job);
        queued++;
        Job queuedJob = job;
        Exporter exporter = exporters.get(format);
        job.task = workers.submit(() -> run(queuedJob, exporter, input));
      }
      request = new Request(this, job);
      job.waiting.add(request);
      if (job.state != State.QUEUED) return request;
    }
    CompletableFuture.delayedExecutor(limits.queueSeconds(), TimeUnit.SECONDS)
        .execute(() -> leave(request, busy("the export did not start within " + limits.queueSeconds() + " s"), true));
    return request;
  }

  private ExportBusy busy(String why) {
    return new ExportBusy(why, limits.queueSeconds());
  }

  /**
   * {@code request} stops waiting with {@code cause}; {@code onlyIfQueued}: only if its render has
   * not started (the queue's deadline). The render is cancelled when nobody else waits for it.
   */
  private void leave(Request request, RuntimeException cause, boolean onlyIfQueued) {
    Job job = request.job;
    synchronized (this) {
      if (request.file.isDone() || !job.waiting.contains(request)) return;
      if (onlyIfQueued && job.state != State.QUEUED) return;
      job.waiting.remove(request);
      if (onlyIfQueued) counts.refusedQueueWait.increment();
      if (job.waiting.isEmpty()) cancel(job);
    }
    request.file.completeExceptionally(cause);
  }

  /** Holding the lock: nobody waits for {@code job} any more. */
  private void cancel(Job job) {
    inFlight.remove(job.key, job);
    if (job.state == State.QUEUED) {
      job.state = State.DONE;
      queued--;
      counts.cancelledQueued.increment();
      job.task.cancel(false);
    } else if (job.state == State.RUNNING) {
      job.state = State.ABANDONED;
      job.task.cancel(true); // interrupts the render thread: it stops at its next checkpoint
    }
  }

  /** On a render thread. */
  private void run(Job job, Exporter exporter, ExportInput input) {
    synchronized (this) {
      if (job.state != State.QUEUED) return;
      job.state = State.RUNNING;
      queued--;
      running++;
      peakRunning = Math.max(peakRunning, running);
      counts.started.increment();
    }
    byte[] file = null;
    Throwable failure = null;
    try {
      RenderCheckpoint.check();
      file = exporter.export(input);
    } catch (Throwable e) {
      failure = e;
    }
    List<Request> waiting;
    synchronized (this) {
      running--;
      inFlight.remove(job.key, job);
      if (file != null) {
        cache.put(job.key, file);
      } else if (failure instanceof CancellationException) {
        counts.cancelledRunning.increment();
      }
      job.state = State.DONE;
      waiting = new ArrayList<>(job.waiting);
      job.waiting.clear();
    }
    for (Request request : waiting) {
      if (file != null) request.file.complete(file);
      else request.file.completeExceptionally(failure);
    }
  }

  /** Renders running now (a cancelled one counts until it has stopped). */
  public synchronized int running() {
    return running;
  }

  /** The most renders that ever ran at once: never above the concurrency. */
  public synchronized int peakRunning() {
    return peakRunning;
  }

  /** Renders waiting for a thread. */
  public synchronized int queued() {
    return queued;
  }

  public long cacheBytes() {
    return cache.bytes();
  }

  /** What the pool did since it started. */
  public RenderCounters counts() {
    return counts;
  }

  /** Stops the render threads (running renders are interrupted). */
  @Override
  public void close() {
    workers.shutdownNow();
  }
}
