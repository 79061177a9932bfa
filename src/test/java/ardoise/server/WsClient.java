package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Promise;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test WebSocket client: frames land in queues (presence frames apart, as the whole member list a
 * page makes of them), read with bounded waits.
 */
public final class WsClient {
  static final long WAIT_SECONDS = 20;

  final ClientWebSocket ws;
  final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  /** Each presence frame as the list it makes: {@code {type, members, viewers}}. */
  final LinkedBlockingQueue<JsonObject> presence = new LinkedBlockingQueue<>();
  /** Each presence frame as it came: the whole list, or what changed in it. */
  final LinkedBlockingQueue<JsonObject> presenceFrames = new LinkedBlockingQueue<>();
  private final java.util.LinkedHashMap<String, JsonObject> roster = new java.util.LinkedHashMap<>();
  private int viewers;
  /** Every frame in arrival order, presence included. */
  final LinkedBlockingQueue<JsonObject> all = new LinkedBlockingQueue<>();
  private final Promise<Short> closed = Promise.promise();

  /** Handlers are set before connecting, so no frame is missed. */
  WsClient(ClientWebSocket ws, WebSocketConnectOptions options) {
    this.ws = ws;
    ws.textMessageHandler(s -> {
      JsonObject o = new JsonObject(s);
      all.add(o);
      if (o.getString("type").equals("presence")) {
        presenceFrames.add(o);
        presence.add(wholeList(o));
      } else {
        frames.add(o);
      }
    });
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    ws.connect(options).await();
  }

  public WsClient send(JsonObject o) {
    return sendRaw(o.encode());
  }

  public WsClient sendRaw(String text) {
    ws.writeTextMessage(text).await();
    return this;
  }

  /** Joins with {@code secret}: the clientId is its hash ({@link ardoise.protocol.ClientSecrets}). */
  public JsonObject join(String secret) {
    return join(secret, null);
  }

  /** Sends join (with {@code rev} when non-null) and returns the joined frame. */
  public JsonObject join(String secret, Long rev) {
    JsonObject j = new JsonObject().put("type", "join").put("secret", secret).put("name", "Test " + secret.substring(0, 4));
    if (rev != null) j.put("rev", rev);
    send(j);
    return next("joined");
  }

  public WsClient op(long rev, long seq, Object... components) {
    return send(new JsonObject().put("type", "op").put("rev", rev).put("seq", seq).put("op", new JsonArray(java.util.List.of(components))));
  }

  /** The next non-presence frame. */
  public JsonObject next() {
    return poll(frames, "no frame arrived");
  }

  private static JsonObject poll(LinkedBlockingQueue<JsonObject> queue, String none) {
    try {
      JsonObject o = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(o, none);
      return o;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The next non-presence frame, which must have this type. */
  public JsonObject next(String type) {
    JsonObject o = next();
    assertEquals(type, o.getString("type"), () -> "unexpected frame " + o);
    return o;
  }

  public JsonObject nextError(String code) {
    JsonObject o = next("error");
    assertEquals(code, o.getString("code"), () -> "unexpected error " + o);
    return o;
  }

  /** The code of the next error frame, skipping ops, chat and the rest. */
  public String nextErrorCode() {
    while (true) {
      JsonObject frame = next();
      if (frame.getString("type").equals("error")) return frame.getString("code");
    }
  }

  /** As roster.js: a whole list replaces what was known, a change is applied to it. */
  private JsonObject wholeList(JsonObject frame) {
    if (frame.containsKey("members")) {
      roster.clear();
      viewers = frame.getInteger("viewers", 0);
      for (Object m : frame.getJsonArray("members")) roster.put(((JsonObject) m).getString("clientId"), (JsonObject) m);
    } else {
      for (Object id : frame.getJsonArray("left")) roster.remove((String) id);
      for (Object m : frame.getJsonArray("changed")) roster.put(((JsonObject) m).getString("clientId"), (JsonObject) m);
      viewers = frame.getInteger("viewers");
    }
    return new JsonObject().put("type", "presence").put("members", new JsonArray(new java.util.ArrayList<>(roster.values())))
        .put("viewers", viewers);
  }

  public JsonObject nextPresenceFrame() {
    return poll(presenceFrames, "no presence frame arrived");
  }

  /** The next presence frame, as the whole list it makes. */
  public JsonObject nextPresence() {
    return poll(presence, "no presence frame arrived");
  }

  /** Waits for the server to close this socket; returns the close status. */
  public short awaitClosed() {
    return closed.future().await();
  }

  public boolean isClosed() {
    return closed.future().isComplete();
  }

  public void close() {
    if (!ws.isClosed()) ws.close().await();
  }
}
