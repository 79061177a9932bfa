package ardoise.durability;

import ardoise.store.redis.RedisLauncher;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one Redis, clients on each typing into the same pad at once: one text in
 * the end, and every client sees every revision exactly once, in order.
 */
@Tag("process")
@Tag("redis")
class TwoInstancesTest {
  private static final long SEED = Long.getLong("ot.seed", 20261125L);
  @RegisterExtension
  final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private Vertx vertx;
  private final List<ServerProcess> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ServerProcess s : servers) s.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void clientsOnTwoInstancesConvergeAndSeeEveryRevisionOnce() throws Exception {
    vertx = Vertx.vertx();
    String pad = "twin-" + SEED;
    servers.add(ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "twin-a"));
    servers.add(ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "twin-b"));
    Typists all = new Typists(vertx, "t", 6, SEED);
    Typists.connect(all.clients.subList(0, 3), servers.get(0).port(), pad);
    Typists.connect(all.clients.subList(3, 6), servers.get(1).port(), pad);

    Random random = new Random(SEED);
    for (int round = 0; round < 150; round++) {
      // Both instances receive ops in the same instants: their appends race on the pad's head.
      all.burst();
      Thread.sleep(random.nextInt(6));
    }
    all.awaitSettled();

    System.out.printf("two instances: %d revisions from %d clients%n", all.clients.get(0).rev(), all.clients.size());
    all.assertConvergedWithEveryTokenOnce();
    all.assertEveryRevisionSeenOnce();
    all.assertNoErrors();
  }
}
