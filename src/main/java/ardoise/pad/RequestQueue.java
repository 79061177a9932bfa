package ardoise.pad;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * Runs a pad's requests one at a time in arrival order. Most finish synchronously; one that waits
 * (for the store) holds back the ones behind it, so a connection's frames keep their order.
 * Thread rule: pad context only.
 */
final class RequestQueue {
  private static final System.Logger LOG = System.getLogger(RequestQueue.class.getName());

  private final String padId;
  private final ArrayDeque<Supplier<Future<?>>> tasks = new ArrayDeque<>();
  private boolean busy;

  RequestQueue(String padId) {
    this.padId = padId;
  }

  /** True when no request is running or waiting. */
  boolean isIdle() {
    return !busy && tasks.isEmpty();
  }

  /** Runs {@code task} after every earlier one finished; a thrown exception fails the returned future. */
  <T> Future<T> run(Supplier<Future<T>> task) {
    Promise<T> done = Promise.promise();
    tasks.add(() -> {
      Future<T> f;
      try {
        f = task.get();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "pad=" + padId + " client=- request failed", e);
        f = Future.failedFuture(e);
      }
      return f.onComplete(done);
    });
    drain();
    return done.future();
  }

  private void drain() {
    while (!busy && !tasks.isEmpty()) {
      Future<?> f = tasks.poll().get();
      if (!f.isComplete()) {
        busy = true;
        f.onComplete(x -> {
          busy = false;
          drain();
        });
      }
    }
  }
}
