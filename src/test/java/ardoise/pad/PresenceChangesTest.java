package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.InMemoryPadStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new member is told the whole member list once; the members already there are told only what
 * changed, so a join into a big pad costs each member one profile, not the whole list.
 */
class PresenceChangesTest {
  private final PadContext pads = new PadContext();

  @AfterEach
  void close() {
    pads.close();
  }

  @Test
  void membersAlreadyThereAreToldWhoJoinedLeftOrChangedOnly() throws Exception {
    PadRegistry registry = pads.on(() -> new PadRegistry(new InMemoryPadStore(), PadContext.settings(1000, 50, 1000, 60_000), pads.context));
    Pad pad = pads.load(registry, "grande-salle");
    List<RecordingMember> crowd = new ArrayList<>();
    for (int i = 10; i < 40; i++) {
      RecordingMember m = new RecordingMember(id(i));
      crowd.add(m);
      pads.on(() -> pad.join(m.arrival(), 0L));
      assertEquals("joined 0", m.next());
    }
    RecordingMember first = crowd.get(0);
    RecordingMember viewer = new RecordingMember("viewer-0000000001", true);
    pads.on(() -> pad.join(viewer.arrival(), 0L));
    assertEquals("joined 0", viewer.next());
    pads.on(() -> pad.memberCount()); // the queued joins ran before this

    // The first member was told the list once (itself), then one change per later arrival.
    assertEquals("[member-0000000010] / 0", first.presence().get(0));
    List<PresenceChange> changes = first.presenceChanges();
    assertEquals(30, changes.size(), "29 writers and a viewer joined after it");
    for (int i = 0; i < 29; i++) {
      assertEquals(List.of(id(i + 11)), changes.get(i).changed().stream().map(MemberInfo::clientId).toList());
      assertTrue(changes.get(i).left().isEmpty());
    }
    assertEquals(new PresenceChange(List.of(), List.of(), 1), changes.get(29), "a viewer is counted, not listed");
    // The last arrival was told the whole list, in joining order, and nothing else.
    RecordingMember last = crowd.get(29);
    assertEquals(1, last.presence().size() - last.presenceChanges().size());
    assertEquals(30, pads.on(() -> pad.members()).size());
    assertEquals(viewer.presence(), List.of(ids() + " / 1"));

    // A leave and a rename: the others are told just that; everyone's list stays the pad's.
    pads.on(() -> { pad.leave(crowd.get(5)); return null; });
    pads.on(() -> { pad.profileChanged(crowd.get(7), "Zoé", "#009e73"); return null; });
    pads.on(() -> pad.memberCount());
    ardoise.testing.Eventually.until("the rename is told", () -> viewer.presenceChanges().size() == 2);
    List<PresenceChange> seen = viewer.presenceChanges();
    assertEquals(new PresenceChange(List.of(), List.of(id(15)), 1), seen.get(0));
    assertEquals(List.of(new MemberInfo(id(17), id(17), "Zoé", "#009e73")), seen.get(1).changed());
    List<String> expected = new ArrayList<>(ids());
    expected.remove(5);
    expected.set(6, "Zoé");
    for (RecordingMember m : List.of(first, viewer, last)) {
      List<String> lists = m.presence();
      assertEquals(expected + " / 1", lists.get(lists.size() - 1), "the list as a member makes it");
    }
  }

  private static String id(int i) {
    return "member-00000000" + i;
  }

  private static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (int i = 10; i < 40; i++) ids.add(id(i));
    return ids;
  }

  @Test
  void aChangeMakesTheListAClientWouldShow() {
    MemberInfo a = new MemberInfo("a", "a", "Anne", "#e69f00");
    MemberInfo b = new MemberInfo("b", "b", "Bruno", "#56b4e9");
    MemberInfo c = new MemberInfo("c", "c", "Chloé", "#009e73");
    MemberInfo bRenamed = new MemberInfo("b", "b", "Bruno L.", "#56b4e9");
    PresenceChange change = PresenceChange.between(List.of(a, b, c), List.of(bRenamed, c, a), 2);
    assertEquals(List.of(bRenamed), change.changed(), "same members, one renamed: only that one");
    assertEquals(List.of(a, bRenamed, c), change.applyTo(List.of(a, b, c)), "a member keeps its place");
    PresenceChange leaveAndJoin = PresenceChange.between(List.of(a, b), List.of(b, c), 0);
    assertEquals(new PresenceChange(List.of(c), List.of("a"), 0), leaveAndJoin);
    assertEquals(List.of(b, c), leaveAndJoin.applyTo(List.of(a, b)));
    assertTrue(PresenceChange.between(List.of(a, b), List.of(a, b), 1).isEmpty(1));
  }
}
