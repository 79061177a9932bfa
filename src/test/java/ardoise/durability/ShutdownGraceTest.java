package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM ends the server within Docker's default grace period (10 s, then SIGKILL) while 20
 * sockets are open and ops are in flight: it closes the sockets, stores what is queued, stops its
 * embedded redis-server and exits. The measured time is printed for docs/deploy.md.
 */
@Tag("process")
@Tag("redis")
class ShutdownGraceTest {
  private static final long DOCKER_GRACE_MILLIS = 10_000;
  private Vertx vertx;
  private ServerProcess server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
    if (vertx != null) vertx.close().await();
  }

  @Test
  void sigtermWithOpenSocketsAndOpsInFlightEndsWithinTenSeconds() throws Exception {
    vertx = Vertx.vertx();
    server = ServerProcess.start(ServerProcess.freePort(), Map.of(
        "ARDOISE_DATA_DIR", Files.createTempDirectory("ardoise-grace-").toString(),
        "ARDOISE_OPS_PER_SECOND", "1000", "ARDOISE_OPS_BURST", "1000"), "shutdown-grace");
    Typists room = new Typists(vertx, "g", 20, 20261205L);
    room.connect(server.port(), "grace");
    long started;
    try (AutoCloseable typing = room.typeInBackground()) {
      room.type(100);
      room.burst(); // every member has an op in flight when the signal comes
      started = System.nanoTime();
      server.terminate();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println("SIGTERM to exit with 20 open sockets and ops in flight: " + millis + " ms");
    assertTrue(millis < DOCKER_GRACE_MILLIS, "shutdown took " + millis + " ms, see " + server.logText());
    assertFalse(server.logText().contains("did not finish cleanly"), server.logText());
  }
}
