package ardoise.http.webhook;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Posts one event to the webhook target, signed ({@link WebhookSignature}), and tries again after
 * 1, 2, 4, 8 and 16 s while the receiver does not answer 2xx; each try is signed anew with its own
 * time, and carries the same {@code Ardoise-Delivery} id so the receiver can drop a repeat. A
 * delivery given up is logged with its pad and event, never the URL (it may hold a token).
 * Thread rule: any thread.
 */
final class WebhookSender {
  private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
  static final int ATTEMPTS = 6;
  private static final long FIRST_RETRY_MILLIS = 1000;
  private static final long TIMEOUT_MILLIS = 10_000;

  private final Vertx vertx;
  private final WebhookTarget target;
  private final HttpClient client;

  WebhookSender(Vertx vertx, WebhookTarget target) {
    this.vertx = vertx;
    this.target = target;
    this.client = vertx.createHttpClient(new HttpClientOptions().setSsl(target.https()).setKeepAlive(true)
        .setConnectTimeout((int) TIMEOUT_MILLIS));
  }

  /** Sends {@code event} about {@code padId} with {@code data}; completes once delivered or given up. */
  Future<Boolean> send(String event, String padId, JsonObject data) {
    String body = new JsonObject().put("event", event).put("padId", padId).put("time", System.currentTimeMillis())
        .mergeIn(data).encode();
    return attempt(event, padId, body, UUID.randomUUID().toString(), 1);
  }

  private Future<Boolean> attempt(String event, String padId, String body, String delivery, int number) {
    long now = System.currentTimeMillis() / 1000;
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.url().getHost())
        .setPort(target.port()).setURI(target.requestUri()).setTimeout(TIMEOUT_MILLIS)
        .putHeader("Content-Type", "application/json").putHeader("User-Agent", "Ardoise-Webhook")
        .putHeader("Ardoise-Event", event).putHeader("Ardoise-Delivery", delivery)
        .putHeader("Ardoise-Signature", WebhookSignature.header(target.secret(), now, body));
    return client.request(options).compose(req -> req.send(Buffer.buffer(body)))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .transform(r -> {
          boolean delivered = r.succeeded() && r.result() / 100 == 2;
          if (delivered) return Future.succeededFuture(true);
          String why = r.succeeded() ? "status " + r.result() : r.cause().getClass().getSimpleName();
          if (number == ATTEMPTS) {
            LOG.log(System.Logger.Level.WARNING, "pad={0} client=- webhook {1} not delivered after {2} tries: {3}",
                padId, event, ATTEMPTS, why);
            return Future.succeededFuture(false);
          }
          long wait = FIRST_RETRY_MILLIS << (number - 1);
          return vertx.timer(wait).compose(v -> attempt(event, padId, body, delivery, number + 1));
        });
  }

  Future<Void> close() {
    return client.close();
  }
}
