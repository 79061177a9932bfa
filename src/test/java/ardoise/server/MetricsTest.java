package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.testing.Eventually;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /metrics over real WebSockets: the counters move with real ops, fan-out and refusals. */
class MetricsTest {
  private ServerFixture server;

  @BeforeEach
  void start() {
    server = ServerFixture.start(Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String scrape() {
    ServerFixture.Response r = server.get("/metrics");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
    return r.text();
  }

  @Test
  void aStoresOwnCountersStayLiveAfterGarbageCollection() {
    java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
    ardoise.store.PadStore store = new ardoise.store.ForwardingPadStore(new ardoise.store.InMemoryPadStore()) {
      @Override
      public java.util.List<ardoise.store.StoreCounter> counters() {
        return java.util.List.of(new ardoise.store.StoreCounter("ardoise.test.errors", "errors", errors::get));
      }
    };
    ardoise.http.metrics.ServerMetrics metrics = new ardoise.http.metrics.ServerMetrics();
    try {
      metrics.instrument(store, () -> 0, () -> 0);
      errors.set(1);
      assertEquals(1.0, Prometheus.value(metrics.scrape(), "ardoise_test_errors_total"));
      for (int i = 0; i < 3; i++) System.gc(); // Micrometer holds a function counter's object weakly
      errors.set(5);
      assertEquals(5.0, Prometheus.value(metrics.scrape(), "ardoise_test_errors_total"), "the counter still reads its source");
    } finally {
      metrics.close();
    }
  }

  @Test
  void countersFollowOpsBroadcastsAndRefusals() {
    String before = scrape();
    assertEquals(0.0, Prometheus.value(before, "ardoise_ops_committed_total"));
    assertEquals(0.0, Prometheus.value(before, "ardoise_clients_connected"));

    WsClient alice = server.connect("metriques");
    WsClient bruno = server.connect("metriques");
    WsClient chloe = server.connect("metriques");
    alice.join(ServerFixture.newClientId());
    bruno.join(ServerFixture.newClientId());
    chloe.join(ServerFixture.newClientId());
    alice.op(0, 1, "B");
    assertEquals(1L, alice.next("ack").getLong("rev"));
    alice.op(1, 2, 1, "o");
    alice.next("ack");
    bruno.next("op");
    bruno.next("op");
    bruno.op(2, 1, 2, "n");
    bruno.next("ack");
    for (int i = 0; i < 3; i++) chloe.next("op");
    assertEquals(3L, alice.next("op").getLong("rev"));
    bruno.op(3, 2, 99, "x"); // does not apply: bad-op
    bruno.nextError("bad-op");
    bruno.send(new JsonObject().put("type", "nonsense"));
    bruno.nextError("bad-message");

    String after = scrape();
    assertEquals(3.0, Prometheus.value(after, "ardoise_ops_committed_total"));
    assertEquals(3.0, Prometheus.value(after, "ardoise_commit_latency_seconds_count"));
    assertTrue(Prometheus.value(after, "ardoise_commit_latency_seconds_bucket", "le=\"5.0\"") == 3.0, after);
    assertEquals(6.0, Prometheus.value(after, "ardoise_broadcast_frames_total"), "3 ops × 2 other members");
    assertEquals(1.0, Prometheus.value(after, "ardoise_rejected_messages_total", "code=\"bad-op\""));
    assertEquals(1.0, Prometheus.value(after, "ardoise_rejected_messages_total", "code=\"bad-message\""));
    assertEquals(0.0, Prometheus.value(after, "ardoise_rejected_messages_total", "code=\"seq-gap\""));
    assertEquals(3.0, Prometheus.value(after, "ardoise_clients_connected"));
    assertEquals(1.0, Prometheus.value(after, "ardoise_pads_open"));
    assertEquals(1.0, Prometheus.value(after, "ardoise_store_up"));
    assertEquals(3.0, Prometheus.value(after, "ardoise_store_append_latency_seconds_count"), "one append per op here");
    assertEquals(Prometheus.value(after, "ardoise_commit_batches_total"), Prometheus.value(after, "ardoise_store_append_latency_seconds_count"));
    assertTrue(Prometheus.value(after, "ardoise_store_append_latency_seconds_bucket", "le=\"1.0\"") == 3.0, after);
    assertEquals(3.0, Prometheus.value(after, "ardoise_commit_queue_wait_seconds_count"), "one per append");
    assertEquals(3.0, Prometheus.value(after, "ardoise_flush_duration_seconds_count"), "one flush per commit, no cursor sent");
    // Summed: one heap pool alone (the survivor space just after a GC) may well be empty.
    assertTrue(Prometheus.sum(after, "jvm_memory_used_bytes", "area=\"heap\"") > 0, "heap gauge");
    assertFalse(Double.isNaN(Prometheus.value(after, "process_cpu_usage")), "process CPU gauge");
  }

  @Test
  void theEventLoopDelayIsProbedAndSmallOnAnIdleServer() throws Exception {
    String text = Eventually.first("five probes of the event-loop delay (one every 20 ms)", this::scrape,
        t -> Prometheus.value(t, "ardoise_eventloop_delay_seconds_count") >= 5);
    double count = Prometheus.value(text, "ardoise_eventloop_delay_seconds_count");
    // An idle loop runs a queued task at once; even a busy test machine stays well under a second.
    assertTrue(Prometheus.value(text, "ardoise_eventloop_delay_seconds_bucket", "le=\"1.0\"") == count, text);
  }

  @Test
  void aResentOpIsNotCountedTwice() {
    WsClient alice = server.connect("deux-fois");
    alice.join(ServerFixture.newClientId());
    alice.op(0, 1, "a");
    alice.next("ack");
    alice.op(0, 1, "a"); // a resend after a reconnect: acknowledged again, not applied again
    assertEquals(1L, alice.next("ack").getLong("rev"));
    String text = scrape();
    assertEquals(1.0, Prometheus.value(text, "ardoise_ops_committed_total"));
    assertEquals(0.0, Prometheus.value(text, "ardoise_broadcast_frames_total"));
  }
}
