package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.AppendResult;
import ardoise.store.ForwardingPadStore;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Several writers send random ops on stale revisions (each waits for its ack while it keeps typing),
 * on one server and on two servers sharing one store; all converge to the server's text.
 * Seeded: the seed is printed on failure, {@code -Dot.seed=N} replays, {@code -Dot.cases=N} sets edits per client.
 */
class ConvergenceTest {
  private static final long SEED = Long.getLong("ot.seed", System.nanoTime());
  private static final int EDITS = Integer.getInteger("ot.cases", 60);

  @Test
  void writersOnOneServerConverge() {
    try (ServerFixture server = ServerFixture.start(Map.of())) {
      run(List.of(server, server, server, server), "one-server");
    }
  }

  @Test
  void writersOnTwoServersSharingAStoreConverge() {
    AtomicInteger headMoved = new AtomicInteger();
    PadStore store = new ForwardingPadStore(new InMemoryPadStore()) {
      @Override
      public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
        return super.append(padId, expectedHead, records).onSuccess(r -> { if (!r.appended()) headMoved.incrementAndGet(); });
      }
    };
    try (ServerFixture one = ServerFixture.start(Map.of(), store);
         ServerFixture two = ServerFixture.start(Map.of(), store)) {
      run(List.of(one, two, one, two), "two-servers");
    }
    // Not asserted (it depends on timing), but shows that the rebase-after-foreign-commit path ran.
    System.out.println("two servers: an append found the head moved " + headMoved.get() + " times");
  }

  /**
   * Half the writers take batch frames, half one frame per message, and all send cursors; the
   * pad's fan-out is paced hard (2 ms per member) so that flushes carry several revisions and cursors.
   */
  @Test
  void batchAndSingleFrameWritersWithCursorsConverge() {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_FANOUT_MICROS_PER_MEMBER", "2000"))) {
      List<SimClient> clients = run(List.of(server, server, server, server, server, server), "batched", true);
      int cursors = clients.stream().mapToInt(c -> c.cursorsSeen).sum();
      assertTrue(cursors > 0, "cursors were relayed");
      int most = clients.stream().mapToInt(c -> c.mostRevisionsInOneBatch).max().orElse(0);
      assertTrue(most > 1, "a paced flush carried several revisions: " + most);
    }
  }

  /**
   * Three event loops: Vert.x hands the six connections to the loops in turn, so four of them are
   * served on another loop than their pad's and talk to it across threads; two pads live on
   * different loops (their names are chosen so) and are written at the same time.
   */
  @Test
  void writersOnThreeEventLoopsConverge() throws Exception {
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_EVENT_LOOPS", "3", "ARDOISE_FANOUT_MICROS_PER_MEMBER", "500"))) {
      List<ServerFixture> six = List.of(server, server, server, server, server, server);
      java.util.concurrent.CompletableFuture<List<SimClient>> other =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> run(six, "loops-b", true));
      run(six, "loops-a", true);
      other.get(120, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(server.app.shards().contextOf("loops-a") != server.app.shards().contextOf("loops-b"),
          "the two pads live on different event loops");
      assertEquals(2, server.app.shards().loadedCount());
    }
  }

  private List<SimClient> run(List<ServerFixture> servers, String pad) {
    return run(servers, pad, false);
  }

  /** With {@code mixed}, every other client takes batch frames and clients also send cursors. */
  private List<SimClient> run(List<ServerFixture> servers, String pad, boolean mixed) {
    Random random = new Random(SEED);
    List<SimClient> clients = new ArrayList<>();
    for (ServerFixture s : servers) clients.add(new SimClient(s.connect(pad), mixed && clients.size() % 2 == 0));
    try {
      // Why first: later a client sends a cursor only with nothing in flight, which a fast loop of
      // edits may never leave it; these are sure to be relayed (to the others, before their acks).
      if (mixed) for (SimClient c : clients) c.cursor(random);
      for (int step = 0; step < EDITS * clients.size(); step++) {
        SimClient c = clients.get(random.nextInt(clients.size()));
        int action = random.nextInt(mixed ? 4 : 3);
        if (action == 0) c.poll();
        else if (action == 3) c.cursor(random);
        else c.edit(random);
      }
      settle(clients);
      int total = sentSoFar(clients);
      String text = servers.get(0).connect(pad).join(ServerFixture.newClientId()).getString("text");
      for (SimClient c : clients) {
        assertEquals(total, c.rev, c.clientId + " revision");
        assertEquals(text, c.doc, c.clientId + " text");
      }
      return clients;
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + SEED + " (replay with -Dot.seed=" + SEED + "): " + e.getMessage(), e);
    }
  }

  /** Reads frames (blocking, only when one must come) until every op is acknowledged and seen by all. */
  private static void settle(List<SimClient> clients) {
    boolean more = true;
    while (more) {
      more = false;
      for (SimClient c : clients) {
        if (c.outstanding != null || c.rev < sentSoFar(clients)) {
          c.handle(c.ws.next());
          more = true;
        }
      }
    }
  }

  private static int sentSoFar(List<SimClient> clients) {
    return clients.stream().mapToInt(c -> c.sent).sum();
  }
}
