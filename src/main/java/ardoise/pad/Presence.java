package ardoise.pad;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pad's member list as its members see it ({@code presence} frames, each listing every writer).
 *
 * <p>A join or a leave is sent at once: a member must be listed before its first op or cursor reaches
 * the others (a page draws the caret of members it knows only). A profile change is paced: one
 * presence frame costs every member a frame as long as the list, so members renaming themselves in a
 * loop would cost the pad members² bytes per change. A change goes out at once when the last frame
 * left at least {@code intervalMillis} ago; otherwise one frame leaves when that interval ends, with
 * everyone's latest profile. Any frame carries the latest state, so a join or leave in the meantime
 * takes the place of the one due.
 *
 * <p>Thread rule: pad context only.
 */
final class Presence {
  private final Map<Member, Seat> members;
  private final Vertx vertx;
  private final long intervalNanos;
  private long lastSent;
  private long timer = -1;

  Presence(Map<Member, Seat> members, Vertx vertx, long intervalMillis) {
    this.members = members;
    this.vertx = vertx;
    this.intervalNanos = intervalMillis * 1_000_000;
    this.lastSent = System.nanoTime() - intervalNanos;
  }

  /** Someone joined or left: every member gets the list now. */
  void sendNow() {
    cancelTimer();
    broadcast();
  }

  /** A member's profile changed: the list leaves now, or once the interval since the last one ends. */
  void changed() {
    if (timer != -1) return; // a frame is due: it will carry this change too
    long wait = lastSent + intervalNanos - System.nanoTime();
    if (wait <= 0) {
      broadcast();
      return;
    }
    timer = vertx.setTimer(Math.max(1, (wait + 999_999) / 1_000_000), id -> {
      timer = -1;
      broadcast();
    });
  }

  /** Stops the timer (the pad closes). */
  void close() {
    cancelTimer();
  }

  private void cancelTimer() {
    if (timer != -1) vertx.cancelTimer(timer);
    timer = -1;
  }

  private void broadcast() {
    lastSent = System.nanoTime();
    List<MemberInfo> list = new ArrayList<>(members.size());
    int viewers = 0;
    for (Seat seat : members.values()) {
      if (seat.viewer) viewers++;
      else list.add(seat.info());
    }
    List<MemberInfo> writers = List.copyOf(list);
    int viewerCount = viewers;
    Seat.tellAll(members.values(), m -> m.presence(writers, viewerCount));
  }
}
