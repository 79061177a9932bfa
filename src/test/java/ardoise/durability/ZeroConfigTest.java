package ardoise.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With no ARDOISE_REDIS_URL the server runs its own redis-server with the append-only file in
 * ARDOISE_DATA_DIR: pads survive a graceful restart (which stops that redis-server), a kill -9 of that
 * redis-server (the server starts it again) and a kill -9 of the server (after which the next start
 * stops the redis-server left behind before starting its own).
 */
@Tag("process")
@Tag("redis")
class ZeroConfigTest {
  private static final long SEED = Long.getLong("ot.seed", 20261127L);
  private Vertx vertx;
  private ServerProcess server;
  private Path dataDir;
  private Map<String, String> env;

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.terminate();
    if (vertx != null) vertx.close().await();
    redisPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
  }

  /**
   * system: the redis-server on PATH (Debian's, when installed); bundled: a PATH without one, so the
   * jar's (with only `uname`, which embedded-redis runs to pick its binary).
   */
  @ParameterizedTest
  @ValueSource(strings = {"system", "bundled"})
  void embeddedRedisKeepsPadsAcrossRestartsAndCrashes(String binary) throws Exception {
    env = binary.equals("bundled") ? Map.of("PATH", pathWithOnlyUname().toString()) : Map.of();
    vertx = Vertx.vertx();
    dataDir = Files.createTempDirectory("ardoise-zero-");
    String pad = "zero-" + SEED;
    server = start("zero-1-" + binary);
    long firstRedis = redisPid().orElseThrow();
    String log = Files.readString(Path.of("target", "durability-logs", "zero-1-" + binary + ".log"));
    assertEquals(binary.equals("bundled"), log.contains("using the one bundled in the embedded-redis jar"),
        "the bundled Redis 6.2 is named in a warning, the system's is not");
    Typists typists = new Typists(vertx, "z", 2, SEED);
    typists.connect(server.port(), pad);
    typists.type(20);
    typists.awaitSettled();
    String acknowledged = typists.clients.get(0).doc();

    server.terminate();
    server = null;
    assertFalse(ProcessHandle.of(firstRedis).map(ProcessHandle::isAlive).orElse(false),
        "SIGTERM stops the embedded redis-server");
    server = start("zero-2-" + binary);
    assertEquals(acknowledged, freshRead(pad), "after a graceful restart");

    typists.drop();
    typists.connect(server.port(), pad);
    typists.type(20);
    typists.awaitSettled();
    long killedRedis = redisPid().orElseThrow();
    ProcessHandle.of(killedRedis).ifPresent(ProcessHandle::destroyForcibly); // the OOM killer, say
    Eventually.until("the server restarts its redis-server", () -> {
      long pid = redisPidOrZero();
      return pid > 0 && pid != killedRedis;
    });
    typists.type(20);
    typists.awaitSettled();
    typists.assertConvergedWithEveryTokenOnce();
    acknowledged = typists.clients.get(0).doc();
    long secondRedis = redisPid().orElseThrow();
    server.kill();
    assertTrue(ProcessHandle.of(secondRedis).map(ProcessHandle::isAlive).orElse(false),
        "kill -9 leaves the embedded redis-server running");
    server = start("zero-3-" + binary);
    assertFalse(ProcessHandle.of(secondRedis).map(ProcessHandle::isAlive).orElse(false),
        "the next start stopped the leftover redis-server");
    assertEquals(acknowledged, freshRead(pad), "after kill -9 and a restart");
  }

  private ServerProcess start(String name) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("ARDOISE_DATA_DIR", dataDir.toString());
    return ServerProcess.start(ServerProcess.freePort(), all, name);
  }

  private static Path pathWithOnlyUname() throws Exception {
    Path dir = Files.createTempDirectory("ardoise-path-");
    for (String entry : System.getenv("PATH").split(java.io.File.pathSeparator)) {
      Path uname = Path.of(entry, "uname");
      if (Files.isExecutable(uname)) return Files.createSymbolicLink(dir.resolve("uname"), uname.toRealPath()).getParent();
    }
    throw new IllegalStateException("no uname on PATH");
  }

  private Optional<Long> redisPid() throws Exception {
    Path pidFile = dataDir == null ? null : dataDir.resolve("redis-server.pid");
    if (pidFile == null || !Files.exists(pidFile)) return Optional.empty();
    return Optional.of(Long.parseLong(Files.readString(pidFile).trim().split(" ")[0]));
  }

  private long redisPidOrZero() {
    try {
      return redisPid().orElse(0L);
    } catch (Exception e) {
      return 0; // the file is being rewritten
    }
  }

  private String freshRead(String pad) throws Exception {
    Typists reader = new Typists(vertx, "reader", 1, SEED);
    reader.connect(server.port(), pad);
    String text = reader.clients.get(0).doc();
    reader.drop();
    return text;
  }
}
