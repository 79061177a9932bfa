package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The up/down state follows only commands sent since its last change (no Redis needed: results are given by hand). */
class RedisAvailabilityTest {
  private static final long NEVER_MS = 3_600_000;
  private Vertx vertx;
  private RedisAvailability availability;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    // No PING fires within the test: every outcome comes from the promises below.
    availability = new RedisAvailability(vertx, null, "redis://test", NEVER_MS, NEVER_MS);
  }

  @AfterEach
  void stop() {
    availability.stop();
    vertx.close().await();
  }

  @Test
  void oneOutageChangesTheStateOnceEachWayWhateverStaleCommandsReport() {
    Promise<String> sentBefore = Promise.promise();
    availability.track(sentBefore.future());
    Promise<String> failing = Promise.promise();
    availability.track(failing.future());
    failing.fail(new IOException("connection refused"));
    assertFalse(availability.isAvailable());

    Promise<String> sentDuringOutage = Promise.promise();
    availability.track(sentDuringOutage.future());
    sentBefore.complete("late answer to a command sent before the outage was noticed");
    assertFalse(availability.isAvailable(), "a stale answer does not end the outage");

    Promise<String> ping = Promise.promise();
    availability.track(ping.future());
    ping.complete("PONG");
    assertTrue(availability.isAvailable());
    sentDuringOutage.fail(new IOException("timed out during the outage"));
    assertTrue(availability.isAvailable(), "a command sent during the outage does not start another");

    assertEquals(1, availability.recoveryCount());
    Promise<String> next = Promise.promise();
    availability.track(next.future());
    next.fail(new IOException("gone again"));
    assertFalse(availability.isAvailable(), "a command sent after the recovery reports a new outage");
  }

  @Test
  void commandsCutOffByClosingTheStoreDoNotReportAnOutage() {
    Promise<String> inFlight = Promise.promise();
    availability.track(inFlight.future());
    availability.stop();
    inFlight.fail(new IOException("Connection was closed"));
    assertTrue(availability.isAvailable(), "a command cut off by the store's own close says nothing of Redis");
    assertEquals(0, availability.errorCount());
  }

  /** A PING in flight when the store closes: the store waits for its answer or its deadline, then closes quietly. */
  @Test
  void stoppingWaitsForTheProbeInFlightAndReportsNothing() throws Exception {
    CountDownLatch pingReceived = new CountDownLatch(1);
    // A "Redis" that reads every command and never answers: the probe stays in flight until its deadline.
    NetServer silent = vertx.createNetServer().connectHandler(socket -> socket.handler(bytes -> pingReceived.countDown()));
    int port = silent.listen(0, "127.0.0.1").await().actualPort();
    Redis client = Redis.createClient(vertx, "redis://127.0.0.1:" + port);
    long deadlineMs = 3000; // far longer than the few lines between the PING's arrival and stop()
    RedisAvailability probing = new RedisAvailability(vertx, RedisAPI.api(client), "redis://test", 10, deadlineMs);
    try {
      assertTrue(pingReceived.await(30, TimeUnit.SECONDS), "the probe reaches the server");
      Future<Void> stopped = probing.stop();
      assertFalse(stopped.isComplete(), "stop waits for the probe in flight");
      stopped.await(30, TimeUnit.SECONDS); // the probe's deadline ends it
      assertTrue(probing.isAvailable(), "a probe that ended after stop says nothing of Redis");
      assertEquals(0, probing.errorCount());
    } finally {
      client.close().await();
      silent.close().await();
    }
  }

  @Test
  void stoppingWithoutAProbeInFlightIsImmediate() {
    assertTrue(availability.stop().isComplete());
  }
}
