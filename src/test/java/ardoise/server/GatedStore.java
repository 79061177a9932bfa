package ardoise.server;

import ardoise.store.InMemoryPadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory store whose loads wait until the test releases them. */
final class GatedStore extends ardoise.store.ForwardingPadStore {
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger loads = new AtomicInteger();
  private final CountDownLatch firstLoad = new CountDownLatch(1);

  GatedStore() {
    super(new InMemoryPadStore());
  }

  @Override
  public Future<StoredPad> load(String padId) {
    loads.incrementAndGet();
    firstLoad.countDown();
    Context ctx = Vertx.currentContext();
    Promise<StoredPad> p = Promise.promise();
    Thread t = new Thread(() -> {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ctx.runOnContext(v -> super.load(padId).onComplete(p));
    });
    t.setDaemon(true);
    t.start();
    return p.future();
  }

  void awaitFirstLoad() {
    try {
      firstLoad.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  int loads() {
    return loads.get();
  }

  void release() {
    released.countDown();
  }
}
