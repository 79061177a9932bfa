package ardoise.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
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
}
