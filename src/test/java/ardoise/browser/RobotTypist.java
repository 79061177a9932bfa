package ardoise.browser;

import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** TEMPORARY diagnostic: a protocol client inserting one char at position 0 every period, with cursor messages. */
final class RobotTypist implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient client = vertx.createWebSocketClient();
  private WebSocket ws;
  private String doc = "";
  private long rev;
  private long seq;
  private TextOperation outstanding;
  private TextOperation buffer;
  private boolean joined;
  private int typed;
  private final char ch;
  private long timer = -1;

  RobotTypist(char ch) {
    this.ch = ch;
  }

  void start(int port, String pad, int periodMs) {
    WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws/" + pad);
    ws = PadServer.await(client.connect(o));
    ws.textMessageHandler(t -> vertx.runOnContext(v -> receive(new JsonObject(t))));
    ws.writeTextMessage(new JsonObject().put("type", "join").put("clientId", "robot-0123456789abc").put("name", "Robot").encode());
    timer = vertx.setPeriodic(periodMs, id -> tick());
  }

  synchronized int typed() { return typed; }

  synchronized boolean idle() { return joined && outstanding == null && buffer == null; }

  void stop() {
    vertx.cancelTimer(timer);
  }

  private synchronized void tick() {
    if (!joined) return;
    TextOperation op = TextOperation.builder().insert(String.valueOf(ch)).retain(doc.length()).build();
    doc = op.apply(doc);
    typed++;
    buffer = buffer == null ? op : buffer.compose(op);
    flush();
  }

  private void flush() {
    if (outstanding != null || buffer == null) return;
    outstanding = buffer;
    buffer = null;
    ws.writeTextMessage(new JsonObject().put("type", "op").put("rev", rev).put("seq", ++seq)
        .put("op", new JsonArray(OpJson.toJsonValues(outstanding))).encode());
  }

  private synchronized void receive(JsonObject m) {
    switch (m.getString("type")) {
      case "joined" -> { joined = true; doc = m.getString("text"); rev = m.getLong("rev"); }
      case "ack" -> {
        rev = m.getLong("rev");
        outstanding = null;
        if (buffer == null) {
          ws.writeTextMessage(new JsonObject().put("type", "cursor").put("rev", rev).put("anchor", 1).put("head", 1).encode());
        }
        flush();
      }
      case "op" -> {
        TextOperation op = OpJson.fromJson(m.getJsonArray("op").getList());
        if (outstanding != null) {
          TextOperation.Transformed t = TextOperation.transform(outstanding, op);
          outstanding = t.aPrime();
          op = t.bPrime();
        }
        if (buffer != null) {
          TextOperation.Transformed t = TextOperation.transform(buffer, op);
          buffer = t.aPrime();
          op = t.bPrime();
        }
        doc = op.apply(doc);
        rev = m.getLong("rev");
      }
      case "error" -> System.out.println("robot error " + m);
      default -> { }
    }
  }

  @Override
  public void close() {
    stop();
    vertx.close();
  }
}
