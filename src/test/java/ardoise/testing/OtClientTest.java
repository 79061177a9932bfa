package ardoise.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ardoise.ot.AttributedText;
import ardoise.ot.AuthorRun;
import ardoise.ot.TextOperation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared client state machine, by hand: what it sends, when, and what it refuses. */
class OtClientTest {
  private final List<String> sent = new ArrayList<>();
  private final OtClient client = new OtClient("tab-a", "ana", (rev, seq, op) -> sent.add(rev + " " + seq + " " + op));

  private static TextOperation insert(int at, String text, int length) {
    return TextOperation.builder().retain(at).insert(text).retain(length - at).build();
  }

  private void joinEmpty() {
    client.joined(0, AttributedText.EMPTY, 0);
  }

  @Test
  void oneOpInFlightLaterEditsGoInOneBufferSentOnTheAck() {
    joinEmpty();
    client.applyClient(insert(0, "a", 0));
    client.applyClient(insert(1, "b", 1));
    client.applyClient(insert(2, "c", 2));
    assertEquals(List.of("0 1 " + insert(0, "a", 0)), sent, "only the first op is sent");
    assertEquals(new OtClient.AwaitingWithBuffer(insert(0, "a", 0), 1, TextOperation.builder().retain(1).insert("bc").build()),
        client.state());
    assertEquals(insert(0, "a", 0), client.serverAck(1, 1));
    assertEquals("1 2 " + TextOperation.builder().retain(1).insert("bc").build(), sent.get(1), "the buffer goes next, on rev 1");
    client.serverAck(2, 2);
    assertEquals(new OtClient.Synchronized(), client.state());
    assertEquals("abc", client.document().text());
    assertEquals(List.of(new AuthorRun(3, "ana")), client.document().runs());
  }

  @Test
  void aServerOpIsMovedPastOurPendingEditsAndOursStayFirstAtTheSamePlace() {
    joinEmpty();
    client.applyClient(insert(0, "a", 0));
    client.applyClient(insert(1, "b", 1));
    TextOperation forEditor = client.applyServer(1, insert(0, "X", 0), "bob");
    assertEquals(insert(2, "X", 2), forEditor);
    assertEquals("abX", client.document().text());
    assertEquals(1, client.serverLength(), "the server's document at rev 1 is X");
    client.serverAck(1, 2);
    assertEquals("2 2 " + insert(1, "b", 2), sent.get(1), "the buffer was moved past X too");
  }

  @Test
  void aRepeatedAckIsIgnoredAndAnAckNeverSentOrOutOfOrderIsRefused() {
    joinEmpty();
    client.applyClient(insert(0, "a", 0));
    client.serverAck(1, 1);
    assertNull(client.serverAck(1, 1), "a resent op acknowledged twice");
    assertThrows(IllegalStateException.class, () -> client.serverAck(2, 2), "seq 2 was never sent");
    client.applyClient(insert(1, "b", 1));
    assertThrows(IllegalStateException.class, () -> client.serverAck(2, 3), "a revision was skipped");
    assertThrows(IllegalStateException.class, () -> client.applyServer(3, insert(0, "X", 1), "bob"));
    assertEquals(1, client.rev(), "a refused message changes nothing");
    assertEquals("ab", client.document().text());
  }

  @Test
  void offlineEditsWaitAndTheOutstandingOpIsResentWithItsSeqUnlessTheServerHasIt() {
    joinEmpty();
    client.applyClient(insert(0, "a", 0));
    client.disconnected();
    client.applyClient(insert(1, "b", 1));
    client.joined(0, null, 0); // the server never got seq 1
    assertEquals(List.of("0 1 " + insert(0, "a", 0), "0 1 " + insert(0, "a", 0)), sent);

    client.disconnected();
    client.joined(0, null, 1); // seq 1 was committed: its ack comes with the replay, nothing is resent
    assertEquals(2, sent.size());
    assertNull(client.applyCommitted(1, "tab-a", 1, insert(0, "a", 0), "ana"), "our revision is our ack");
    assertEquals("1 2 " + insert(1, "b", 1), sent.get(2));
  }

  @Test
  void aFreshTabOnAKnownClientIdGoesOnAfterTheServersLastSeq() {
    client.joined(4, AttributedText.of("abcd", "ana"), 7);
    client.applyClient(insert(4, "e", 4));
    assertEquals(List.of("4 8 " + insert(4, "e", 4)), sent);
  }

  @Test
  void aSnapshotCannotReplacePendingEdits() {
    joinEmpty();
    client.applyClient(insert(0, "a", 0));
    client.disconnected();
    assertThrows(IllegalStateException.class, () -> client.joined(50, AttributedText.of("zz", "bob"), 0));
  }
}
