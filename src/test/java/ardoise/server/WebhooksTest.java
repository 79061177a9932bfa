package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook against the real server and redis-server, received by a small HTTP server of the test:
 * a pad created, edited several times (one post per debounce window, with the newest revision),
 * typed in over a socket and deleted, each post signed with ARDOISE_WEBHOOK_SECRET; a receiver
 * that fails gets the same delivery again.
 */
@Tag("redis")
class WebhooksTest {
  private static final String SECRET = "webhook-secret-0123456789";
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx vertx = Vertx.vertx();
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  /** Requests the receiver still answers 503 before it answers 200. */
  private final AtomicInteger failures = new AtomicInteger();
  private HttpServer receiver;
  private ApiServer running;
  private RedisPadStore store;
  private ServerFixture server;
  private HttpCalls http;
  private ApiV1Calls api;

  private record Received(String uri, MultiMap headers, String body, int answeredWith) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  @BeforeEach
  void start() {
    receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      int status = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
      received.add(new Received(req.uri(), req.headers(), body.toString(StandardCharsets.UTF_8), status));
      req.response().setStatusCode(status).end();
    })).listen(0, "127.0.0.1").await();
    running = ApiServer.start(redis.url(), Map.of(
        "ARDOISE_WEBHOOK_URL", "http://127.0.0.1:" + receiver.actualPort() + "/hooks/ardoise?token=abc",
        "ARDOISE_WEBHOOK_SECRET", SECRET, "ARDOISE_WEBHOOK_DEBOUNCE_SECONDS", "1"));
    store = running.store;
    server = running.server;
    http = running.http;
    api = running.api;
  }

  @AfterEach
  void stop() throws Exception {
    running.close();
    vertx.close().await();
  }

  private Received next() throws Exception {
    Received r = received.poll(30, TimeUnit.SECONDS);
    assertNotNull(r, "a webhook post arrived");
    assertEquals("/hooks/ardoise?token=abc", r.uri());
    assertEquals("application/json", r.headers().get("Content-Type"));
    String signature = r.headers().get("Ardoise-Signature");
    assertNotNull(signature);
    String t = signature.replaceAll("^t=([0-9]+),v1=[0-9a-f]{64}$", "$1");
    String v1 = signature.replaceAll("^t=[0-9]+,v1=([0-9a-f]{64})$", "$1");
    assertEquals(hmac(t + "." + r.body()), v1, "signed with the secret: " + signature);
    assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 120, signature);
    assertEquals(r.json().getString("event"), r.headers().get("Ardoise-Event"));
    return r;
  }

  @Test
  void createdEditedOncePerWindowAndDeletedEachSigned() throws Exception {
    String pad = "hook-" + System.nanoTime();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "un")).status());
    JsonObject created = next().json();
    assertEquals("pad.created", created.getString("event"));
    assertEquals(pad, created.getString("padId"));
    assertEquals(1, created.getLong("revision"));

    for (String more : new String[] {" deux", " trois", " quatre"}) {
      assertEquals(200, api.post("/pads/" + pad + "/append", ApiV1Calls.WRITE, new JsonObject().put("text", more)).status());
    }
    JsonObject edited = next().json();
    assertEquals("pad.edited", edited.getString("event"));
    assertEquals(4, edited.getLong("revision"), "one post for the window, with its newest revision");
    assertNull(received.poll(1500, TimeUnit.MILLISECONDS), "one post per window");

    // Typing over a socket is an edit like any other.
    WsClient writer = server.connect(pad);
    long rev = writer.join(ServerFixture.newClientId()).getLong("rev");
    writer.op(rev, 1, "Zut ", 20).next("ack");
    JsonObject typed = next().json();
    assertEquals("pad.edited", typed.getString("event"));
    assertEquals(5, typed.getLong("revision"));

    assertEquals(204, api.delete("/pads/" + pad, ApiV1Calls.ADMIN).status());
    Received deleted = next();
    assertEquals("pad.deleted", deleted.json().getString("event"));
    assertEquals(pad, deleted.json().getString("padId"));
    assertNotNull(deleted.headers().get("Ardoise-Delivery"));
  }

  @Test
  void aFailingReceiverGetsTheSameDeliveryAgain() throws Exception {
    failures.set(2);
    String pad = "hook-retry-" + System.nanoTime();
    assertEquals(201, api.post("/pads", ApiV1Calls.WRITE, new JsonObject().put("padId", pad).put("text", "x")).status());
    Received first = next();
    Received second = next();
    Received third = next();
    assertEquals(503, first.answeredWith());
    assertEquals(503, second.answeredWith());
    assertEquals(200, third.answeredWith());
    for (Received r : new Received[] {second, third}) {
      assertEquals(first.headers().get("Ardoise-Delivery"), r.headers().get("Ardoise-Delivery"));
      assertEquals(first.json(), r.json());
    }
    assertNull(received.poll(3, TimeUnit.SECONDS), "delivered once answered 200");
  }

  private static String hmac(String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
