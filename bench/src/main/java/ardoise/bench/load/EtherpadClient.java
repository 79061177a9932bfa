package ardoise.bench.load;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client speaking Etherpad 1.8's own protocol, as its browser client does (pad.js,
 * collab_client.js): socket.io 2 over a WebSocket (engine.io 3 framing: {@code 0} open with the ping
 * interval, {@code 40} connected, {@code 42["message",{…}]} a message, {@code 2}/{@code 3} the
 * client's ping and the server's pong), then {@code CLIENT_READY} with a token of its own (Etherpad
 * makes one author per token), {@code CLIENT_VARS} with the text and revision, {@code USER_CHANGES}
 * with one changeset in flight until {@code ACCEPT_COMMIT} and later keystrokes composed meanwhile,
 * and other authors' {@code NEW_CHANGES} moved past both with Etherpad's {@code follow}
 * ({@link EtherpadSync}).
 *
 * <p>How it sits on {@link Client}: the keystrokes, their schedule and the one-op-in-flight state
 * machine are the base class's, over a {@link TextOperation} copy of the document; this class keeps
 * the Etherpad text beside it and sends its own changesets. The two copies always have the same
 * length and the same pending state, so the keystrokes fit both; only the order of two inserts at
 * one place may differ in the base copy, which serves only to place the caret. The base copy is
 * the text without Etherpad's final newline, which the editor never lets anyone type after or delete.
 * Etherpad's browser client sends no cursor messages, so neither does this one.
 */
final class EtherpadClient extends Client {
  /** Etherpad's author id (given by the server per token) → our client id, for the observers. */
  private static final ConcurrentHashMap<String, String> CLIENTS_BY_AUTHOR = new ConcurrentHashMap<>();

  private EtherpadSync sync;
  private String author;
  private long submittedSeq;
  private long pingTimer = -1;

  EtherpadClient(Vertx vertx, ClientWebSocket ws, Measure measure, PadGroup pad, boolean typist, String id, long seed) {
    // Why always full: an Etherpad client builds its changesets from an Etherpad text of its own
    // anyway, so sharing the pad's text would save it little.
    super(vertx, ws, measure, pad, typist, id, seed, true);
  }

  /** As the browser connects (its query carries the pad for sharding proxies), straight on the WebSocket transport. */
  static String path(String padId) {
    return "/socket.io/?padId=" + padId + "&EIO=3&transport=websocket";
  }

  @Override
  void opened() {
    // the server speaks first (engine.io's open packet, then socket.io's connect)
  }

  @Override
  void received(Buffer frame) {
    if (frame.length() == 0) return;
    switch (frame.getByte(0)) {
      case '0' -> { // engine.io open: {"sid":…,"pingInterval":25000,"pingTimeout":5000}
        long interval = Json.parse(frame.slice(1, frame.length())).get("pingInterval").longValue();
        // Why: without a ping every interval the server closes the socket after interval + timeout.
        pingTimer = vertx.setPeriodic(interval, t -> {
          if (!ws.isClosed()) ws.writeTextMessage("2");
        });
      }
      case '3' -> { } // pong
      case '1' -> error("engine.io close");
      case '4' -> {
        byte kind = frame.length() > 1 ? frame.getByte(1) : 0;
        if (kind == '0') clientReady();
        else if (kind == '2') message(Json.parse(frame.slice(2, frame.length())).get(1));
        else if (kind == '4') error("socket.io error " + frame);
      }
      default -> { }
    }
  }

  private void clientReady() {
    StringBuilder sb = new StringBuilder(160).append("42[\"message\",{\"component\":\"pad\",\"type\":\"CLIENT_READY\",\"padId\":");
    Json.string(sb, pad.padId);
    sb.append(",\"sessionID\":null,\"token\":");
    Json.string(sb, "t." + id); // the browser's token: "t." and a random string kept in a cookie
    ws.writeTextMessage(sb.append(",\"protocolVersion\":2}]").toString());
  }

  private void message(JsonNode m) {
    if (m.has("accessStatus") || m.has("disconnect")) {
      error(m.toString());
      return;
    }
    JsonNode type = m.get("type");
    if (type == null) return;
    if (type.textValue().equals("CLIENT_VARS")) {
      JsonNode vars = m.get("data");
      author = vars.get("userId").textValue();
      CLIENTS_BY_AUTHOR.put(author, id);
      JsonNode collab = vars.get("collab_client_vars");
      String text = collab.get("initialAttributedText").get("text").textValue();
      sync = new EtherpadSync(text);
      joinedAt(collab.get("rev").longValue(), withoutFinalNewline(text));
      return;
    }
    if (!type.textValue().equals("COLLABROOM")) return;
    JsonNode data = m.get("data");
    switch (data.get("type").textValue()) {
      case "NEW_CHANGES" -> {
        EtherpadChangeset c = EtherpadChangeset.unpack(data.get("changeset").textValue()).withoutAttribs();
        TextOperation op = asTextOperation(c);
        sync.remote(c);
        String from = data.path("author").asText("");
        remoteOp(op, data.get("newRev").longValue(), CLIENTS_BY_AUTHOR.getOrDefault(from, from), 0);
      }
      case "ACCEPT_COMMIT" -> {
        sync.accepted();
        acked(submittedSeq, data.get("newRev").longValue()); // sends the pending changeset, if any
      }
      default -> { } // USER_NEWINFO, USER_LEAVE, chat: an editor would show them
    }
  }

  private static String withoutFinalNewline(String text) {
    if (!text.endsWith("\n")) throw new IllegalStateException("an Etherpad text ends with a newline");
    return text.substring(0, text.length() - 1);
  }

  /** The same edit as a TextOperation on the text without its final newline (which no changeset here touches). */
  private static TextOperation asTextOperation(EtherpadChangeset c) {
    TextOperation.Builder b = TextOperation.builder();
    int pos = 0;
    int bank = 0;
    for (EtherpadChangeset.Op op : c.ops) {
      switch (op.code) {
        case '=' -> { b.retain(op.chars); pos += op.chars; }
        case '-' -> { b.delete(op.chars); pos += op.chars; }
        default -> { b.insert(c.charBank.substring(bank, bank + op.chars)); bank += op.chars; }
      }
    }
    if (pos > c.oldLen - 1) throw new IllegalStateException("a changeset that changes the final newline: " + c);
    if (pos < c.oldLen - 1) b.retain(c.oldLen - 1 - pos);
    return b.build();
  }

  /** The keystroke's op, as a changeset on our text: one insert or one delete at one place. */
  @Override
  void typed(TextOperation op) {
    int pos = 0;
    EtherpadChangeset cs = null;
    for (Component k : op.components()) {
      if (k instanceof Component.Retain r) {
        pos += r.count();
      } else if (cs != null) {
        throw new IllegalStateException("one edit per keystroke expected: " + op);
      } else if (k instanceof Component.Insert i) {
        cs = EtherpadChangeset.insert(sync.textView(), pos, i.text(), "*0");
      } else if (k instanceof Component.Delete d) {
        cs = EtherpadChangeset.delete(sync.textView(), pos, d.count());
      }
    }
    if (cs != null) sync.local(cs);
  }

  /** Sends the changeset in flight: the base's op is the same edit on its copy of the text. */
  @Override
  void sendOp(long rev, long seq, TextOperation op) {
    submittedSeq = seq;
    StringBuilder sb = new StringBuilder(200).append(
        "42[\"message\",{\"type\":\"COLLABROOM\",\"component\":\"pad\",\"data\":{\"type\":\"USER_CHANGES\",\"baseRev\":")
        .append(rev).append(",\"changeset\":");
    Json.string(sb, sync.submitted().pack());
    sb.append(",\"apool\":{\"numToAttrib\":{\"0\":[\"author\",");
    Json.string(sb, author);
    ws.writeTextMessage(sb.append("]},\"nextNum\":1}}}]").toString());
  }

  /** Our Etherpad text, final newline included (read on the client's context, as the fleet does). */
  @Override
  String text() {
    return sync.text();
  }

  /** Etherpad's browser client sends no cursor: its editor shows nobody else's caret by default. */
  @Override
  boolean caretFollowsOps() {
    return true;
  }

  @Override
  void sendCursor(long rev, int position) {
    // nothing on the wire (see caretFollowsOps)
  }

  @Override
  void close() {
    if (pingTimer >= 0) vertx.cancelTimer(pingTimer);
    super.close();
  }

  @Override
  void lost() {
    if (pingTimer >= 0) vertx.cancelTimer(pingTimer);
    super.lost();
  }
}
