package ardoise.pad;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A member as its pad holds it: the connection, its profile (the one source of truth: the pad
 * changes it, connections never keep a copy the pad reads), and the loop it lives on.
 *
 * <p>Messages reach a member on its own context: directly when it lives on the pad's loop, else
 * as a task on its context. Tasks on one context run in the order they were queued, so a member
 * sees the pad's messages in the pad's order. A flush for every member costs one task per other
 * loop, not one per member ({@link #tellAll}).
 *
 * <p>Thread rule: pad context only.
 */
final class Seat {
  final Member member;
  final boolean viewer;
  /** The colour the browser proposes when the person chose none (see {@link Palette}); may be null. */
  final String preferredColor;
  /** The client address (the budget of wrong passwords) and the read-only id it came through (nullable). */
  final String address;
  final String readOnlyId;
  private final Context home;
  private MemberInfo info;
  /** This connection gave the pad's edit password (it is not kept, only the fact). */
  boolean unlocked;
  /** This member was told the member list: it is told changes from now on ({@link Presence}). */
  boolean toldPresence;

  Seat(Arrival arrival) {
    this.member = arrival.member();
    this.info = arrival.info();
    this.viewer = arrival.viewer();
    this.preferredColor = arrival.preferredColor();
    this.home = arrival.home();
    this.address = arrival.address();
    this.readOnlyId = arrival.readOnlyId();
  }

  MemberInfo info() {
    return info;
  }

  String clientId() {
    return info.clientId();
  }

  void rename(String name, String color) {
    info = new MemberInfo(info.clientId(), info.authorId(), name, color);
  }

  void recolor(String color) {
    rename(info.name(), color);
  }

  /** Tells this member one message, on its own context. */
  void tell(Consumer<Member> message) {
    if (home == null) message.accept(member);
    else home.runOnContext(v -> message.accept(member));
  }

  /** Tells every seat the same message: members on the pad's loop now, the others one task per loop. */
  static void tellAll(Collection<Seat> seats, Consumer<Member> message) {
    Map<Context, List<Member>> away = null;
    // Why a copy: a member that cannot keep up is dropped while being told, which removes its seat.
    for (Seat s : seats.toArray(new Seat[0])) {
      if (s.home == null) {
        message.accept(s.member);
      } else {
        if (away == null) away = new HashMap<>();
        away.computeIfAbsent(s.home, c -> new ArrayList<>()).add(s.member);
      }
    }
    if (away == null) return;
    for (Map.Entry<Context, List<Member>> e : away.entrySet()) {
      List<Member> there = e.getValue();
      e.getKey().runOnContext(v -> {
        for (Member m : there) message.accept(m);
      });
    }
  }
}
