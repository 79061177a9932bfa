package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.testing.Eventually;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kill -9 of the server while several clients type: after a new server starts on the same Redis and
 * the clients rejoin with their rev and resend, every acknowledged token is there and every other
 * one is there exactly once.
 */
@Tag("process")
@Tag("redis")
class CrashRecoveryTest {
  private static final long SEED = Long.getLong("ot.seed", 20261123L);
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private Vertx vertx;
  private ServerProcess server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void killNineMidStreamLosesNoAcknowledgedOpAndAppliesTheRestOnce() throws Exception {
    vertx = Vertx.vertx();
    String pad = "crash-" + SEED;
    server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "crash-first");
    Typists typists = new Typists(vertx, "k", 4, SEED);
    typists.connect(server.port(), pad);

    Set<String> ackedBeforeKill = new HashSet<>();
    int typedBeforeKill;
    try (AutoCloseable typing = typists.typeInBackground()) {
      Eventually.until("some ops acknowledged", () -> typists.acks() >= 40);
      server.kill(); // mid-stream: ops in flight, in the server's queue, in Redis but not yet acknowledged
      typists.clients.forEach(c -> ackedBeforeKill.addAll(c.acked()));
      typedBeforeKill = typists.clients.stream().mapToInt(c -> c.typed().size()).sum();
      Eventually.until("every client saw its socket close",
          () -> typists.clients.stream().noneMatch(TypingClient::isConnected));
      // Typing goes on offline (into the clients' buffers) while a new server starts on the same Redis.
      server = ServerProcess.start(ServerProcess.freePort(), Env.server(redis.url()), "crash-second");
      typists.connect(server.port(), pad);
      Thread.sleep(300); // typing goes on for a while after the rejoin
    }
    typists.awaitSettled();

    System.out.printf("crash: %d typed before kill -9, %d acked before it, %d typed in all%n",
        typedBeforeKill, ackedBeforeKill.size(), typists.clients.stream().mapToInt(c -> c.typed().size()).sum());
    typists.assertConvergedWithEveryTokenOnce();
    typists.assertEveryRevisionSeenOnce();
    typists.assertNoErrors();
    String text = typists.clients.get(0).doc();
    for (String token : ackedBeforeKill) assertTrue(text.contains(token), "acknowledged " + token + " lost");
    assertTrue(ackedBeforeKill.size() < typedBeforeKill, "some ops were still unacknowledged at the kill");

    Typists reader = new Typists(vertx, "reader", 1, SEED);
    reader.connect(server.port(), pad);
    assertEquals(text, reader.clients.get(0).doc(), "a fresh join reads the stored pad");
    assertEquals(List.of(), reader.clients.get(0).errors());
  }
}
