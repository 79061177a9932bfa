package ardoise.bench.load;

import ardoise.ot.TextOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;

/** A client speaking Ardoise's protocol (docs/protocol.md) at /ws/{padId}. */
final class ArdoiseClient extends Client {
  private final String publicId = ardoise.protocol.ClientSecrets.clientId(id);

  /** {@code -Dbench.batch=false}: join without asking for batch frames (one frame per revision and cursor). */
  private static final boolean BATCH = Boolean.parseBoolean(System.getProperty("bench.batch", "true"));

  ArdoiseClient(Vertx vertx, ClientWebSocket ws, Measure measure, PadGroup pad, boolean typist, String id, long seed,
      boolean full) {
    super(vertx, ws, measure, pad, typist, id, seed, full);
  }

  static String path(String padId) {
    return "/ws/" + padId;
  }

  @Override
  void opened() {
    // The id is the secret; the server names this client by its hash (ClientSecrets).
    StringBuilder sb = new StringBuilder("{\"type\":\"join\",\"secret\":");
    Json.string(sb, id);
    sb.append(",\"name\":\"").append(typist ? "Typist" : "Viewer").append('"');
    if (BATCH) sb.append(",\"batch\":true"); // as the editor does
    sb.append(",\"presenceChanges\":true"); // as the editor does: presence frames carry what changed
    sb.append('}');
    ws.writeTextMessage(sb.toString());
  }

  /** The server names an op's author by the clientId it derives from our secret, not by the secret. */
  @Override
  String authorKey() {
    return publicId;
  }

  /** How the server begins a {@code joined} frame (FrameEncoder writes the type first). */
  private static final byte[] JOINED = "{\"type\":\"joined\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Override
  void received(Buffer frame) {
    if (startsWith(frame, JOINED)) {
      Json.Joined j = Json.joined(frame);
      joinedAt(j.rev(), j.text());
      return;
    }
    for (Message m : Json.decoded(frame, ArdoiseClient::decode)) {
      if (m.inBatch && publicId.equals(m.clientId)) {
        // One flush of the pad: our own revisions are our acks, our own cursor is skipped.
        if (m.type.equals("op")) acked(m.seq, m.rev);
        continue;
      }
      switch (m.type) {
        case "joined" -> joinedAt(m.rev, m.text);
        case "ack" -> acked(m.seq, m.rev);
        case "op" -> {
          remoteOp(m.op, m.rev, m.clientId, m.seq, !m.recorded); // inside a batch, every op carries its author's seq
          m.recorded = true;
        }
        case "error" -> error(m.text);
        default -> { } // presence and cursors: an editor would draw them
      }
    }
  }

  private static boolean startsWith(Buffer frame, byte[] prefix) {
    if (frame.length() < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (frame.getByte(i) != prefix[i]) return false;
    return true;
  }

  /**
   * One message of a frame as the client uses it; a batch frame is its messages in order. Decoded
   * once per thread for all the clients that receive the same bytes (see {@link Json#decoded}), so
   * they share the op objects too. {@code seq}: an op's author's seq, 0 when the frame has none.
   * Thread rule: the decoded frames are per thread (Json's cache), so {@code recorded} needs no lock.
   */
  private static final class Message {
    final String type;
    final boolean inBatch;
    final long rev;
    final long seq;
    final String clientId;
    final TextOperation op;
    final String text;
    /** A client of this thread gave this op to the pad's shared text. */
    boolean recorded;

    Message(String type, boolean inBatch, long rev, long seq, String clientId, TextOperation op, String text) {
      this.type = type;
      this.inBatch = inBatch;
      this.rev = rev;
      this.seq = seq;
      this.clientId = clientId;
      this.op = op;
      this.text = text;
    }
  }

  private static Message[] decode(JsonNode m) {
    if (!"batch".equals(m.get("type").textValue())) return new Message[] {message(m, false)};
    JsonNode inner = m.get("messages");
    Message[] all = new Message[inner.size()];
    for (int i = 0; i < all.length; i++) all[i] = message(inner.get(i), true);
    return all;
  }

  private static Message message(JsonNode m, boolean inBatch) {
    String type = m.get("type").textValue();
    long rev = m.has("rev") ? m.get("rev").longValue() : 0;
    long seq = m.has("seq") ? m.get("seq").longValue() : 0;
    String clientId = m.has("clientId") ? m.get("clientId").textValue() : null;
    return switch (type) {
      case "joined" -> new Message(type, inBatch, rev, seq, clientId, null, m.get("text").textValue());
      case "op" -> new Message(type, inBatch, rev, seq, clientId, Json.readOp(m.get("op"), 0), null);
      case "error" -> new Message(type, inBatch, rev, seq, clientId, null, m.toString());
      default -> new Message(type, inBatch, rev, seq, clientId, null, null);
    };
  }

  @Override
  void sendOp(long rev, long seq, TextOperation op) {
    StringBuilder sb = new StringBuilder(64).append("{\"type\":\"op\",\"rev\":").append(rev).append(",\"seq\":").append(seq).append(",\"op\":");
    Json.ardoiseOp(sb, op);
    ws.writeTextMessage(sb.append('}').toString());
  }

  /** Ardoise's editor places a member's caret from its ops (pad-session.js): no cursor after an ack at that caret. */
  @Override
  boolean caretFollowsOps() {
    return true;
  }

  @Override
  void sendCursor(long rev, int position) {
    ws.writeTextMessage("{\"type\":\"cursor\",\"rev\":" + rev + ",\"anchor\":" + position + ",\"head\":" + position + "}");
  }
}
