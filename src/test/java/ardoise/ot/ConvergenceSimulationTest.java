package ardoise.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulates a pad: 3–8 clients and one sequencer exchanging messages over FIFO links delivered in
 * random interleavings, with random edits, dropped connections (in-flight messages lost both ways)
 * and reconnects that join with a revision and resend the outstanding op. When everything is
 * delivered, every client and the server must hold the same text and the same author runs, and every
 * local edit must be committed exactly once. 2,000 runs by default ({@code -Dot.cases} × 0.2).
 */
class ConvergenceSimulationTest {

  @Test
  void clientsAndServerConverge() {
    int runs = CaseRunner.cases(10_000, 0.2);
    long[] seen = new long[4];
    CaseRunner.forAll("convergence simulation", "ConvergenceSimulationTest", runs, gen -> simulate(gen, seen));
    System.out.printf("simulation: %d runs, %d drops, %d resent ops deduped, %d late acks ignored, %d buffered edits%n",
        runs, seen[0], seen[1], seen[2], seen[3]);
    if (runs >= 500) {
      // Guards against a simulation that silently stops exercising the hard paths.
      for (int k = 0; k < seen.length; k++) assertTrue(seen[k] > 0, "path " + k + " never exercised");
    }
  }

  private static void simulate(OtGen gen, long[] seen) {
    SimServer server = new SimServer();
    List<SimClient> clients = new ArrayList<>();
    int n = 3 + gen.nextInt(6);
    for (int i = 0; i < n; i++) {
      SimWire.Link link = new SimWire.Link();
      SimClient c = new SimClient("client-" + i, OtGen.AUTHORS[i % OtGen.AUTHORS.length] + i, link);
      server.links.put(c.clientId, link);
      server.authors.put(c.clientId, c.author);
      clients.add(c);
      c.reconnect();
    }
    int steps = 60 + gen.nextInt(200);
    int dropPercent = gen.nextInt(4);
    for (int s = 0; s < steps; s++) step(gen, server, clients, dropPercent, seen);
    for (SimClient c : clients) if (!c.link.open) c.reconnect();
    while (deliverOne(gen, server, clients)) { /* drain every link */ }
    assertConverged(server, clients, seen);
  }

  /** One random event: a local edit, a dropped connection, a reconnect or a delivery. */
  private static void step(OtGen gen, SimServer server, List<SimClient> clients, int dropPercent, long[] seen) {
    int roll = gen.nextInt(100);
    SimClient c = clients.get(gen.nextInt(clients.size()));
    if (roll < 30) {
      TextOperation op = localEdit(gen, c.doc.text());
      if (!op.isNoop()) c.edit(op);
    } else if (roll < 30 + dropPercent) {
      if (c.link.open) {
        seen[0]++;
        c.link.drop();
        server.disconnect(c.clientId);
      }
    } else if (roll < 40 && !c.link.open) {
      c.reconnect();
    } else {
      deliverOne(gen, server, clients);
    }
  }

  private static void assertConverged(SimServer server, List<SimClient> clients, long[] seen) {
    int total = 0;
    for (SimClient c : clients) {
      String who = c.clientId + " (of " + clients.size() + ", head " + server.head() + ")";
      assertEquals(SimClient.State.SYNCHRONIZED, c.state, who + " still waiting");
      assertEquals(server.head(), c.rev, who + " revision");
      assertEquals(server.doc.text(), c.doc.text(), who + " text");
      assertEquals(server.doc.runs(), c.doc.runs(), who + " author runs");
      assertEquals(c.lastSeq, server.committedCount(c.clientId), who + " ops committed exactly once");
      total += c.lastSeq;
      seen[2] += c.lateAcks;
      seen[3] += c.bufferedEdits;
    }
    seen[1] += server.deduped;
    assertEquals(total, server.head(), "every revision is one client op");
  }

  /** Delivers the head of one random non-empty link direction; false when nothing is in flight. */
  private static boolean deliverOne(OtGen gen, SimServer server, List<SimClient> clients) {
    List<Runnable> ready = new ArrayList<>();
    for (SimClient c : clients) {
      if (!c.link.up.isEmpty()) ready.add(() -> server.receive(c.link.up.pollFirst()));
      if (!c.link.down.isEmpty()) ready.add(() -> c.receive(c.link.down.pollFirst()));
    }
    if (ready.isEmpty()) return false;
    ready.get(gen.nextInt(ready.size())).run();
    return true;
  }

  /** Mostly typing and small deletions at a random place, sometimes a larger random op. */
  private static TextOperation localEdit(OtGen gen, String doc) {
    int roll = gen.nextInt(10);
    if (roll == 0) return gen.op(doc);
    List<Integer> cuts = OtGen.boundaries(doc);
    int from = gen.nextInt(cuts.size());
    int at = cuts.get(from);
    TextOperation.Builder b = TextOperation.builder().retain(at);
    if (roll < 7 || from == cuts.size() - 1) {
      b.insert(gen.nonEmptyText(3));
      return b.retain(doc.length() - at).build();
    }
    int to = cuts.get(Math.min(cuts.size() - 1, from + 1 + gen.nextInt(3)));
    return b.delete(to - at).retain(doc.length() - to).build();
  }
}
