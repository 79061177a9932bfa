package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import io.vertx.core.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A loaded pad being deleted ({@link PadRegistry#erase}): its members are told, and nothing the pad
 * had in flight or would save on closing writes it again after the store deleted it.
 */
class PadErasureTest {
  private final PadContext pads = new PadContext();

  @AfterEach
  void close() {
    pads.close();
  }

  @Test
  void anAppendInFlightLandsBeforeTheDeletionNotAfter() throws Exception {
    PadTest.SlowFirstAppend store = new PadTest.SlowFirstAppend();
    // A snapshot every revision and one on close: neither may write the deleted pad again.
    PadRegistry registry = pads.on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1, 60_000), pads.context));
    Pad pad = pads.load(registry, "efface");
    RecordingMember alice = new RecordingMember("member-alice");
    RecordingMember viewer = new RecordingMember("member-viewer", true);
    pads.on(() -> pad.join(alice.arrival(), 0L));
    pads.on(() -> pad.join(viewer.arrival(), 0L));
    assertEquals("joined 0", alice.next());
    assertEquals("joined 0", viewer.next());
    pads.on(() -> { pad.submit(alice, 0, 1, TextOperation.builder().insert("Bonjour").build()); return null; });
    pads.on(() -> { pad.submit(alice, 0, 2, TextOperation.builder().insert("encore ").build()); return null; });

    Future<Boolean> deleted = pads.on(() -> registry.erase("efface", 3600));
    assertEquals("evicted PAD_DELETED", alice.next());
    assertEquals("evicted PAD_DELETED", viewer.next());
    assertFalse(pads.on(deleted::isComplete), "the deletion waits for the append in flight");

    pads.on(() -> { store.gate.complete(); return null; }); // the append reaches the store now
    assertTrue(deleted.await(), "something was stored: the append that landed");
    assertNull(store.delegate().load("efface").await(), "nothing written after the deletion");
    assertTrue(store.delegate().wasDeleted("efface").await());
    assertEquals(1, store.batchSizes.size(), "the queued second op was dropped, not appended");
  }

  @Test
  void theNameThenOpensAFreshEmptyPad() throws Exception {
    PadTest.SlowFirstAppend store = new PadTest.SlowFirstAppend();
    pads.on(() -> { store.gate.complete(); return null; });
    PadRegistry registry = pads.on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 60_000), pads.context));
    Pad pad = pads.load(registry, "reprise");
    RecordingMember alice = new RecordingMember("member-alice");
    pads.on(() -> pad.join(alice.arrival(), 0L));
    assertEquals("joined 0", alice.next());
    pads.on(() -> { pad.submit(alice, 0, 1, TextOperation.builder().insert("ancien").build()); return null; });
    assertEquals("ack 1 1", alice.next());

    assertTrue(pads.onFuture(() -> registry.erase("reprise", 3600)));
    Pad fresh = pads.load(registry, "reprise");
    assertNotSame(pad, fresh);
    assertEquals(0L, (long) pads.on(fresh::head));
    assertFalse(pads.onFuture(() -> registry.erase("reprise", 3600)), "a fresh pad never written has nothing stored");
  }
}
