package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.store.InMemoryPadStore;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Read-only viewers in a pad: they get everything, are counted apart, and are nobody's author. */
class ViewersTest {
  private final PadContext pads = new PadContext();
  private final Context context = pads.context;

  @AfterEach
  void close() {
    pads.close();
  }

  private <T> T on(Supplier<T> action) {
    return pads.on(action);
  }

  @Test
  void viewersAreCountedNotListedAndNeverRememberedAsAuthors() throws Exception {
    PadRegistry registry = on(() -> new PadRegistry(new InMemoryPadStore(), PadContext.settings(1000, 10, 1000, 60_000), context));
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    on(() -> { registry.onMemberSeen((padId, info) -> {
      seen.add(info.name());
      return io.vertx.core.Future.succeededFuture();
    }); return null; });
    Pad pad = pads.load(registry, "vue");
    RecordingMember writer = new RecordingMember("writer-0000000001");
    RecordingMember viewer = new RecordingMember("viewer-0000000001", true);
    on(() -> pad.join(writer.arrival(), 0L));
    assertEquals("joined 0", writer.next());
    on(() -> pad.join(viewer.arrival(), 0L));
    assertEquals("joined 0", viewer.next());
    on(() -> pad.memberCount()); // the queued joins ran before this

    assertEquals(List.of("[writer-0000000001] / 0", "[writer-0000000001] / 1"), writer.presence());
    assertEquals(List.of("[writer-0000000001] / 1"), viewer.presence());
    assertEquals(List.of("writer-0000000001"), on(() -> pad.members().stream().map(MemberInfo::name).toList()));
    // Profiles are stored from the pad's first revision on (nothing is stored for a pad nobody wrote in).
    on(() -> { pad.submit(writer, 0, 1, ardoise.ot.TextOperation.builder().insert("x").build()); return null; });
    ardoise.testing.Eventually.until("the authors are remembered with the first revision", () -> !seen.isEmpty());
    assertEquals(List.of("writer-0000000001"), seen, "only the writer is remembered as an author");
  }

  /** Two writers and two viewers allowed: a crowd of viewers cannot take a writer's place, nor the reverse. */
  @Test
  void viewersAndWritersHaveLimitsOfTheirOwn() throws Exception {
    PadSettings base = PadContext.settings(1000, 2, 1000, 60_000);
    PadSettings settings = new PadSettings(base.maxPadChars(), 2, base.snapshots(), base.idleUnloadMillis(), base.windowSize(),
        base.maxPendingOps(), base.maxBatch(), base.fanoutNanosPerMember(), base.chatKept(), 2);
    PadRegistry registry = on(() -> new PadRegistry(new InMemoryPadStore(), settings, context));
    Pad pad = pads.load(registry, "foule");
    List<RecordingMember> viewers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) viewers.add(new RecordingMember("viewer-000000000" + i, true));
    for (RecordingMember v : viewers) on(() -> pad.join(v.arrival(), 0L));
    assertEquals("joined 0", viewers.get(0).next());
    assertEquals("joined 0", viewers.get(1).next());
    assertEquals("evicted TOO_MANY_CONNECTIONS", viewers.get(2).next(), "the third viewer is one too many");

    RecordingMember first = new RecordingMember("writer-0000000001");
    RecordingMember second = new RecordingMember("writer-0000000002");
    RecordingMember third = new RecordingMember("writer-0000000003");
    on(() -> pad.join(first.arrival(), 0L));
    on(() -> pad.join(second.arrival(), 0L));
    on(() -> pad.join(third.arrival(), 0L));
    assertEquals("joined 0", first.next(), "viewers filling their places leave the writers' free");
    assertEquals("joined 0", second.next());
    assertEquals("evicted TOO_MANY_CONNECTIONS", third.next());
  }
}
