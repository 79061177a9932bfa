package ardoise.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load generator's convergence check still catches a server that diverges although most of
 * its typists keep no text of their own: against {@link FakePadServer}, a pad of typists and a
 * viewer types, settles, and a fresh client compares every client's text with the server's.
 */
class FleetConvergenceTest {
  private static final int TYPISTS = 8;

  /** Types until the server committed {@code revisions} and every client settled; returns the divergent clients. */
  private static int run(FakePadServer server, int revisions, java.util.function.Consumer<PadGroup> beforeTyping) throws Exception {
    try (Fleet fleet = new Fleet(Options.parse(new String[] {"--port=" + server.port(), "--rate=25", "--threads=2"}))) {
      PadGroup pad = fleet.newPad();
      List<Client> clients = fleet.populate(pad, TYPISTS, 1);
      assertEquals(2, clients.stream().filter(c -> c.full).count(), "the pad's real client and its observer keep full OT");
      beforeTyping.accept(pad);
      fleet.startTyping(clients);
      Eventually.until(revisions + " revisions committed", () -> server.revisions() >= revisions);
      fleet.stopTyping();
      assertTrue(fleet.quiesce(60_000), "every client settled");
      assertTrue(fleet.measure.acks.sum() > 0);
      assertEquals(0, fleet.measure.errors.sum());
      return fleet.divergentClients();
    }
  }

  private static Client first(PadGroup pad, boolean full) {
    return pad.clients.stream().filter(c -> c.typist && c.full == full).findFirst().orElseThrow();
  }

  @Test
  void anHonestServerHasNoDivergentClient() throws Exception {
    try (FakePadServer server = new FakePadServer()) {
      assertEquals(0, run(server, 300, pad -> { }));
    }
  }

  @Test
  void aLeanTypistSentAnotherOpThanTheOthersIsCaught() throws Exception {
    try (FakePadServer server = new FakePadServer()) {
      int divergent = run(server, 300, pad -> server.corruptFor = first(pad, false).authorKey());
      assertTrue(server.corrupted());
      assertTrue(divergent >= 1, "divergent " + divergent);
    }
  }

  @Test
  void theRealClientSentAnotherOpIsCaught() throws Exception {
    try (FakePadServer server = new FakePadServer()) {
      int divergent = run(server, 300, pad -> server.corruptFor = first(pad, true).authorKey());
      assertTrue(server.corrupted());
      assertTrue(divergent >= 1, "divergent " + divergent);
    }
  }

  @Test
  void anOpCommittedOtherwiseThanItsAuthorMadeItIsCaught() throws Exception {
    try (FakePadServer server = new FakePadServer()) {
      server.corruptCommit = true;
      int divergent = run(server, 300, pad -> { });
      assertTrue(server.corrupted());
      assertTrue(divergent >= 1, "divergent " + divergent);
    }
  }
}
