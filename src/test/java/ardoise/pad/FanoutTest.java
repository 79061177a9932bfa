package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.ForwardingPadStore;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pad's paced fan-out: one flush per append to every member, cursors held and moved to the head. */
class FanoutTest {
  private final PadContext pads = new PadContext();

  @AfterEach
  void close() {
    pads.close();
  }

  /** Counts the ops of each append. */
  static final class CountingStore extends ForwardingPadStore {
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    CountingStore() {
      super(new InMemoryPadStore());
    }

    @Override
    public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
      batchSizes.add(records.size());
      return delegate.append(padId, expectedHead, records);
    }
  }

  private <T> T on(Supplier<T> action) {
    return pads.on(action);
  }

  /** What the pad reports of its commits' timings. */
  static final class RecordingTimings implements CommitTimings {
    final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
    final List<Long> flushes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void appendStarted(long oldestWaitNanos) {
      waits.add(oldestWaitNanos);
    }

    @Override
    public void flushed(long nanos) {
      flushes.add(nanos);
    }
  }

  private Pad pad(CountingStore store, long nanosPerMember) throws Exception {
    return pad(store, nanosPerMember, CommitTimings.NONE);
  }

  private Pad pad(CountingStore store, long nanosPerMember, CommitTimings timings) throws Exception {
    PadRegistry registry = on(() -> new PadRegistry(store,
        PadContext.settings(1000, 10, 1000, 60_000, 100, 100, 100, nanosPerMember), pads.context));
    on(() -> { registry.commitTimings(timings); return null; });
    return pads.load(registry, "fanout");
  }

  private List<RecordingMember> join(Pad pad, String... ids) throws Exception {
    List<RecordingMember> members = new ArrayList<>();
    for (String id : ids) {
      RecordingMember m = new RecordingMember(id);
      on(() -> pad.join(m.arrival(), 0L));
      assertEquals("joined 0", m.next());
      members.add(m);
    }
    return members;
  }

  private static TextOperation insertAt(int at, int length, String text) {
    return TextOperation.builder().retain(at).insert(text).retain(length - at).build();
  }

  @Test
  void opsArrivingWithinTheIntervalGoOutInOneAppendAndOneFlushPerMember() throws Exception {
    CountingStore store = new CountingStore();
    Pad pad = pad(store, 5_000_000); // 3 members: 15 ms between two appends
    List<RecordingMember> m = join(pad, "member-a", "member-b", "member-c");
    on(() -> { pad.submit(m.get(0), 0, 1, insertAt(0, 0, "a")); return null; }); // nothing before it: at once
    for (RecordingMember f : m) assertEquals("revs [1] cursors [] at 1", f.nextFlush());
    on(() -> { // three ops within the interval: they wait for it, then go together
      pad.submit(m.get(0), 1, 2, insertAt(1, 1, "A"));
      pad.submit(m.get(1), 1, 1, insertAt(0, 1, "b"));
      pad.submit(m.get(2), 1, 1, insertAt(0, 1, "c"));
      return null;
    });
    for (RecordingMember f : m) assertEquals("revs [2, 3, 4] cursors [] at 4", f.nextFlush());
    assertEquals(List.of(1, 3), List.copyOf(store.batchSizes));
  }

  @Test
  void eachAppendReportsHowLongItsOldestOpWaitedAndEachFlushItsDuration() throws Exception {
    CountingStore store = new CountingStore();
    RecordingTimings timings = new RecordingTimings();
    Pad pad = pad(store, 5_000_000, timings);
    List<RecordingMember> m = join(pad, "member-a", "member-b", "member-c");
    on(() -> { pad.submit(m.get(0), 0, 1, insertAt(0, 0, "a")); return null; });
    for (RecordingMember f : m) assertEquals("revs [1] cursors [] at 1", f.nextFlush());
    on(() -> { // within the interval: they wait for the pace's timer, at least a millisecond
      pad.submit(m.get(1), 1, 1, insertAt(0, 1, "b"));
      pad.submit(m.get(2), 1, 1, insertAt(0, 1, "c"));
      return null;
    });
    for (RecordingMember f : m) assertEquals("revs [2, 3] cursors [] at 3", f.nextFlush());
    assertEquals(List.of(1, 2), List.copyOf(store.batchSizes));
    // Read on the pad's loop: a member hears a flush before the pad records its duration.
    List<Long> waits = on(() -> List.copyOf(timings.waits));
    List<Long> flushes = on(() -> List.copyOf(timings.flushes));
    assertEquals(2, waits.size(), "one per append");
    assertTrue(waits.get(0) >= 0, "the first op had nothing to wait for: " + waits);
    assertTrue(waits.get(1) >= 1_000_000, "the paced append's oldest op waited for the timer: " + waits);
    assertEquals(2, flushes.size(), "one per flush");
    assertTrue(flushes.stream().allMatch(n -> n >= 0), flushes.toString());
  }

  @Test
  void aMembersLatestCursorWaitsForTheCommitAndIsMovedPastIt() throws Exception {
    CountingStore store = new CountingStore();
    Pad pad = pad(store, 5_000_000);
    List<RecordingMember> m = join(pad, "member-a", "member-b", "member-c");
    on(() -> { pad.submit(m.get(0), 0, 1, insertAt(0, 0, "abc")); return null; });
    for (RecordingMember f : m) assertEquals("revs [1] cursors [] at 1", f.nextFlush());
    on(() -> {
      pad.submit(m.get(0), 1, 2, insertAt(0, 3, "XY")); // waits for the interval
      pad.cursor(m.get(1), 1, 1, 1);
      pad.cursor(m.get(1), 1, 2, 3); // replaces the first: only the latest is relayed
      return null;
    });
    for (RecordingMember f : m) assertEquals("revs [2] cursors [member-b:4-5] at 2", f.nextFlush());
  }

  @Test
  void aCursorWithNoCommitComingLeavesWithinAnInterval() throws Exception {
    CountingStore store = new CountingStore();
    Pad pad = pad(store, 5_000_000);
    List<RecordingMember> m = join(pad, "member-a", "member-b");
    on(() -> { pad.cursor(m.get(0), 0, 0, 0); return null; });
    for (RecordingMember f : m) assertEquals("revs [] cursors [member-a:0-0] at 0", f.nextFlush());
    on(() -> { pad.cursor(m.get(0), 0, 0, 0); return null; }); // within the interval: held, then sent
    for (RecordingMember f : m) assertEquals("revs [] cursors [member-a:0-0] at 0", f.nextFlush());
  }

  @Test
  void withoutPacingTheNextAppendStartsAtOnce() throws Exception {
    CountingStore store = new CountingStore();
    Pad pad = pad(store, 0);
    List<RecordingMember> m = join(pad, "member-a", "member-b", "member-c");
    on(() -> { pad.submit(m.get(0), 0, 1, insertAt(0, 0, "a")); return null; });
    for (RecordingMember f : m) assertEquals("revs [1] cursors [] at 1", f.nextFlush());
    on(() -> { // the same three ops as above: the first leaves alone, the others in the next group commit
      pad.submit(m.get(0), 1, 2, insertAt(1, 1, "A"));
      pad.submit(m.get(1), 1, 1, insertAt(0, 1, "b"));
      pad.submit(m.get(2), 1, 1, insertAt(0, 1, "c"));
      return null;
    });
    for (RecordingMember f : m) assertEquals("revs [2] cursors [] at 2", f.nextFlush());
    for (RecordingMember f : m) assertEquals("revs [3, 4] cursors [] at 4", f.nextFlush());
    assertEquals(List.of(1, 1, 2), List.copyOf(store.batchSizes));
  }
}
