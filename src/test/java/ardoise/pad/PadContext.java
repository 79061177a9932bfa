package ardoise.pad;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** One Vert.x context for pad tests: runs calls on it (pads have no locks) and loads pads from a registry. */
final class PadContext implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();

  /** Runs {@code action} on the context and returns its value. */
  <T> T on(Supplier<T> action) {
    return onFuture(() -> Future.succeededFuture(action.get()));
  }

  /** Runs {@code task} on the context and waits for the future it returns; an exception there fails the call. */
  <T> T onFuture(Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> {
      try {
        task.get().onComplete(result);
      } catch (RuntimeException e) {
        result.fail(e);
      }
    });
    return result.future().await();
  }

  Pad load(PadRegistry registry, String padId) {
    return onFuture(() -> registry.pad(padId));
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
