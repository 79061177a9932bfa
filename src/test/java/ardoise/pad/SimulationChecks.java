package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.ot.AttributedText;
import ardoise.store.OpRecord;
import ardoise.testing.OtClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What must hold when a simulated pad is quiet: every instance's pad and every editor synchronized at
 * the head, the editors with the same text and author runs as the store's log replayed from revision
 * 0; each op sent applied exactly once (each editor's seqs 1..n in the log, once each, in order); every
 * acknowledged op in the log at its revision; the log the same as what the store reported written.
 */
final class SimulationChecks {
  private SimulationChecks() {}

  static void check(List<Pad> pads, List<OpRecord> log, List<OpRecord> written, List<SimulatedEditor> editors,
      List<String> violations) {
    assertEquals(List.of(), violations, "violations");
    assertEquals(written, log, "the log is what the store acknowledged, in order");
    long head = log.size();
    for (Pad pad : pads) assertEquals(head, pad.head(), "every instance's pad is at the store's head");
    AttributedText expected = PadSimulation.replay(log);
    int sent = 0;
    for (SimulatedEditor e : editors) {
      OtClient c = e.client;
      String who = c.clientId() + " (of " + editors.size() + ", " + pads.size() + " instances, head " + head + ")";
      assertTrue(c.isOnline(), who + " is connected");
      assertEquals(new OtClient.Synchronized(), c.state(), who + " has nothing pending");
      assertEquals(head, c.rev(), who + " revision");
      assertEquals(expected.text(), c.document().text(), who + " text");
      assertEquals(expected.runs(), c.document().runs(), who + " author runs");
      assertEquals(seqs(1, c.lastSeq()), seqsInLog(log, c.clientId()), who + " ops committed exactly once, in order");
      for (Map.Entry<Long, Long> ack : e.acknowledged.entrySet()) {
        OpRecord r = log.get((int) (ack.getValue() - 1));
        assertEquals(c.clientId() + " seq " + ack.getKey(), r.clientId() + " seq " + r.seq(),
            who + " acknowledged revision " + ack.getValue());
      }
      assertEquals(c.lastSeq(), e.acknowledged.size(), who + " every op sent was acknowledged once");
      sent += c.lastSeq();
    }
    assertEquals(sent, head, "every revision is one op of one editor");
  }

  private static List<Long> seqs(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long s = from; s <= to; s++) out.add(s);
    return out;
  }

  private static List<Long> seqsInLog(List<OpRecord> log, String clientId) {
    return log.stream().filter(r -> r.clientId().equals(clientId)).map(OpRecord::seq).toList();
  }
}
