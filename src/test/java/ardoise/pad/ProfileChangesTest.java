package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecords;
import ardoise.testing.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Profile changes in a pad whose pacing intervals are long (a minute): changes within an interval go
 * out in one member list and one store write, always the latest profile, and nothing waits past a
 * join, a leave or the pad's close.
 */
class ProfileChangesTest {
  private static final long MINUTE = 60_000;
  private final PadContext pads = new PadContext();
  private final Context context = pads.context;
  private final List<String> written = new CopyOnWriteArrayList<>();
  private final InMemoryPadStore store = new InMemoryPadStore();

  @AfterEach
  void close() {
    pads.close();
  }

  private <T> T on(Supplier<T> action) {
    return pads.on(action);
  }

  private PadRegistry registry() {
    PadSettings base = PadContext.settings(1000, 10, 1000, MINUTE);
    PadSettings settings = new PadSettings(base.maxPadChars(), base.maxMembers(), base.snapshots(), base.idleUnloadMillis(),
        base.windowSize(), base.maxPendingOps(), base.maxBatch(), base.fanoutNanosPerMember(), base.chatKept(),
        base.maxViewers(), MINUTE, MINUTE);
    PadRegistry registry = on(() -> new PadRegistry(store, settings, context));
    on(() -> {
      registry.onMemberSeen((padId, info) -> {
        written.add(info.authorId() + "=" + info.name());
        return Future.succeededFuture();
      });
      return null;
    });
    return registry;
  }

  @Test
  void renamesWithinAnIntervalMakeOneMemberListWithTheLatestNames() {
    Pad pad = pads.load(registry(), "noms");
    RecordingMember alice = new RecordingMember("alice-00000000001");
    RecordingMember bruno = new RecordingMember("bruno-00000000001");
    on(() -> pad.join(alice.arrival(), 0L));
    on(() -> pad.join(bruno.arrival(), 0L));
    for (String name : List.of("A1", "A2", "A3")) on(() -> { pad.profileChanged(alice, name, "#009e73"); return null; });
    on(() -> pad.memberCount()); // the queued requests ran before this

    assertEquals(List.of("[alice-00000000001, bruno-00000000001] / 0"), bruno.presence(),
        "within the interval since the last list, renames wait");
    RecordingMember chloe = new RecordingMember("chloe-00000000001");
    on(() -> pad.join(chloe.arrival(), 0L));
    on(() -> pad.memberCount());
    assertEquals(List.of("[alice-00000000001, bruno-00000000001] / 0", "[A3, bruno-00000000001, chloe-00000000001] / 0"),
        bruno.presence(), "a join is sent at once, with the latest names: the renames take no frame of their own");
  }

  /** Gives {@code padId} one revision: profiles are stored only for a pad that has text. */
  private void written(String padId) {
    store.append(padId, 0, OpRecords.inserts(0, 0, "earlier", 1, "x")).await();
  }

  @Test
  void theLatestProfileIsStoredOncePerIntervalAndWhenItsMemberLeaves() {
    written("memoire");
    Pad pad = pads.load(registry(), "memoire");
    RecordingMember alice = new RecordingMember("alice-00000000002");
    on(() -> pad.join(alice.arrival(), 0L));
    for (String name : List.of("A1", "A2", "A3")) on(() -> { pad.profileChanged(alice, name, "#009e73"); return null; });
    on(() -> pad.memberCount());
    assertEquals(List.of("alice-00000000002=alice-00000000002"), written, "the join is written, the renames wait");

    on(() -> { pad.leave(alice); return null; });
    on(() -> pad.memberCount());
    assertEquals(List.of("alice-00000000002=alice-00000000002", "alice-00000000002=A3"), written,
        "leaving writes the latest name at once");
  }

  @Test
  void aClosingPadStoresWhatWaitsAndWaitsForIt() {
    PadRegistry registry = registry();
    Promise<Void> slowWrite = Promise.promise();
    on(() -> {
      registry.onMemberSeen((padId, info) -> {
        written.add(info.authorId() + "=" + info.name());
        return info.name().equals("B2") ? slowWrite.future() : Future.succeededFuture();
      });
      return null;
    });
    written("fermeture");
    Pad pad = pads.load(registry, "fermeture");
    RecordingMember bruno = new RecordingMember("bruno-00000000003");
    on(() -> pad.join(bruno.arrival(), 0L));
    for (String name : List.of("B1", "B2")) on(() -> { pad.profileChanged(bruno, name, "#009e73"); return null; });
    Future<Void> closing = on(() -> registry.closeAll(5000));
    on(() -> pad.memberCount());
    assertEquals(List.of("bruno-00000000003=bruno-00000000003", "bruno-00000000003=B2"), written);
    assertTrue(!closing.isComplete(), "the close waits for the profile's write");
    on(() -> slowWrite.tryComplete());
    pads.onFuture(() -> closing);
  }

  @Test
  void aPadNobodyWroteInStoresNoProfileUntilItsFirstRevision() {
    PadRegistry registry = registry();
    Pad pad = pads.load(registry, "vierge");
    RecordingMember passing = new RecordingMember("passing-000000001");
    RecordingMember writer = new RecordingMember("writer-0000000001");
    on(() -> pad.join(passing.arrival(), 0L));
    on(() -> { pad.profileChanged(passing, "Passant", "#009e73"); return null; });
    on(() -> { pad.leave(passing); return null; });
    on(() -> pad.join(writer.arrival(), 0L));
    on(() -> { pad.profileChanged(writer, "Wendy", "#d55e00"); return null; });
    on(() -> pad.memberCount());
    assertEquals(List.of(), written, "nothing is stored for a pad without a revision");

    on(() -> { pad.submit(writer, 0, 1, TextOperation.builder().insert("Bonjour").build()); return null; });
    Eventually.until("the first revision's author is stored", () -> !written.isEmpty());
    assertEquals(List.of("writer-0000000001=Wendy"), written,
        "the member present at the first revision is remembered with it; the visitor who left is not");
  }

  @Test
  void aPadClosedUnwrittenStoresNoProfile() {
    PadRegistry registry = registry();
    Pad pad = pads.load(registry, "fermee-vierge");
    RecordingMember visitor = new RecordingMember("visitor-00000001");
    on(() -> pad.join(visitor.arrival(), 0L));
    pads.onFuture(() -> registry.closeAll(5000));
    assertEquals(List.of(), written);
    assertEquals(java.util.Map.of(), store.notes().authors("fermee-vierge").await());
  }
}
