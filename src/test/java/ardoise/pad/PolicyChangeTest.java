package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.InMemoryPadStore;
import ardoise.store.PadLifetime;
import ardoise.store.PadPolicy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An owner's decision reaches an open pad twice on the instance that took it: applied by that
 * instance, then read again after the store's notice. Members are told once per change.
 */
class PolicyChangeTest {
  private final PadContext pads = new PadContext();

  @AfterEach
  void close() {
    pads.close();
  }

  @Test
  void theSameDecisionAppliedTwiceIsToldOnce() throws Exception {
    PadRegistry registry = pads.on(() -> new PadRegistry(new InMemoryPadStore(), PadContext.settings(1000, 10, 1000, 60_000), pads.context));
    Pad pad = pads.load(registry, "verrou");
    RecordingMember alice = new RecordingMember("member-alice");
    pads.on(() -> pad.join(alice.arrival(), 0L));
    assertEquals("joined 0", alice.next());

    PadPolicy locked = PadPolicy.OPEN.withLocked(true);
    pads.on(() -> {
      pad.applyPolicy(locked, PadLifetime.FOREVER);
      pad.applyPolicy(locked, PadLifetime.FOREVER); // the notice of the same change
      pad.applyPolicy(PadPolicy.OPEN, PadLifetime.FOREVER);
      return null;
    });
    assertEquals("locked", alice.nextPolicy());
    assertEquals("open", alice.nextPolicy());
    assertEquals(List.of(), alice.policiesLeft());
  }
}
