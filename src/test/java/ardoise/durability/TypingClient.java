package ardoise.durability;

import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A protocol client for durability tests, in the ot.js client model (synchronized, awaiting
 * confirm, awaiting with buffer). It types whole unique tokens {@code <name-n>} only at token
 * boundaries, so the final text is a concatenation of tokens and each can be counted. It records
 * every revision it learns (from ack or op) to check that it sees 1..N once each.
 *
 * <p>Thread rule: every method is synchronized; socket callbacks and the test thread share it.
 */
final class TypingClient {
  private final String name;
  private final String clientId;
  private final Random random;
  // Vert.x 5 closes GC'd clients: keep it in a field.
  private final WebSocketClient wsClient;
  private WebSocket socket;
  private String padId;

  private String doc = "";
  private long rev;
  private long lastSeq;
  private Sent outstanding;
  private TextOperation buffer;
  private int tokens;
  private boolean joined;
  private final List<Long> revs = new ArrayList<>();
  private long joinedAt;
  private final List<String> acked = new ArrayList<>();
  private final List<String> typed = new ArrayList<>();
  private final List<JsonObject> errors = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private int acks;

  private record Sent(long seq, TextOperation op) {}

  TypingClient(Vertx vertx, String name, long seed) {
    this.name = name;
    this.clientId = name + "-client-0123456789";
    // Why mixed: java.util.Random's first draws are nearly equal for consecutive seeds (cases and
    // clients get base + i), which made every case or client start the same way.
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
    this.wsClient = vertx.createWebSocketClient();
  }

  /** Opens a socket to {@code port} and joins {@code padId}, with {@code rev} once it knows one. */
  Future<Void> connect(int port, String path, String padId) {
    this.padId = padId;
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(path + padId);
    return wsClient.connect(options).map(ws -> {
      attach(ws);
      return null;
    });
  }

  private synchronized void attach(WebSocket ws) {
    socket = ws;
    joined = false;
    ws.textMessageHandler(this::receive);
    ws.closeHandler(v -> closed(ws));
    ws.exceptionHandler(e -> { });
    JsonObject join = new JsonObject().put("type", "join").put("clientId", clientId).put("name", name);
    if (rev > 0 || lastSeq > 0) join.put("rev", rev);
    ws.writeTextMessage(join.encode());
  }

  private synchronized void closed(WebSocket ws) {
    if (socket == ws) {
      socket = null;
      joined = false;
    }
  }

  synchronized boolean isConnected() {
    return socket != null && joined;
  }

  /** Closes the socket without a word, as a lost connection would. */
  synchronized void drop() {
    if (socket != null) socket.close();
    socket = null;
    joined = false;
  }

  /** Types the next token at a random token boundary; returns it. */
  synchronized String type() {
    String token = "<" + name + "-" + (++tokens) + ">";
    List<Integer> boundaries = new ArrayList<>();
    boundaries.add(0);
    for (int i = 0; i < doc.length(); i++) if (doc.charAt(i) == '>') boundaries.add(i + 1);
    int at = boundaries.get(random.nextInt(boundaries.size()));
    TextOperation op = TextOperation.builder().retain(at).insert(token).retain(doc.length() - at).build();
    doc = op.apply(doc);
    typed.add(token);
    buffer = buffer == null ? op : buffer.compose(op);
    flush();
    return token;
  }

  private void flush() {
    if (outstanding != null || buffer == null || !joined) return;
    outstanding = new Sent(++lastSeq, buffer);
    buffer = null;
    send(outstanding);
  }

  private void send(Sent s) {
    socket.writeTextMessage(new JsonObject().put("type", "op").put("rev", rev).put("seq", s.seq())
        .put("op", new JsonArray(OpJson.toJsonValues(s.op()))).encode());
  }

  private synchronized void receive(String text) {
    JsonObject m = new JsonObject(text);
    switch (m.getString("type", "")) {
      case "joined" -> joined(m);
      case "ack" -> ack(m.getLong("seq"), m.getLong("rev"));
      case "op" -> remoteOp(m);
      case "error" -> errors.add(m);
      default -> { } // presence, cursor: not this test's business
    }
  }

  private void joined(JsonObject m) {
    joined = true;
    long serverLastSeq = m.getLong("lastSeq", 0L);
    if (m.containsKey("text")) {
      if (rev > 0 || outstanding != null) problems.add("joined with full text although rev " + rev + " was given");
      doc = m.getString("text");
      rev = m.getLong("rev");
      joinedAt = rev;
    }
    if (outstanding != null && outstanding.seq() > serverLastSeq) {
      send(outstanding); // not committed: resend with its seq, rebased on what we know
    } else if (outstanding == null) {
      lastSeq = Math.max(lastSeq, serverLastSeq);
      flush();
    }
    // else: committed while we were away; its revision arrives as our own op in the replay.
  }

  private void ack(long seq, long ackRev) {
    acks++;
    if (outstanding == null || seq != outstanding.seq()) {
      if (seq > lastSeq) problems.add("ack of unknown seq " + seq);
      return; // a repeated ack of a committed seq: allowed after a resend
    }
    confirm(ackRev);
  }

  private void confirm(long newRev) {
    if (newRev != rev + 1) problems.add("revision " + newRev + " after " + rev);
    revs.add(newRev);
    rev = newRev;
    acked.addAll(tokensOf(outstanding.op()));
    outstanding = null;
    flush();
  }

  private void remoteOp(JsonObject m) {
    long opRev = m.getLong("rev");
    if (opRev <= rev) {
      problems.add("op of revision " + opRev + " again (at " + rev + ")");
      return;
    }
    if (clientId.equals(m.getString("clientId")) && outstanding != null) {
      confirm(opRev); // our own op, committed while we were away, seen in the replay
      return;
    }
    TextOperation op = OpJson.fromJson(m.getJsonArray("op").getList());
    if (outstanding != null) {
      TextOperation.Transformed t = TextOperation.transform(outstanding.op(), op);
      outstanding = new Sent(outstanding.seq(), t.aPrime());
      op = t.bPrime();
    }
    if (buffer != null) {
      TextOperation.Transformed t = TextOperation.transform(buffer, op);
      buffer = t.aPrime();
      op = t.bPrime();
    }
    doc = op.apply(doc);
    if (opRev != rev + 1) problems.add("revision " + opRev + " after " + rev);
    revs.add(opRev);
    rev = opRev;
  }

  private static List<String> tokensOf(TextOperation op) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = TOKEN.matcher(op.toString());
    while (m.find()) out.add(m.group());
    return out;
  }

  static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("<[A-Za-z0-9]+-\\d+>");

  synchronized boolean idle() {
    return joined && outstanding == null && buffer == null;
  }

  synchronized String doc() { return doc; }
  synchronized long rev() { return rev; }
  synchronized int acks() { return acks; }
  synchronized List<Long> revs() { return List.copyOf(revs); }
  /** The revision of the first join's text: {@link #revs()} should be joinedAt+1 .. rev. */
  synchronized long joinedAt() { return joinedAt; }
  synchronized List<String> acked() { return List.copyOf(acked); }
  synchronized List<String> typed() { return List.copyOf(typed); }
  synchronized List<JsonObject> errors() { return List.copyOf(errors); }
  synchronized List<String> problems() { return List.copyOf(problems); }
  String name() { return name; }
}
