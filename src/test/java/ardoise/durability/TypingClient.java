package ardoise.durability;

import ardoise.ot.TextOperation;
import ardoise.testing.ProtocolClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A typist for durability tests: the shared protocol client ({@link ProtocolClient}) on a real
 * WebSocket that the test can drop and open again (it then rejoins with its rev and resends). It
 * types whole unique tokens {@code <name-n>} only at token boundaries, so the final text is a
 * concatenation of tokens and each can be counted.
 *
 * <p>Thread rule: every method is synchronized; socket callbacks and the test thread share it.
 */
final class TypingClient {
  static final Pattern TOKEN = Pattern.compile("<[A-Za-z0-9]+-\\d+>");

  private final String name;
  private final Random random;
  // Vert.x 5 closes GC'd clients: keep it in a field.
  private final WebSocketClient wsClient;
  private final ProtocolClient protocol;
  private final List<String> typed = new ArrayList<>();
  private WebSocket socket;
  private int tokens;

  TypingClient(Vertx vertx, String name, long seed) {
    this.name = name;
    // Why mixed: java.util.Random's first draws are nearly equal for consecutive seeds (cases and
    // clients get base + i), which made every case or client start the same way.
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
    this.wsClient = vertx.createWebSocketClient();
    this.protocol = new ProtocolClient(name + "-client-0123456789", name, this::write);
  }

  /** Opens a socket to {@code port} and joins {@code padId}, with our rev once we have a document. */
  Future<Void> connect(int port, String path, String padId) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(path + padId);
    return wsClient.connect(options).map(ws -> {
      attach(ws);
      return null;
    });
  }

  private synchronized void attach(WebSocket ws) {
    socket = ws;
    ws.textMessageHandler(this::receive);
    ws.closeHandler(v -> closed(ws));
    ws.exceptionHandler(e -> { });
    protocol.join(false);
  }

  private synchronized void write(String frame) {
    if (socket != null) socket.writeTextMessage(frame);
  }

  private synchronized void receive(String frame) {
    protocol.receive(new JsonObject(frame));
  }

  private synchronized void closed(WebSocket ws) {
    if (socket == ws) {
      socket = null;
      protocol.disconnected();
    }
  }

  synchronized boolean isConnected() {
    return socket != null && protocol.client().isOnline();
  }

  /** Closes the socket without a word, as a lost connection would. */
  synchronized void drop() {
    if (socket != null) socket.close();
    socket = null;
    protocol.disconnected();
  }

  /** Types the next token at a random token boundary (offline too); returns it. */
  synchronized String type() {
    String doc = doc();
    String token = "<" + name + "-" + (++tokens) + ">";
    List<Integer> boundaries = new ArrayList<>();
    boundaries.add(0);
    for (int i = 0; i < doc.length(); i++) if (doc.charAt(i) == '>') boundaries.add(i + 1);
    int at = boundaries.get(random.nextInt(boundaries.size()));
    protocol.client().applyClient(TextOperation.builder().retain(at).insert(token).retain(doc.length() - at).build());
    typed.add(token);
    return token;
  }

  /** Joined, and every op acknowledged. */
  synchronized boolean idle() {
    return protocol.client().isOnline() && !protocol.client().hasPending();
  }

  synchronized String doc() {
    return protocol.client().hasDocument() ? protocol.client().document().text() : "";
  }

  synchronized long rev() { return protocol.client().rev(); }

  synchronized int acks() { return protocol.ackCount(); }

  /** Every revision learnt from an ack or an op, in arrival order. */
  synchronized List<Long> revs() { return protocol.revisions(); }

  /** The revision of the first join's text: {@link #revs()} should be joinedAt+1 .. rev. */
  synchronized long joinedAt() { return protocol.firstJoinedRev(); }

  /** The tokens of our acknowledged ops. */
  synchronized List<String> acked() {
    List<String> out = new ArrayList<>();
    for (TextOperation op : protocol.acknowledged()) {
      Matcher m = TOKEN.matcher(op.toString());
      while (m.find()) out.add(m.group());
    }
    return out;
  }

  synchronized List<String> typed() { return List.copyOf(typed); }

  synchronized List<JsonObject> errors() { return protocol.errors(); }

  /** Protocol violations the client noticed (a revision out of order, an unknown ack…). */
  synchronized List<String> problems() { return protocol.problems(); }

  String name() { return name; }
}
