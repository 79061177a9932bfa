package ardoise.bench.load;

import ardoise.ot.TextOperation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    for (Message m : messages(frame)) {
      if (m.inBatch && publicId.equals(m.clientId)) {
        // One flush of the pad: our own revisions are our acks, our own cursor is skipped.
        if (m.type.equals("op")) acked(m.seq, m.rev);
        continue;
      }
      switch (m.type) {
        case "joined" -> joinedAt(m.rev, m.text);
        case "ack" -> acked(m.seq, m.rev);
        case "op" -> {
          remoteOp(m.op, m.edit, m.rev, m.clientId, m.seq, !m.recorded); // inside a batch, every op carries its author's seq
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
   * once per thread for all the clients that receive the same bytes (see {@link Json#streamed}), so
   * they share the op objects too. {@code seq}: an op's author's seq, 0 when the frame has none.
   * Thread rule: the decoded frames are per thread (Json's cache), so {@code recorded} needs no lock.
   */
  static final class Message {
    final String type;
    final boolean inBatch;
    final long rev;
    final long seq;
    final String clientId;
    final TextOperation op;
    /** The op's {@link TypingEdit} (null: none), shared by the clients as the op is. */
    final TypingEdit edit;
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
      this.edit = op == null ? null : TypingEdit.of(op);
      this.text = text;
    }
  }

  /** A frame's messages, decoded once per thread for every client that receives the same bytes. */
  static Message[] messages(Buffer frame) {
    return Json.streamed(frame, ArdoiseClient::decode);
  }

  /**
   * A frame's messages, read as a stream: a single message, or a batch's {@code messages} in order.
   * Fields may come in any order; a field this client does not use is skipped.
   */
  private static Message[] decode(JsonParser p, byte[] frame) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalStateException("a frame is an object");
    List<Message> batch = new ArrayList<>();
    Message single = message(p, false, batch, frame);
    return single != null ? new Message[] {single} : batch.toArray(new Message[0]);
  }

  /** Reads the object {@code p} is at; a batch adds its messages to {@code batch} and returns null. */
  private static Message message(JsonParser p, boolean inBatch, List<Message> batch, byte[] frame) throws IOException {
    String type = null;
    long rev = 0;
    long seq = 0;
    String clientId = null;
    TextOperation op = null;
    String text = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "type" -> type = p.getText();
        case "rev" -> rev = p.getLongValue();
        case "seq" -> seq = p.getLongValue();
        case "clientId" -> clientId = p.getText();
        case "text" -> text = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "op" -> {
          if (value == JsonToken.START_ARRAY) op = Json.readArdoiseOp(p);
          else p.skipChildren();
        }
        case "messages" -> {
          if (inBatch || value != JsonToken.START_ARRAY) throw new IllegalStateException("messages inside a message");
          while (p.nextToken() == JsonToken.START_OBJECT) batch.add(message(p, true, batch, frame));
        }
        default -> p.skipChildren();
      }
    }
    if (type == null) throw new IllegalStateException("a message without a type");
    if (type.equals("batch")) return null;
    if (type.equals("error")) text = new String(frame, StandardCharsets.UTF_8);
    if (type.equals("op") && op == null) throw new IllegalStateException("an op message without an op");
    return new Message(type, inBatch, rev, seq, clientId, op, text);
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
