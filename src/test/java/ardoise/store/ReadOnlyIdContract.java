package ardoise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read-only id part of the {@link PadStore} conformance suite ({@link PadStoreContract}
 * implements it, so every store runs it): created once, the same for racing callers and for
 * another instance, resolvable back to its pad, and no pad is written by it.
 */
interface ReadOnlyIdContract {

  /** The store under test. */
  PadStore storeUnderTest();

  /** Another instance on the same data (or the same store). */
  PadStore secondInstance();

  private static String pad() {
    return "ro-" + UUID.randomUUID();
  }

  @Test
  default void theFirstCandidateIsKeptForever() throws Exception {
    String pad = pad();
    assertEquals("first-candidate-0001", storeUnderTest().readOnlyId(pad, "first-candidate-0001").await());
    assertEquals("first-candidate-0001", storeUnderTest().readOnlyId(pad, "second-candidate-002").await());
    assertEquals("first-candidate-0001", secondInstance().readOnlyId(pad, "third-candidate-0003").await());
  }

  @Test
  default void racingCallersOnTwoInstancesGetOneId() throws Exception {
    String pad = pad();
    Future<String> a = storeUnderTest().readOnlyId(pad, "candidate-aaaaaaaaaa");
    Future<String> b = secondInstance().readOnlyId(pad, "candidate-bbbbbbbbbb");
    String winner = a.await();
    assertEquals(winner, b.await());
    assertEquals(pad, storeUnderTest().padOfReadOnlyId(winner).await());
    String loser = winner.endsWith("a") ? "candidate-bbbbbbbbbb" : "candidate-aaaaaaaaaa";
    assertNull(storeUnderTest().padOfReadOnlyId(loser).await(), "the losing candidate opens nothing");
  }

  @Test
  default void theIdResolvesBackToItsPadAndUnknownIdsToNull() throws Exception {
    String pad = pad();
    String id = storeUnderTest().readOnlyId(pad, "resolve-" + UUID.randomUUID().toString().substring(0, 12)).await();
    assertEquals(pad, storeUnderTest().padOfReadOnlyId(id).await());
    assertEquals(pad, secondInstance().padOfReadOnlyId(id).await());
    assertNull(storeUnderTest().padOfReadOnlyId("never-handed-out-0000").await());
  }

  @Test
  default void makingAnIdDoesNotWriteThePad() throws Exception {
    String pad = pad();
    storeUnderTest().readOnlyId(pad, "not-a-write-00000000").await();
    assertNull(storeUnderTest().load(pad).await(), "a pad with only a read-only id was never written");
  }
}
