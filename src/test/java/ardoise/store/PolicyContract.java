package ardoise.store;

import static ardoise.store.OpRecords.inserts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The owner's part of the {@link PadStore} conformance suite ({@link PadStoreContract} implements
 * it): a pad's policy is stored for pads written or not, seen by every instance, deleted with the
 * pad; a rotated read-only id stops opening the pad at once.
 */
public interface PolicyContract {

  PadStore storeUnderTest();

  PadStore secondInstance();

  private static String pad() {
    return "policy-" + UUID.randomUUID();
  }

  @Test
  default void aPadNobodyDecidedAnythingForIsOpen() throws Exception {
    assertEquals(PadPolicy.OPEN, storeUnderTest().policy(pad()).await());
  }

  @Test
  default void aPolicyIsStoredForAPadNotYetWrittenAndSeenByEveryInstance() throws Exception {
    String pad = pad();
    PadPolicy policy = new PadPolicy(true, "pbkdf2-sha256$100000$c2FsdA$aGFzaA", true, Duration.ofDays(3).toMillis());
    storeUnderTest().setPolicy(pad, policy).await();
    assertEquals(policy, storeUnderTest().policy(pad).await());
    assertEquals(policy, secondInstance().policy(pad).await());
    assertFalse(storeUnderTest().exists(pad).await(), "a policy does not make a pad exist");

    storeUnderTest().setPolicy(pad, policy.withLocked(false).withPasswordHash(null)).await();
    assertEquals(new PadPolicy(false, null, true, Duration.ofDays(3).toMillis()), storeUnderTest().policy(pad).await());
    storeUnderTest().setPolicy(pad, PadPolicy.OPEN).await();
    assertEquals(PadPolicy.OPEN, storeUnderTest().policy(pad).await());
  }

  @Test
  default void aLifetimeChosenBeforeTheFirstEditIsReported() throws Exception {
    String pad = pad();
    storeUnderTest().setPolicy(pad, PadPolicy.OPEN.withLifetimeMs(Duration.ofDays(7).toMillis())).await();
    PadLifetime lifetime = storeUnderTest().lifetime(pad).await();
    assertFalse(lifetime.written());
    assertEquals(Duration.ofDays(7).toMillis(), lifetime.lifetimeMs());
  }

  @Test
  default void theDeletionOfAPadTakesItsPolicy() throws Exception {
    String pad = pad();
    storeUnderTest().append(pad, 0, inserts(0, 0, "alice", 1, "texte")).await();
    storeUnderTest().setPolicy(pad, PadPolicy.OPEN.withLocked(true)).await();
    assertTrue(storeUnderTest().delete(pad, 3600).await());
    assertEquals(PadPolicy.OPEN, storeUnderTest().policy(pad).await());
  }

  @Test
  default void aRotatedReadOnlyIdStopsOpeningThePadAtOnce() throws Exception {
    PadStore store = storeUnderTest();
    String pad = pad();
    assertNull(store.rotateReadOnlyId(pad, "ABCDEFGHIJKLMNOPQRSTUV").await(), "a pad never written has no link");
    assertNull(store.storedReadOnlyId(pad).await());
    store.append(pad, 0, inserts(0, 0, "alice", 1, "texte")).await();
    String old = store.readOnlyId(pad, "old-" + UUID.randomUUID().toString().substring(0, 18)).await();
    String fresh = "new-" + UUID.randomUUID().toString().substring(0, 18);

    assertEquals(fresh, store.rotateReadOnlyId(pad, fresh).await());
    assertNotEquals(old, fresh);
    assertNull(store.padOfReadOnlyId(old).await(), "the old link opens nothing");
    assertNull(secondInstance().padOfReadOnlyId(old).await());
    assertFalse(store.wasDeletedReadOnlyId(old).await(), "an unknown link, not a deleted pad's");
    assertEquals(pad, store.padOfReadOnlyId(fresh).await());
    assertEquals(fresh, store.readOnlyId(pad, "other-" + UUID.randomUUID().toString().substring(0, 16)).await());
  }
}
