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
    sb.append('}');
    ws.writeTextMessage(sb.toString());
  }

  /** The server names an op's author by the clientId it derives from our secret, not by the secret. */
  @Override
  String authorKey() {
    return publicId;
  }

  @Override
  void received(Buffer frame) {
    received(Json.parse(frame), frame);
  }

  private void received(JsonNode m, Buffer frame) {
    switch (m.get("type").textValue()) {
      case "joined" -> joinedAt(m.get("rev").longValue(), m.get("text").textValue());
      case "ack" -> acked(m.get("seq").longValue(), m.get("rev").longValue());
      case "op" -> remoteOp(Json.readOp(m.get("op"), 0), m.get("rev").longValue(), m.get("clientId").textValue(),
          m.has("seq") ? m.get("seq").longValue() : 0); // inside a batch, every op carries its author's seq
      case "batch" -> {
        // One flush of the pad: our own revisions are our acks, our own cursor is skipped.
        for (JsonNode inner : m.get("messages")) {
          boolean ours = publicId.equals(inner.get("clientId").textValue());
          if (!ours) received(inner, frame);
          else if ("op".equals(inner.get("type").textValue())) acked(inner.get("seq").longValue(), inner.get("rev").longValue());
        }
      }
      case "error" -> error(frame.toString());
      default -> { } // presence and cursors: an editor would draw them
    }
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
