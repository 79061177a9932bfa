package ardoise.bench.load;

import ardoise.ot.TextOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;

/** A client speaking Ardoise's protocol (docs/protocol.md) at /ws/{padId}. */
final class ArdoiseClient extends Client {

  ArdoiseClient(Vertx vertx, ClientWebSocket ws, Measure measure, PadGroup pad, boolean typist, String id, long seed) {
    super(vertx, ws, measure, pad, typist, id, seed);
  }

  static String path(String padId) {
    return "/ws/" + padId;
  }

  @Override
  void opened() {
    StringBuilder sb = new StringBuilder("{\"type\":\"join\",\"clientId\":");
    Json.string(sb, id);
    sb.append(",\"name\":\"").append(typist ? "Typist" : "Viewer").append("\"}");
    ws.writeTextMessage(sb.toString());
  }

  @Override
  void received(String frame) {
    JsonNode m = Json.parse(frame);
    switch (m.get("type").textValue()) {
      case "joined" -> joinedAt(m.get("rev").longValue(), m.get("text").textValue());
      case "ack" -> acked(m.get("seq").longValue(), m.get("rev").longValue());
      case "op" -> remoteOp(Json.readOp(m.get("op"), 0), m.get("rev").longValue(), m.get("clientId").textValue(), 0);
      case "error" -> error(frame);
      default -> { } // presence and cursors: an editor would draw them
    }
  }

  @Override
  void sendOp(long rev, long seq, TextOperation op) {
    StringBuilder sb = new StringBuilder(64).append("{\"type\":\"op\",\"rev\":").append(rev).append(",\"seq\":").append(seq).append(",\"op\":");
    Json.ardoiseOp(sb, op);
    ws.writeTextMessage(sb.append('}').toString());
  }

  @Override
  void sendCursor(long rev, int position) {
    ws.writeTextMessage("{\"type\":\"cursor\",\"rev\":" + rev + ",\"anchor\":" + position + ",\"head\":" + position + "}");
  }
}
