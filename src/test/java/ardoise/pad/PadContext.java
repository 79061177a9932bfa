package ardoise.pad;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One Vert.x context for pad tests: runs calls on it (pads have no locks) and loads pads from a registry. */
final class PadContext implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();

  /** Runs {@code action} on the context and returns its value. */
  <T> T on(Supplier<T> action) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    context.runOnContext(v -> f.complete(action.get()));
    return f.get(10, TimeUnit.SECONDS);
  }

  Pad load(PadRegistry registry, String padId) throws Exception {
    CompletableFuture<Pad> f = new CompletableFuture<>();
    context.runOnContext(v -> registry.pad(padId).onComplete(r -> f.complete(r.result())));
    return f.get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    vertx.close();
  }
}
