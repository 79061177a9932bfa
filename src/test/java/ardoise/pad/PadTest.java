package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.ForwardingPadStore;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.store.Snapshot;
import ardoise.testing.Eventually;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sequencer without sockets: group commit, the bounded backlog, idle unload. */
class PadTest {
  private final PadContext pads = new PadContext();
  private final Context context = pads.context;

  @AfterEach
  void close() {
    pads.close();
  }

  /** Counts appends; the first one waits for {@link #release}. */
  static final class SlowFirstAppend extends ForwardingPadStore {
    final List<Integer> batchSizes = new ArrayList<>();
    final Promise<Void> gate = Promise.promise();

    SlowFirstAppend() {
      super(new InMemoryPadStore());
    }

    @Override
    public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
      batchSizes.add(records.size());
      if (batchSizes.size() == 1) return gate.future().compose(v -> delegate.append(padId, expectedHead, records));
      return delegate.append(padId, expectedHead, records);
    }
  }

  private <T> T on(Supplier<T> action) {
    return pads.on(action);
  }

  private Pad load(PadRegistry registry, String padId) {
    return pads.load(registry, padId);
  }

  private static TextOperation insertAt(int at, int length, String text) {
    return TextOperation.builder().retain(at).insert(text).retain(length - at).build();
  }

  @Test
  void opsArrivingDuringAnAppendGoInOneBatch() throws Exception {
    SlowFirstAppend store = new SlowFirstAppend();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 60_000), context));
    Pad pad = load(registry, "batch");
    List<RecordingMember> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordingMember m = new RecordingMember("member-" + i);
      members.add(m);
      on(() -> pad.join(m.arrival(), 0L));
      assertEquals("joined 0", m.next());
    }
    for (RecordingMember m : members) on(() -> { pad.submit(m, 0, 1, insertAt(0, 0, "x")); return null; });
    on(() -> { store.gate.complete(); return null; });
    for (int i = 0; i < 5; i++) {
      RecordingMember m = members.get(i);
      for (int rev = 1; rev <= 5; rev++) assertEquals(rev == i + 1 ? "ack 1 " + rev : "op " + rev, m.next());
    }
    assertEquals(List.of(1, 4), on(() -> List.copyOf(store.batchSizes)));
  }

  @Test
  void backlogIsBoundedWhileTheStoreFails() throws Exception {
    InMemoryPadStore store = new InMemoryPadStore();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 60_000, 100, 3, 10, 20_000), context));
    Pad pad = load(registry, "backlog");
    store.setAvailable(false);
    List<RecordingMember> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      RecordingMember m = new RecordingMember("member-" + i);
      members.add(m);
      on(() -> pad.join(m.arrival(), 0L));
      m.next();
    }
    for (RecordingMember m : members) on(() -> { pad.submit(m, 0, 1, insertAt(0, 0, "y")); return null; });
    assertEquals("rejected STORE_UNAVAILABLE 1", members.get(3).next());
    store.setAvailable(true);
    assertEquals("ack 1 1", members.get(0).next()); // the retry stores the kept ops
    assertEquals(3L, waitForHead(pad, 3)); // the three kept ops, none lost, none twice
  }

  private long waitForHead(Pad pad, long head) {
    Eventually.until("the pad reaches revision " + head, () -> on(pad::head) >= head);
    return on(pad::head);
  }

  @Test
  void idlePadIsUnloadedWithASnapshot() throws Exception {
    InMemoryPadStore store = new InMemoryPadStore();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 20), context));
    RecordingMember m = new RecordingMember("member-idle");
    // Loaded and joined in one task: with a 20 ms idle timeout, a join in a later task could find the
    // pad already unloaded on a busy machine.
    Pad pad = pads.onFuture(() -> registry.pad("idle").compose(p -> p.join(m.arrival(), null).map(joined -> p)));
    m.next();
    on(() -> { pad.submit(m, 0, 1, insertAt(0, 0, "z")); return null; });
    assertEquals("ack 1 1", m.next());
    on(() -> { pad.leave(m); return null; });
    Eventually.until("the idle pad is unloaded", () -> on(registry::loadedCount) == 0);
    Snapshot snap = Eventually.first("a snapshot of the unloaded pad", () -> store.snapshotAtOrBefore("idle", 9).await(),
        s -> s.rev() > 0);
    assertEquals("z", snap.doc().text());
    Pad again = load(registry, "idle");
    assertTrue(again != pad, "a fresh pad is loaded after the unload");
    assertEquals(1L, (long) on(again::head));
  }

  @Test
  void headMovedByAnotherInstanceIsLoadedBroadcastAndTheQueuedOpRebased() throws Exception {
    SlowFirstAppend store = new SlowFirstAppend();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 60_000), context));
    Pad pad = load(registry, "moved");
    RecordingMember a = new RecordingMember("member-a");
    on(() -> pad.join(a.arrival(), 0L));
    assertEquals("joined 0", a.next());
    on(() -> { pad.submit(a, 0, 1, insertAt(0, 0, "a")); return null; }); // in flight, held by the gate
    OpRecord foreign = new OpRecord(1, TextOperation.builder().insert("F", "other").build(), "other-instance", 1, "other", 1);
    assertEquals(new AppendResult(true, 1), store.delegate().append("moved", 0, List.of(foreign)).await());
    on(() -> { store.gate.complete(); return null; });
    assertEquals("op 1", a.next()); // the other instance's revision, loaded from the store
    assertEquals("ack 1 2", a.next()); // then ours, rebased onto it
    RecordingMember late = new RecordingMember("member-late");
    on(() -> pad.join(late.arrival(), null));
    assertEquals("joined 2 text=aF", late.next()); // the queued insert goes first at equal positions
  }

  @Test
  void opsDroppedByAConflictCloseTheirAuthorAndTheEmptiedPadUnloads() throws Exception {
    SlowFirstAppend store = new SlowFirstAppend();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 20), context));
    RecordingMember a = new RecordingMember("member-a");
    Pad pad = pads.onFuture(() -> registry.pad("conflict").compose(p -> p.join(a.arrival(), 0L).map(joined -> p)));
    assertEquals("joined 0", a.next());
    on(() -> { pad.submit(a, 0, 1, insertAt(0, 0, "a")); return null; }); // in flight, held by the gate
    // Another server committed someone's op, then this one (same clientId and seq): the tab had
    // resent it there. The queued copy cannot be rebased over itself, so the queue is dropped.
    OpRecord other = new OpRecord(1, TextOperation.builder().insert("F", "other").build(), "other-client", 1, "other", 1);
    OpRecord same = new OpRecord(2, insertAt(1, 1, "a"), "member-a", 1, "member-a", 2);
    assertEquals(new AppendResult(true, 2), store.delegate().append("conflict", 0, List.of(other, same)).await());
    on(() -> { store.gate.complete(); return null; });
    assertEquals("op 1", a.next());
    assertEquals("ack 1 2", a.next());
    assertEquals("evicted SERVER_ERROR", a.next()); // told to reconnect and resend what it has not seen acked
    Eventually.until("the pad left without members is unloaded", () -> on(registry::loadedCount) == 0);
  }

  @Test
  void snapshotIsSavedEveryNOps() throws Exception {
    InMemoryPadStore store = new InMemoryPadStore();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 2, 60_000), context));
    Pad pad = load(registry, "snap");
    RecordingMember m = new RecordingMember("member-snap");
    on(() -> pad.join(m.arrival(), 0L));
    m.next();
    for (int seq = 1; seq <= 3; seq++) {
      int s = seq;
      on(() -> { pad.submit(m, s - 1, s, insertAt(s - 1, s - 1, "" + s)); return null; });
      assertEquals("ack " + s + " " + s, m.next());
    }
    Snapshot snap = store.snapshotAtOrBefore("snap", 3).await();
    assertEquals(2, snap.rev());
    assertEquals("12", snap.doc().text());
  }

  @Test
  void aLongPadIsSnapshotLessOftenSoThatNoKeystrokePaysForItsLength() throws Exception {
    InMemoryPadStore store = new InMemoryPadStore();
    String text = "x".repeat(10 * ardoise.store.SnapshotPolicy.CHARS_PER_REVISION - 1);
    store.append("long", 0, ardoise.store.OpRecords.inserts(0, 0, "importer", 1, text)).await();
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(100_000, 10, 2, 60_000), context));
    Pad pad = load(registry, "long");
    RecordingMember m = new RecordingMember("member-long");
    on(() -> pad.join(m.arrival(), 1L));
    m.next();
    for (int seq = 1; seq <= 9; seq++) {
      int s = seq;
      on(() -> { pad.submit(m, s, s, insertAt(text.length() + s - 1, text.length() + s - 1, "" + s)); return null; });
      assertEquals("ack " + s + " " + (s + 1), m.next());
      if (s < 9) assertEquals(0, store.snapshotAtOrBefore("long", s + 1).await().rev(), "no snapshot at rev " + (s + 1));
    }
    // 2,560 code units: a snapshot every 10 revisions, not every 2.
    assertEquals(10, store.snapshotAtOrBefore("long", 10).await().rev());
  }

  @Test
  void revisionsOutsideTheWindowAreReadFromTheStore() throws Exception {
    InMemoryPadStore store = new InMemoryPadStore();
    // A window of 2 revisions (trimmed at 4): older ones must come from the store.
    PadRegistry registry = on(() -> new PadRegistry(store, PadContext.settings(1000, 10, 1000, 60_000, 2, 100, 10, 20_000), context));
    Pad pad = load(registry, "window");
    RecordingMember writer = new RecordingMember("member-writer");
    on(() -> pad.join(writer.arrival(), 0L));
    writer.next();
    for (int seq = 1; seq <= 6; seq++) {
      int s = seq;
      on(() -> { pad.submit(writer, s - 1, s, insertAt(s - 1, s - 1, "" + s)); return null; });
      assertEquals("ack " + s + " " + s, writer.next());
    }
    RecordingMember late = new RecordingMember("member-late");
    on(() -> pad.join(late.arrival(), 0L)); // replay of all six, mostly from the store
    assertEquals("joined 0", late.next());
    for (int rev = 1; rev <= 6; rev++) assertEquals("op " + rev, late.next());
    on(() -> { pad.submit(late, 1, 1, insertAt(0, 1, "L")); return null; }); // made on rev 1: rebased over 5 revisions
    assertEquals("ack 1 7", late.next());
    on(() -> { pad.submit(writer, 0, 1, insertAt(0, 0, "1")); return null; }); // an old seq: its rev is searched in the store
    assertEquals("op 7", writer.next());
    assertEquals("ack 1 1", writer.next());
    RecordingMember check = new RecordingMember("member-check");
    on(() -> pad.join(check.arrival(), null));
    assertEquals("joined 7 text=L123456", check.next());
  }
}
