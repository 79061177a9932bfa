package ardoise.bench.load;

import ardoise.ot.TextOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;

/**
 * A client speaking ShareDB's JSON wire protocol (what sharedb/lib/client sends): handshake,
 * subscribe to the text-unicode document "pads/{padId}", ops with (src, seq) and version v,
 * cursors as presence on channel "cursor:{padId}". The first client of a pad creates the document.
 */
final class ShareDbClient extends Client {
  static final String TYPE = "http://sharejs.org/types/text-unicode";
  private final boolean creates;
  private long presenceVersion;
  private int lastCursor;
  /** Ops that came on the subscription stream before the subscribe reply (ShareDB sends them first). */
  private final java.util.ArrayDeque<Decoded> early = new java.util.ArrayDeque<>();
  private boolean fetching;

  ShareDbClient(Vertx vertx, ClientWebSocket ws, Measure measure, PadGroup pad, boolean typist, String id, long seed,
      boolean creates, boolean full) {
    super(vertx, ws, measure, pad, typist, id, seed, full);
    this.creates = creates;
  }

  static String path(String padId) {
    return "/";
  }

  @Override
  void opened() {
    // the server speaks first ("init")
  }

  /**
   * A frame's tree and its op as read for a text of {@code opBase} characters, decoded once per
   * thread for every client that receives the same bytes (see {@link Json#decoded}): members at the
   * same version read the same op, so they share it.
   */
  private static final class Decoded {
    final JsonNode m;
    private TextOperation op;
    private int opBase = -1;

    Decoded(JsonNode m) {
      this.m = m;
    }

    TextOperation op(int baseLength) {
      if (opBase != baseLength) {
        op = Json.readOp(m.get("op"), baseLength);
        opBase = baseLength;
      }
      return op;
    }
  }

  @Override
  void received(Buffer frame) {
    Decoded d = Json.decoded(frame, Decoded::new);
    JsonNode m = d.m;
    String a = m.get("a").textValue();
    if (m.has("error")) {
      if (a.equals("op") && m.has("create")) subscribe(); // the document already exists
      else error(frame.toString());
      return;
    }
    switch (a) {
      case "init" -> ws.writeTextMessage("{\"a\":\"hs\",\"id\":\"" + id + "\",\"protocol\":1,\"protocolMinor\":2}");
      case "hs" -> {
        if (creates) {
          ws.writeTextMessage("{\"a\":\"op\",\"c\":\"pads\",\"d\":\"" + pad.padId + "\",\"v\":0,\"src\":\"" + id
              + "-create\",\"seq\":1,\"create\":{\"type\":\"" + TYPE + "\",\"data\":\"\"}}");
        } else {
          subscribe();
        }
      }
      case "s" -> subscribed(m.get("data"));
      case "f" -> fetching = false;
      case "op" -> op(d);
      case "pr" -> resendCursor(); // a new subscriber asks everyone for their presence, as ShareDB clients answer
      default -> { } // presence ("p", "ps", "pr"): an editor would draw the cursors
    }
  }

  private void subscribe() {
    ws.writeTextMessage("{\"a\":\"ps\",\"ch\":\"cursor:" + pad.padId + "\",\"seq\":1}");
    ws.writeTextMessage("{\"a\":\"s\",\"c\":\"pads\",\"d\":\"" + pad.padId + "\",\"v\":null}");
  }

  private void subscribed(JsonNode data) {
    if (data == null || data.get("type").isNull()) {
      error("document pads/" + pad.padId + " does not exist");
      return;
    }
    joinedAt(data.get("v").longValue(), data.get("data").textValue());
    while (!early.isEmpty()) op(early.poll());
  }

  private void op(Decoded d) {
    JsonNode m = d.m;
    long v = m.get("v").longValue();
    String src = m.get("src").textValue();
    if (src.equals(id + "-create")) {
      subscribe(); // our create was acknowledged
      return;
    }
    if (m.has("create")) return; // another client's create
    long seq = m.get("seq").longValue();
    if (!m.has("op")) {
      if (src.equals(id)) acked(seq, v + 1);
      return;
    }
    if (!joined) {
      early.add(d);
      return;
    }
    if (v < rev) return; // sent twice (submit reply and subscription): ShareDB clients skip it
    if (v > rev) {
      // Why: ShareDB's client does the same on a gap: fetch the missing ops, drop this one.
      if (!fetching) ws.writeTextMessage("{\"a\":\"f\",\"c\":\"pads\",\"d\":\"" + pad.padId + "\",\"v\":" + rev + "}");
      fetching = true;
      measure.refetches.increment();
      return;
    }
    remoteOp(d.op(serverLength()), v + 1, src, seq);
  }

  @Override
  void sendOp(long rev, long seq, TextOperation op) {
    StringBuilder sb = new StringBuilder(96).append("{\"a\":\"op\",\"c\":\"pads\",\"d\":\"").append(pad.padId)
        .append("\",\"v\":").append(rev).append(",\"src\":\"").append(id).append("\",\"seq\":").append(seq).append(",\"op\":");
    Json.textUnicodeOp(sb, op);
    ws.writeTextMessage(sb.append('}').toString());
  }

  private void resendCursor() {
    if (typist && joined && presenceVersion > 0) sendCursor(rev, lastCursor);
  }

  /** ShareDB's presence has no such rule: an editor publishes its caret after each change. */
  @Override
  boolean caretFollowsOps() {
    return false;
  }

  @Override
  void sendCursor(long rev, int position) {
    lastCursor = position;
    ws.writeTextMessage("{\"a\":\"p\",\"ch\":\"cursor:" + pad.padId + "\",\"id\":\"" + id + "\",\"p\":{\"index\":" + position
        + ",\"length\":0},\"pv\":" + (++presenceVersion) + "}");
  }
}
