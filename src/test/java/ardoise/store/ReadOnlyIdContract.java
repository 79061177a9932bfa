package ardoise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static String pad() {
    return "ro-" + UUID.randomUUID();
  }

  @Test
  default void theFirstCandidateIsKeptForever() throws Exception {
    String pad = pad();
    assertEquals("first-candidate-0001", get(storeUnderTest().readOnlyId(pad, "first-candidate-0001")));
    assertEquals("first-candidate-0001", get(storeUnderTest().readOnlyId(pad, "second-candidate-002")));
    assertEquals("first-candidate-0001", get(secondInstance().readOnlyId(pad, "third-candidate-0003")));
  }

  @Test
  default void racingCallersOnTwoInstancesGetOneId() throws Exception {
    String pad = pad();
    Future<String> a = storeUnderTest().readOnlyId(pad, "candidate-aaaaaaaaaa");
    Future<String> b = secondInstance().readOnlyId(pad, "candidate-bbbbbbbbbb");
    String winner = get(a);
    assertEquals(winner, get(b));
    assertEquals(pad, get(storeUnderTest().padOfReadOnlyId(winner)));
    String loser = winner.endsWith("a") ? "candidate-bbbbbbbbbb" : "candidate-aaaaaaaaaa";
    assertNull(get(storeUnderTest().padOfReadOnlyId(loser)), "the losing candidate opens nothing");
  }

  @Test
  default void theIdResolvesBackToItsPadAndUnknownIdsToNull() throws Exception {
    String pad = pad();
    String id = get(storeUnderTest().readOnlyId(pad, "resolve-" + UUID.randomUUID().toString().substring(0, 12)));
    assertEquals(pad, get(storeUnderTest().padOfReadOnlyId(id)));
    assertEquals(pad, get(secondInstance().padOfReadOnlyId(id)));
    assertNull(get(storeUnderTest().padOfReadOnlyId("never-handed-out-0000")));
  }

  @Test
  default void makingAnIdDoesNotWriteThePad() throws Exception {
    String pad = pad();
    get(storeUnderTest().readOnlyId(pad, "not-a-write-00000000"));
    assertNull(get(storeUnderTest().load(pad)), "a pad with only a read-only id was never written");
  }
}
