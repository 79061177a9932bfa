package ardoise.server;

import ardoise.store.InMemoryPadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store whose loads wait until the test releases them. */
final class GatedStore extends ardoise.store.ForwardingPadStore {
  private final Promise<Void> released = Promise.promise();
  private final Promise<Void> firstLoad = Promise.promise();
  private final AtomicInteger loads = new AtomicInteger();

  GatedStore() {
    super(new InMemoryPadStore());
  }

  @Override
  public Future<StoredPad> load(String padId) {
    loads.incrementAndGet();
    firstLoad.tryComplete();
    Context ctx = Vertx.currentContext();
    Promise<StoredPad> loaded = Promise.promise();
    // Why back on the caller's context: the release comes from the test thread, and a pad must be
    // created on the registry's loop.
    released.future().onComplete(v -> ctx.runOnContext(x -> super.load(padId).onComplete(loaded)));
    return loaded.future();
  }

  void awaitFirstLoad() {
    firstLoad.future().await();
  }

  int loads() {
    return loads.get();
  }

  void release() {
    released.tryComplete();
  }
}
