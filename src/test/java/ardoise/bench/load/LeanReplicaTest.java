package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.TextOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A lean typist behaves as an editor on the wire: fed the same messages as a {@link FullReplica}
 * (the tests' OtClient, a document of its own), it sends the same ops at the same revisions, moves
 * remote ops past its pending edits the same way, and reads the same text from the pad's shared
 * text; a pad whose members got different ops makes the lean client concerned report a divergence.
 */
class LeanReplicaTest {
  /** A one-pad server in memory: it commits ops in order, transforming late ones as the real one does. */
  private static final class Server {
    String text = "";
    final List<TextOperation> history = new ArrayList<>();

    /** Commits {@code op} made on revision {@code rev}; returns it as committed. */
    TextOperation commit(long rev, TextOperation op) {
      for (int i = (int) rev; i < history.size(); i++) op = TextOperation.transform(op, history.get(i)).aPrime();
      text = op.apply(text);
      history.add(op);
      return op;
    }
  }

  private static TextOperation keystroke(Random r, int length) {
    int at = r.nextInt(length + 1);
    if (at > 0 && r.nextInt(5) == 0) return TextOperation.builder().retain(at - 1).delete(1).retain(length - at).build();
    return TextOperation.builder().retain(at).insert(String.valueOf((char) ('a' + r.nextInt(26)))).retain(length - at).build();
  }

  @Test
  void sendsAndAppliesWhatTheFullClientDoes() {
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      Server server = new Server();
      SharedText shared = new SharedText(() -> 0);
      List<String> fullSent = new ArrayList<>();
      List<String> leanSent = new ArrayList<>();
      ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // rev, seq of the ops sent, in order
      List<TextOperation> inFlightOps = new ArrayList<>();
      Replica full = new FullReplica("f", (rev, seq, op) -> fullSent.add(rev + " " + seq + " " + op));
      Replica lean = new LeanReplica("l", (rev, seq, op) -> {
        leanSent.add(rev + " " + seq + " " + op);
        inFlight.add(new long[] {rev, seq});
        inFlightOps.add(op);
      }, shared);
      full.joined(0, "");
      lean.joined(0, "");
      shared.joined(0, "");
      for (int step = 0; step < 400; step++) {
        int what = r.nextInt(10);
        if (what < 4) { // a keystroke of ours
          assertEquals(full.length(), lean.length());
          TextOperation op = keystroke(r, lean.length());
          full.applyClient(op);
          lean.applyClient(op);
        } else if (what < 7 || inFlight.isEmpty()) { // another member's op
          TextOperation typed = keystroke(r, server.text.length());
          if (r.nextInt(4) == 0) typed = typed.compose(keystroke(r, typed.targetLength())); // two places at once
          TextOperation op = server.commit(server.history.size(), typed);
          long rev = server.history.size();
          int before = lean.length();
          full.applyServer(rev, op, TypingEdit.of(op), "other");
          lean.applyServer(rev, op, TypingEdit.of(op), "other");
          for (int index = 0; index <= before; index++) assertEquals(full.transformIndex(index), lean.transformIndex(index));
          shared.received(rev, op, lean);
        } else { // the server commits our op in flight, then acks it
          long[] sent = inFlight.poll();
          TextOperation committed = server.commit(sent[0], inFlightOps.remove(0));
          long rev = server.history.size();
          assertEquals(committed, full.serverAck(sent[1], rev));
          assertEquals(committed, lean.serverAck(sent[1], rev));
          shared.claimed(rev, committed, lean);
        }
        assertEquals(fullSent, leanSent);
        assertEquals(full.hasPending(), lean.hasPending());
        assertEquals(full.serverLength(), lean.serverLength());
        assertEquals(full.text(), lean.text(), "seed " + seed + " step " + step);
      }
      assertTrue(leanSent.size() > 20);
    }
  }

  @Test
  void aMemberSentAnotherOpThanTheOthersHasDiverged() {
    SharedText shared = new SharedText(() -> 0);
    Replica first = new LeanReplica("a", (rev, seq, op) -> { }, shared);
    Replica second = new LeanReplica("b", (rev, seq, op) -> { }, shared);
    for (Replica c : List.of(first, second)) c.joined(0, "ab");
    shared.joined(0, "ab");
    TextOperation op = TextOperation.builder().retain(1).insert("x").retain(1).build();
    TextOperation corrupted = TextOperation.builder().retain(1).insert("#").retain(1).build();
    first.applyServer(1, op, TypingEdit.of(op), "c");
    shared.received(1, op, first);
    second.applyServer(1, corrupted, TypingEdit.of(corrupted), "c");
    shared.received(1, corrupted, second);
    assertEquals("axb", first.text());
    assertNotEquals("axb", second.text());
    assertTrue(second.text().contains("revision 1"), second.text());
  }

  @Test
  void anOpCommittedOtherwiseThanItsAuthorTransformedItHasDiverged() {
    SharedText shared = new SharedText(() -> 0);
    Replica author = new LeanReplica("a", (rev, seq, op) -> { }, shared);
    Replica other = new LeanReplica("b", (rev, seq, op) -> { }, shared);
    for (Replica c : List.of(author, other)) c.joined(0, "ab");
    shared.joined(0, "ab");
    TextOperation mine = TextOperation.builder().retain(1).insert("x").retain(1).build();
    author.applyClient(mine);
    TextOperation asCommitted = TextOperation.builder().retain(2).insert("x").build();
    assertEquals(mine, author.serverAck(1, 1));
    shared.claimed(1, mine, author);
    other.applyServer(1, asCommitted, TypingEdit.of(asCommitted), "a");
    shared.received(1, asCommitted, other);
    assertEquals("abx", other.text());
    assertTrue(author.text().startsWith("(diverged"), author.text());
  }

  @Test
  void refusesWhatBreaksTheProtocolAsTheFullClientDoes() {
    SharedText shared = new SharedText(() -> 0);
    Replica lean = new LeanReplica("l", (rev, seq, op) -> { }, shared);
    lean.joined(3, "abc");
    assertThrows(IllegalStateException.class, () -> lean.applyServer(5, TextOperation.identity(3), null, "x"));
    assertThrows(IllegalStateException.class, () -> lean.applyServer(4, TextOperation.identity(2), null, "x"));
    assertThrows(IllegalStateException.class, () -> lean.serverAck(1, 4));
  }
}
