package ardoise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read-only id part of the {@link PadStore} conformance suite ({@link PadStoreContract}
 * implements it, so every store runs it): created once for a written pad, the same for racing
 * callers and for another instance, resolvable back to its pad; a pad never written gets none.
 */
interface ReadOnlyIdContract {

  /** The store under test. */
  PadStore storeUnderTest();

  /** Another instance on the same data (or the same store). */
  PadStore secondInstance();

  /** A pad with one revision: only written pads have a read-only id. */
  private String pad() throws Exception {
    String pad = "ro-" + UUID.randomUUID();
    storeUnderTest().append(pad, 0, OpRecords.inserts(0, 0, "alice", 1, "a")).await();
    return pad;
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
  default void aPadNeverWrittenGetsNoIdAndStaysUnwritten() throws Exception {
    String pad = "ro-" + UUID.randomUUID();
    assertNull(storeUnderTest().readOnlyId(pad, "not-a-write-00000000").await(), "no id before the first edit");
    assertNull(storeUnderTest().padOfReadOnlyId("not-a-write-00000000").await(), "the candidate was not stored");
    assertNull(storeUnderTest().load(pad).await(), "asking for an id did not write the pad");
    storeUnderTest().append(pad, 0, OpRecords.inserts(0, 0, "alice", 1, "a")).await();
    assertEquals("after-a-write-000000", storeUnderTest().readOnlyId(pad, "after-a-write-000000").await());
  }
}
