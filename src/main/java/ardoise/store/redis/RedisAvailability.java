package ardoise.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Whether Redis answers: a PING every {@code intervalMs} plus the outcome of every command (on a
 * cluster, the probe alone: see the constructor). A hung
 * Redis (stopped process, blackholed host) fails no command and closes no connection, it just never
 * answers: so every command it follows, the PINGs included, gets a deadline
 * ({@code commandTimeoutMs}); past it the command fails with a {@link TimeoutException}, Redis counts
 * as gone, and a page or an export answers "store unavailable" instead of waiting for the whole
 * outage. A
 * command that timed out may still run when Redis wakes: only commands that are safe to repeat or
 * to lose an answer for go through here (a pad's commit script checks the head and the client's seq
 * inside Redis, see {@code Sequencer}). Logs one line when Redis goes away and one when it
 * returns, naming the endpoint without its password.
 * Only a command sent after the last change of state may change it again: a command sent during an
 * outage that times out after Redis is back, or an answer to a command sent before the outage that
 * arrives after it was noticed, is stale and would otherwise flip the state back, so one outage
 * gives one line each way.
 * Thread rule: the state is an atomic flag any thread may read; changes are made under {@code this}.
 */
final class RedisAvailability {
  private static final Logger LOG = Logger.getLogger(RedisAvailability.class.getName());

  private final Vertx vertx;
  private final RedisAPI api;
  private final String endpoint;
  private final AtomicBoolean available = new AtomicBoolean(true);
  private final AtomicBoolean pinging = new AtomicBoolean();
  /** The last probe sent, settled or not (it ends within its deadline). */
  private volatile Future<?> lastProbe = Future.succeededFuture();
  /** Set by {@link #stop()}: the store is closing, and the commands it cuts off say nothing of Redis. */
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong recoveries = new AtomicLong();
  /** Counts the changes of state; guarded by {@code this}. */
  private long epoch;
  private final long commandTimeoutMs;
  private final long timerId;

  private final boolean cluster;

  RedisAvailability(Vertx vertx, RedisAPI api, String redactedEndpoint, long intervalMs, long commandTimeoutMs) {
    this(vertx, api, redactedEndpoint, intervalMs, commandTimeoutMs, false);
  }

  /**
   * {@code cluster}: the probe is DBSIZE, which the cluster client sends to every master, then
   * CLUSTER INFO, instead of PING. Why: any node answers a PING, but a master that does not answer,
   * or a failed master's slots without an owner ({@code cluster_state:fail}), leave pads without
   * their store; readiness must say so. And only the probe changes the state: a command fails for
   * the pads of one master while those of the others commit, so command outcomes would flip it
   * back and forth (they still count as errors).
   */
  RedisAvailability(Vertx vertx, RedisAPI api, String redactedEndpoint, long intervalMs, long commandTimeoutMs,
      boolean cluster) {
    this.cluster = cluster;
    this.vertx = vertx;
    this.api = api;
    this.endpoint = redactedEndpoint;
    this.commandTimeoutMs = commandTimeoutMs;
    this.timerId = vertx.setPeriodic(intervalMs, id -> ping());
  }

  boolean isAvailable() {
    return available.get();
  }

  private void ping() {
    // One PING at a time: against an unreachable host they would otherwise pile up (each ends at its deadline).
    if (!pinging.compareAndSet(false, true)) return;
    Future<?> probe = cluster
        ? api.dbsize().compose(size -> api.cluster(List.of("INFO"))).compose(r -> r.toString().contains("cluster_state:ok")
            ? Future.succeededFuture()
            : Future.failedFuture(new IllegalStateException("the redis cluster reports cluster_state:fail")))
        : api.ping(List.of());
    lastProbe = track(probe, true).onComplete(r -> pinging.set(false));
  }

  /**
   * Follows {@code result}: an answer (even an error reply) means Redis is there; no answer within
   * the command deadline fails the returned future (the command itself cannot be called back).
   */
  <T> Future<T> track(Future<T> result) {
    return track(result, !cluster);
  }

  private <T> Future<T> track(Future<T> result, boolean changesState) {
    long sentIn = changesState ? epoch() : -1; // -1 is never the current epoch: the outcome only counts
    return result.timeout(commandTimeoutMs, TimeUnit.MILLISECONDS)
        .recover(e -> Future.failedFuture(e instanceof TimeoutException
            ? new TimeoutException("no answer from redis within " + commandTimeoutMs + " ms") : e))
        .onComplete(r -> reportSuccess(sentIn), e -> reportFailure(e, sentIn));
  }

  /** Commands (and PINGs) that got no answer: connection refused or lost, timeout. */
  long errorCount() {
    return errors.get();
  }

  /** How many times Redis came back after being unreachable. */
  long recoveryCount() {
    return recoveries.get();
  }

  private synchronized long epoch() {
    return epoch;
  }

  /** Flips the state to {@code now} if a command sent in the current epoch says so; true when it flipped. */
  private synchronized boolean change(boolean now, long sentIn) {
    if (available.get() == now || sentIn != epoch) return false;
    available.set(now);
    epoch++;
    return true;
  }

  private void reportSuccess(long sentIn) {
    if (change(true, sentIn)) {
      recoveries.incrementAndGet();
      LOG.info("pad=- client=- redis is back: " + endpoint);
    }
  }

  private void reportFailure(Throwable failure, long sentIn) {
    if (stopped.get()) return;
    if (failure instanceof Response r && r.type() == ResponseType.ERROR) {
      reportSuccess(sentIn); // Redis answered with an error reply: it is reachable.
      return;
    }
    errors.incrementAndGet();
    if (change(false, sentIn)) {
      LOG.warning("pad=- client=- redis is unreachable: " + endpoint + " (" + failure.getMessage() + ")");
    }
  }

  /**
   * Stops the probe; the future completes once a probe in flight has its answer (or its deadline
   * passed), so that the store closes no connection under it. Commands still in flight when the
   * store closes fail with "Connection was closed"; they neither count as errors nor log that Redis
   * is unreachable (a server that fails to start would otherwise blame Redis before giving the
   * real reason).
   */
  Future<Void> stop() {
    stopped.set(true);
    vertx.cancelTimer(timerId);
    return lastProbe.transform(r -> Future.succeededFuture());
  }
}
