package ardoise.http.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pad events posted to the webhook: {@code pad.created} at a pad's first stored revision and
 * {@code pad.deleted} at its deletion, at once; {@code pad.edited} at most once per debounce window
 * per pad, with the newest revision (the window opens with the first edit after the last post, so
 * a pad typed in all day is posted once per window, not once per keystroke). Events of one server:
 * each server posts the commits it made. Thread rule: any thread (pads call it from their loops).
 */
public final class PadEvents {
  private final Vertx vertx;
  private final WebhookSender sender;
  private final long debounceMillis;
  /** Pads with an edit waiting for its window to close: padId → newest revision. */
  private final Map<String, Long> waiting = new ConcurrentHashMap<>();

  public PadEvents(Vertx vertx, WebhookTarget target) {
    this.vertx = vertx;
    this.sender = new WebhookSender(vertx, target);
    this.debounceMillis = target.debounceMillis();
  }

  void created(String padId, long revision) {
    sender.send("pad.created", padId, new JsonObject().put("revision", revision));
  }

  void edited(String padId, long revision) {
    boolean[] opens = {false};
    waiting.compute(padId, (id, newest) -> {
      opens[0] = newest == null;
      return newest == null ? revision : Math.max(newest, revision);
    });
    if (!opens[0]) return;
    // The first edit of a window: post the newest revision when the window closes.
    vertx.setTimer(debounceMillis, t -> {
      Long newest = waiting.remove(padId);
      if (newest != null) sender.send("pad.edited", padId, new JsonObject().put("revision", newest));
    });
  }

  void deleted(String padId) {
    waiting.remove(padId); // its pending edit is moot
    sender.send("pad.deleted", padId, new JsonObject());
  }

  public io.vertx.core.Future<Void> close() {
    return sender.close();
  }
}
