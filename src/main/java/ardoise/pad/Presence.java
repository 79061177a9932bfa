package ardoise.pad;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pad's member list as its members see it: a new member is told the whole list of writers, then
 * every member is told what changed ({@link PresenceChange}), so a join costs each member a frame as
 * long as one member's profile, not as long as the pad.
 *
 * <p>A join or a leave is sent at once: a member must be listed before its first op or cursor reaches
 * the others (a page draws the caret of members it knows only). A profile change is paced: each
 * change costs every member a frame, so members renaming themselves in a loop would cost the pad a
 * frame per member and rename. A change goes out at once when the last frame left at least
 * {@code intervalMillis} ago; otherwise one frame leaves when that interval ends, with the latest
 * profile of everyone who changed meanwhile. Any frame carries everything that changed since the
 * previous one, so a join or leave in the meantime takes the place of the one due.
 *
 * <p>Thread rule: pad context only.
 */
final class Presence {
  private final Map<Member, Seat> members;
  private final Vertx vertx;
  private final long intervalNanos;
  private long lastSent;
  private long timer = -1;
  /** The writers and viewers as the members told so far know them. */
  private List<MemberInfo> told = List.of();
  private int toldViewers;

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
    List<Seat> knowing = new ArrayList<>(members.size());
    List<Seat> arrived = new ArrayList<>();
    for (Seat seat : members.values()) {
      if (seat.viewer) viewers++;
      else list.add(seat.info());
      (seat.toldPresence ? knowing : arrived).add(seat);
    }
    List<MemberInfo> writers = List.copyOf(list);
    int viewerCount = viewers;
    PresenceChange change = PresenceChange.between(told, writers, viewerCount);
    if (!change.isEmpty(toldViewers)) Seat.tellAll(knowing, m -> m.presenceChanged(change, writers));
    for (Seat seat : arrived) seat.toldPresence = true;
    Seat.tellAll(arrived, m -> m.presence(writers, viewerCount));
    told = writers;
    toldViewers = viewerCount;
  }
}
