package ardoise.testing;

import ardoise.ot.AttributedText;
import ardoise.ot.AuthorRun;
import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import ardoise.protocol.ClientSecrets;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link OtClient} speaking Ardoise's JSON protocol (docs/protocol.md) over a socket: it writes
 * the join and op messages, and turns each frame the server sends (joined, ack, op, batch, cursor,
 * error) into client calls, as the editor does. It writes down what tests check: the revisions it
 * learnt, the ops acknowledged, the errors, and every protocol violation (kept, not thrown, since a
 * socket handler has nobody to throw to).
 *
 * <p>Thread rule: none; callers use it from one thread at a time.
 */
public final class ProtocolClient {
  private final OtClient client;
  private final String name;
  private final String secret;
  private final Consumer<String> socket;
  private final List<Long> revisions = new ArrayList<>();
  private final List<TextOperation> acknowledged = new ArrayList<>();
  private final List<JsonObject> errors = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private long firstJoinedRev = -1;
  private int cursorsSeen;
  private int mostRevisionsInOneBatch;

  /**
   * {@code socket} writes one text frame on the current connection. The clientId (and authorId) is
   * the one the server derives from {@code secret} ({@link ClientSecrets}).
   */
  public ProtocolClient(String secret, String name, Consumer<String> socket) {
    String clientId = ClientSecrets.clientId(secret);
    this.client = new OtClient(clientId, clientId, this::sendOp);
    this.secret = secret;
    this.name = name;
    this.socket = socket;
  }

  public OtClient client() { return client; }

  /** The join message: with our rev once we have a document (the server replays what we missed). */
  public JsonObject joinMessage(boolean batch) {
    JsonObject join = new JsonObject().put("type", "join").put("secret", secret).put("name", name);
    if (batch) join.put("batch", true);
    if (client.hasDocument()) join.put("rev", client.rev());
    return join;
  }

  /** Sends the join message on the socket. */
  public void join(boolean batch) {
    socket.accept(joinMessage(batch).encode());
  }

  /** The socket closed: edits are kept and resent after the next joined. */
  public void disconnected() {
    client.disconnected();
  }

  /** Sends our selection, unless an op is unacknowledged (the protocol's rule); false when not sent. */
  public boolean sendCursor(int anchor, int head) {
    if (client.hasPending() || !client.isOnline()) return false;
    socket.accept(new JsonObject().put("type", "cursor").put("rev", client.rev()).put("anchor", anchor)
        .put("head", head).encode());
    return true;
  }

  private void sendOp(long rev, long seq, TextOperation op) {
    socket.accept(new JsonObject().put("type", "op").put("rev", rev).put("seq", seq)
        .put("op", new JsonArray(OpJson.toJsonValues(op))).encode());
  }

  /** Handles one frame from the server; a violation is written down in {@link #problems()}. */
  public void receive(JsonObject frame) {
    try {
      handle(frame);
    } catch (RuntimeException e) {
      problems.add(client.clientId() + ": " + e.getMessage() + " (frame " + frame + ")");
    }
  }

  private void handle(JsonObject f) {
    switch (f.getString("type", "")) {
      case "joined" -> joined(f);
      case "ack" -> acknowledged(client.serverAck(f.getLong("seq"), f.getLong("rev")), f.getLong("rev"));
      case "op" -> {
        client.applyServer(f.getLong("rev"), OpJson.fromJson(f.getJsonArray("op").getList()), f.getString("authorId"));
        revisions.add(f.getLong("rev"));
      }
      case "batch" -> batch(f.getJsonArray("messages"));
      case "cursor" -> cursor(f);
      case "error" -> errors.add(f);
      case "presence", "pong" -> { } // not the state machine's business
      default -> throw new IllegalStateException("unknown frame type");
    }
  }

  private void joined(JsonObject f) {
    AttributedText snapshot = null;
    if (f.containsKey("text")) {
      List<AuthorRun> runs = new ArrayList<>();
      for (Object o : f.getJsonArray("authors", new JsonArray())) {
        JsonArray run = (JsonArray) o;
        runs.add(new AuthorRun(run.getInteger(0), run.getString(1)));
      }
      snapshot = AttributedText.fromRuns(f.getString("text"), runs);
    }
    client.joined(f.getLong("rev"), snapshot, f.getLong("lastSeq", 0L));
    if (firstJoinedRev < 0) firstJoinedRev = client.rev();
  }

  private void acknowledged(TextOperation op, long rev) {
    if (op == null) return; // a repeated ack of a resent op
    acknowledged.add(op);
    revisions.add(rev);
  }

  /** One flush of the pad: our own revisions are our acks, our own cursor is skipped. */
  private void batch(JsonArray messages) {
    int revisionsHere = 0;
    for (Object o : messages) {
      JsonObject m = (JsonObject) o;
      boolean ours = client.clientId().equals(m.getString("clientId"));
      boolean op = "op".equals(m.getString("type"));
      if (op) revisionsHere++;
      if (ours && op) acknowledged(client.serverAck(m.getLong("seq"), m.getLong("rev")), m.getLong("rev"));
      else if (!ours) handle(m);
    }
    mostRevisionsInOneBatch = Math.max(mostRevisionsInOneBatch, revisionsHere);
  }

  /** A relayed cursor is placed on the head the server had when it sent it: our rev now. */
  private void cursor(JsonObject f) {
    if (f.getLong("rev") != client.rev()) throw new IllegalStateException("a cursor at rev " + f.getLong("rev"));
    int length = client.serverLength();
    if (f.getInteger("anchor") > length || f.getInteger("head") > length) {
      throw new IllegalStateException("a cursor outside the document of length " + length);
    }
    cursorsSeen++;
  }

  /** Revisions learnt from acks and ops, in arrival order. */
  public List<Long> revisions() { return List.copyOf(revisions); }

  /** Our ops the server acknowledged, in order (each once, repeated acks left out). */
  public List<TextOperation> acknowledged() { return List.copyOf(acknowledged); }

  public int ackCount() { return acknowledged.size(); }

  public List<JsonObject> errors() { return List.copyOf(errors); }

  public List<String> problems() { return List.copyOf(problems); }

  /** The revision of the first joined (its text); -1 before it. */
  public long firstJoinedRev() { return firstJoinedRev; }

  public int cursorsSeen() { return cursorsSeen; }

  public int mostRevisionsInOneBatch() { return mostRevisionsInOneBatch; }
}
