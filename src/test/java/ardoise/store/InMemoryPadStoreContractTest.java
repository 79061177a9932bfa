package ardoise.store;

/**
 * The read-only id contract against {@link InMemoryPadStore} (one store plays both instances).
 * (The full {@link PadStoreContract} is not run here: the in-memory store predates it and differs
 * on SeqNotNewException and createdAt.)
 */
class InMemoryPadStoreContractTest implements ReadOnlyIdContract {
  private final InMemoryPadStore store = new InMemoryPadStore();

  @Override public PadStore storeUnderTest() { return store; }
  @Override public PadStore secondInstance() { return store; }
}
