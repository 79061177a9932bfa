package ardoise.pad;

import ardoise.store.OpRecord;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A pad's outgoing side: committed revisions and relayed cursors leave in flushes
 * ({@link Broadcast}), one call per member and flush.
 *
 * <p>Why paced: a flush costs one frame per member, so a pad of N members where everyone types
 * would cost N frames per op, N² in all. Instead, two appends of the pad start at least
 * {@link #interval()} = members × {@code nanosPerMember} apart (the sequencer asks
 * {@link #appendDelay}); ops arriving meanwhile join the next group commit, so a busy pad sends
 * bigger flushes, not more of them: at most 1 / {@code nanosPerMember} frames per second per pad
 * whatever its size. A pad with few members, or a quiet one, waits for nothing.
 *
 * <p>Cursors are ephemeral: only each member's latest selection is kept until the next flush, which
 * carries it after its revisions, moved to its head. With a commit on the way, they wait for it
 * (a timer sends them anyway if it does not come); otherwise they leave within one interval.
 *
 * <p>Thread rule: pad context only.
 */
final class Fanout {
  private static final long MAX_INTERVAL_NANOS = 25_000_000;
  private static final long MILLI = 1_000_000;

  private final Map<Member, Seat> members;
  private final CommitWindow window;
  private final Vertx vertx;
  private final long nanosPerMember;
  private final BooleanSupplier commitComing;
  private final CommitTimings timings;
  private final Map<Seat, Held> cursors = new LinkedHashMap<>();
  private long lastFlush = System.nanoTime() - MAX_INTERVAL_NANOS;
  private long lastAppend = lastFlush;
  private long timer = -1;

  private record Held(long rev, int anchor, int head) {}

  /** {@code commitComing}: true while ops wait for or are in an append (its flush will follow). */
  Fanout(Map<Member, Seat> members, CommitWindow window, Vertx vertx, long nanosPerMember, BooleanSupplier commitComing,
      CommitTimings timings) {
    this.members = members;
    this.window = window;
    this.vertx = vertx;
    this.nanosPerMember = nanosPerMember;
    this.commitComing = commitComing;
    this.timings = timings;
  }

  /** The least time between two flushes (and two appends) of this pad now. */
  long interval() {
    return Math.min(MAX_INTERVAL_NANOS, members.size() * nanosPerMember);
  }

  /** Nanoseconds before the next append may start (0: now). */
  long appendDelay(long now) {
    return Math.max(0, lastAppend + interval() - now);
  }

  void appendStarted(long now) {
    lastAppend = now;
  }

  /** Revisions just committed (in order): sent now, with the cursors held so far. */
  void committed(List<OpRecord> records) {
    flush(records);
  }

  /** {@code from}'s selection on {@code rev} (at most the head): sent with the next flush. */
  void cursor(Seat from, long rev, int anchor, int head) {
    cursors.put(from, new Held(rev, anchor, head));
    if (timer != -1) return;
    long wait = lastFlush + interval() - System.nanoTime();
    if (commitComing.getAsBoolean()) wait = Math.max(wait, 0) + 2 * interval() + MILLI; // a fallback only
    if (wait < MILLI) {
      flush(List.of());
      return;
    }
    timer = vertx.setTimer(wait / MILLI, id -> {
      timer = -1;
      flush(List.of());
    });
  }

  /** Stops the timer (the pad closes). */
  void close() {
    if (timer != -1) vertx.cancelTimer(timer);
    timer = -1;
    cursors.clear();
  }

  private void flush(List<OpRecord> records) {
    List<Broadcast.Cursor> moved = placeCursors();
    if (records.isEmpty() && moved.isEmpty()) return;
    Broadcast flush = new Broadcast(records, moved, window.head());
    lastFlush = System.nanoTime();
    Seat.tellAll(members.values(), m -> m.broadcast(flush));
    timings.flushed(System.nanoTime() - lastFlush);
  }

  /** The held cursors of members still here, moved to the head; older than the window, dropped. */
  private List<Broadcast.Cursor> placeCursors() {
    if (cursors.isEmpty()) return List.of();
    List<Broadcast.Cursor> placed = new ArrayList<>(cursors.size());
    for (Map.Entry<Seat, Held> e : cursors.entrySet()) {
      Held c = e.getValue();
      Seat seat = e.getKey();
      if (members.get(seat.member) != seat || c.rev() < window.windowStart()) continue;
      int anchor = c.anchor();
      int head = c.head();
      for (OpRecord r : window.tailFrom(c.rev())) {
        anchor = r.op().transformIndex(anchor);
        head = r.op().transformIndex(head);
      }
      placed.add(new Broadcast.Cursor(seat.clientId(), anchor, head));
    }
    cursors.clear();
    return placed;
  }
}
