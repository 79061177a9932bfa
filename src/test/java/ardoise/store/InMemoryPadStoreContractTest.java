package ardoise.store;

import io.vertx.core.Vertx;

/** The store conformance suite against the in-memory store (the one integration tests use). */
class InMemoryPadStoreContractTest extends PadStoreContract {
  @Override
  protected PadStore newStore(Vertx vertx) {
    return new InMemoryPadStore();
  }
}
