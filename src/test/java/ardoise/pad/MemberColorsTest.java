package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.InMemoryPadStore;
import ardoise.store.PadNotes.AuthorProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The colour a pad gives members who chose none: one nobody present uses, nor an absent author. */
class MemberColorsTest {
  private final PadContext pads = new PadContext();
  private final InMemoryPadStore store = new InMemoryPadStore();
  private final PadRegistry registry = pads.on(() -> new PadRegistry(store, PadContext.settings(1000, 100, 1000, 60_000), pads.context));

  @AfterEach
  void close() {
    pads.close();
  }

  /** A member that ignores what it is told. */
  private static final class Quiet implements Member {
    @Override public void joined(long rev, JoinSnapshot snapshot, long lastSeq) { }
    @Override public void broadcast(Broadcast flush) { }
    @Override public void presence(List<MemberInfo> writers, int viewers) { }
    @Override public void presenceChanged(PresenceChange change, List<MemberInfo> writers) { }
    @Override public void ack(long seq, long rev) { }
    @Override public void rejected(Rejection reason, String message, long seq) { }
    @Override public void evicted(Rejection reason, String message) { }
  }

  /** Joins {@code authorId} with the chosen {@code color} (null: none) and {@code preferred}; returns its colour. */
  private String join(Pad pad, Member member, String authorId, String color, String preferred) {
    MemberInfo info = new MemberInfo("client-" + authorId, authorId, authorId, color);
    pads.onFuture(() -> pad.join(new Arrival(member, info, false, null, preferred), null));
    return pads.on(() -> pad.members().stream().filter(m -> m.authorId().equals(authorId)).findFirst().orElseThrow().color());
  }

  private String join(Pad pad, String authorId) {
    return join(pad, new Quiet(), authorId, null, null);
  }

  @Test
  void eightJoinersGetEightDifferentColoursAndTheEleventhAReuse() {
    Pad pad = pads.load(registry, "atelier");
    Set<String> colors = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      String color = join(pad, "person-" + i);
      assertTrue(Palette.COLORS.contains(color), color);
      assertTrue(colors.add(color), "person " + i + " got a colour someone present has: " + color);
    }
    assertEquals(Set.copyOf(Palette.COLORS), colors, "ten people use the whole palette");
    String eleventh = join(pad, "person-10");
    assertEquals(Palette.COLORS.get(0), eleventh, "the palette ran out: the least used colour, first in order");
    assertEquals(Palette.COLORS.get(1), join(pad, "person-11"), "then the next least used");
  }

  @Test
  void aPreferredColourIsKeptWhenFreeAndAChosenOneAlways() {
    Pad pad = pads.load(registry, "préférences");
    String red = "#b3261e";
    assertEquals(red, join(pad, new Quiet(), "alice", null, red));
    String bob = join(pad, new Quiet(), "bruno", null, red);
    assertNotEquals(red, bob, "red is taken by alice, who is here: bruno only preferred it");
    assertEquals(red, join(pad, new Quiet(), "carole", red, null), "carole picked red herself: she gets it");
  }

  @Test
  void absentAuthorsKeepTheirColourAndReturningOnesGetItBack() {
    store.notes().rememberAuthor("reprise", "alice", new AuthorProfile("Alice", "#0b57d0")).await();
    Pad pad = pads.load(registry, "reprise");
    String first = join(pad, "bruno");
    assertNotEquals("#0b57d0", first, "blue is the colour of alice's text, though she is not here");
    assertNotEquals("#0b57d0", join(pad, new Quiet(), "carole", null, "#0b57d0"), "even when preferred");
    assertEquals("#0b57d0", join(pad, new Quiet(), "alice", null, "#a04500"), "alice is back: her text's colour");
  }

  @Test
  void theLeavingMembersColourIsNotGivenToTheNextOne() {
    Pad pad = pads.load(registry, "départ");
    Member alice = new Quiet();
    String aliceColor = join(pad, alice, "alice", null, null);
    pads.on(() -> {
      pad.leave(alice);
      return null;
    });
    assertNotEquals(aliceColor, join(pad, "bruno"), "alice's text keeps her colour after she left");
  }

  @Test
  void anEditFromTheHistoryViewKeepsTheColourTheAuthorHasInThePad() {
    store.notes().rememberAuthor("vue", "alice-0123456789abcdef", new AuthorProfile("Alice", "#0b57d0")).await();
    Pad pad = pads.load(registry, "vue");
    List<MemberInfo> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    pads.on(() -> {
      pad.onMemberSeen(info -> {
        seen.add(info);
        return io.vertx.core.Future.succeededFuture();
      });
      return null;
    });
    // Alice's browser profile says red, but her text in this pad is blue: a restore must not recolour it.
    assertEquals(1L, pads.onFuture(() -> ServerEdit.run(pad, "alice-0123456789abcdef", "Alice", "#b3261e", head -> "restauré")));
    assertEquals("#0b57d0", seen.get(0).color());
  }

  @Test
  void theServerPaletteIsThePagesPalette() throws IOException {
    String source = Files.readString(Path.of("webroot", "js", "editor", "colors.js"));
    String colors = source.substring(source.indexOf("PALETTE = ["), source.indexOf("];", source.indexOf("PALETTE = [")));
    Matcher m = Pattern.compile("\"(#[0-9a-f]{6})\"").matcher(colors);
    Set<String> page = new HashSet<>();
    while (m.find()) page.add(m.group(1));
    assertEquals(page, Set.copyOf(Palette.COLORS));
    assertEquals(10, Palette.COLORS.size());
  }
}
