package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.InMemoryPadStore;
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
    PadRegistry registry = on(() -> new PadRegistry(new InMemoryPadStore(), settings, context));
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

  @Test
  void theLatestProfileIsStoredOncePerIntervalAndWhenItsMemberLeaves() {
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
}
