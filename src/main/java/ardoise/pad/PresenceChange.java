package ardoise.pad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in a pad's member list since the list a member was last told: writers who joined or
 * changed their profile ({@code changed}, in joining order), clientIds of writers who left
 * ({@code left}), and the number of read-only viewers now. The same value for every member told.
 *
 * <p>Why changes and not the list: a list costs every member a frame as long as the pad is large,
 * so each join into a pad of N members cost N² bytes (16 MB at 385 members).
 */
public record PresenceChange(List<MemberInfo> changed, List<String> left, int viewers) {

  public PresenceChange {
    changed = List.copyOf(changed);
    left = List.copyOf(left);
  }

  /** The change from {@code before} to {@code after} (both in joining order). */
  static PresenceChange between(List<MemberInfo> before, List<MemberInfo> after, int viewers) {
    Map<String, MemberInfo> was = new LinkedHashMap<>();
    for (MemberInfo m : before) was.put(m.clientId(), m);
    List<MemberInfo> changed = new ArrayList<>();
    for (MemberInfo m : after) {
      if (!m.equals(was.remove(m.clientId()))) changed.add(m);
    }
    return new PresenceChange(changed, new ArrayList<>(was.keySet()), viewers);
  }

  boolean isEmpty(int viewersBefore) {
    return changed.isEmpty() && left.isEmpty() && viewers == viewersBefore;
  }

  /**
   * The list after this change, as a client computes it: the leavers removed, a changed writer kept
   * at its place, a new one added at the end.
   */
  public List<MemberInfo> applyTo(List<MemberInfo> before) {
    Map<String, MemberInfo> list = new LinkedHashMap<>();
    for (MemberInfo m : before) list.put(m.clientId(), m);
    for (String id : left) list.remove(id);
    for (MemberInfo m : changed) list.put(m.clientId(), m);
    return List.copyOf(list.values());
  }
}
