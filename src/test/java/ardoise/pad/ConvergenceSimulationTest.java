package ardoise.pad;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.CaseRunner;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Simulates a pad: 3–8 editors (the shared OT client) on the real {@link Pad} and its sequencer (in a
 * third of the cases, the pads of two server instances sharing the store), over simulated WebSockets
 * delivered in random interleavings (each connection in order, connections overtaking each other),
 * with random edits, store replies held back and let through in any order, dropped connections
 * (in-flight messages lost both ways) and reconnects that join with a revision and resend the
 * outstanding op. When everything is delivered, every editor, a fresh reader and the store's log must
 * hold the same text and author runs, and every op must be committed exactly once (see {@link
 * PadSimulation}, {@link SimulationChecks}). 5,000 cases by default ({@code -Dot.cases} × 0.5).
 * Cursors are left out: with a commit on its way the pad sends them on a timer, which would make the
 * order of a case depend on the clock.
 */
class ConvergenceSimulationTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void editorsAndThePadConverge() {
    int runs = CaseRunner.cases(10_000, 0.5);
    Context context = vertx.getOrCreateContext();
    PadSimulation.Tally[] seen = {PadSimulation.Tally.NONE};
    long start = System.nanoTime();
    CaseRunner.forAll("pad simulation", "ConvergenceSimulationTest", runs,
        gen -> seen[0] = seen[0].plus(new PadSimulation(gen, context).run().await()));
    System.out.printf("pad simulation: %d cases in %d ms: %s%n", runs, (System.nanoTime() - start) / 1_000_000, seen[0]);
    if (runs >= 500) {
      // Guards against a simulation that silently stops exercising the hard paths.
      PadSimulation.Tally t = seen[0];
      int[] paths = {t.twoInstanceCases(), t.drops(), t.resends(), t.repeatedAcks(), t.bufferedEdits(), t.storeReads(),
          t.groupCommits(), t.joinsRetried(), t.evictions()};
      for (int k = 0; k < paths.length; k++) assertTrue(paths[k] > 0, "path " + k + " never exercised: " + t);
    }
  }
}
