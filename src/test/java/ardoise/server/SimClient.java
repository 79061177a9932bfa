package ardoise.server;

import ardoise.ot.OpJson;
import ardoise.ot.TextOperation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Random;

/**
 * An ot.js-style client (Synchronized / AwaitingConfirm / AwaitingWithBuffer) over a real socket:
 * one op in flight at a time, later edits composed into a buffer, incoming ops transformed. With
 * {@code batch} it joins asking for batch frames and unpacks them as the editor does.
 */
final class SimClient {
  final WsClient ws;
  final String clientId = ServerFixture.newClientId();
  String doc = "";
  long rev;
  long seq;
  int sent;
  TextOperation outstanding;
  TextOperation buffer;

  int cursorsSeen;
  int mostRevisionsInOneBatch;

  SimClient(WsClient ws) {
    this(ws, false);
  }

  SimClient(WsClient ws, boolean batch) {
    this.ws = ws;
    JsonObject join = new JsonObject().put("type", "join").put("clientId", clientId).put("name", "Sim");
    if (batch) join.put("batch", true);
    JsonObject joined = ws.send(join).next("joined");
    doc = joined.getString("text");
    rev = joined.getLong("rev");
  }

  /** Sends a random selection when nothing is in flight (the protocol's rule); false otherwise. */
  boolean cursor(Random random) {
    if (outstanding != null) return false;
    int a = random.nextInt(doc.length() + 1);
    int h = random.nextInt(doc.length() + 1);
    ws.send(new JsonObject().put("type", "cursor").put("rev", rev).put("anchor", a).put("head", h));
    return true;
  }

  /** Length of the server's document at {@link #rev} (ours without the unacknowledged edits). */
  private int serverLength() {
    return outstanding != null ? outstanding.baseLength() : doc.length();
  }

  /** A random local edit on the current document. */
  void edit(Random random) {
    TextOperation op = randomOp(doc, random);
    doc = op.apply(doc);
    if (outstanding == null) {
      outstanding = op;
      send();
    } else {
      buffer = buffer == null ? op : buffer.compose(op);
    }
  }

  private void send() {
    sent++;
    ws.send(new JsonObject().put("type", "op").put("rev", rev).put("seq", ++seq)
        .put("op", new JsonArray(OpJson.toJsonValues(outstanding))));
  }

  /** Handles one frame if one is waiting; false if none was. */
  boolean poll() {
    JsonObject f = ws.frames.poll();
    if (f == null) return false;
    handle(f);
    return true;
  }

  void handle(JsonObject f) {
    switch (f.getString("type")) {
      case "batch" -> {
        mostRevisionsInOneBatch = Math.max(mostRevisionsInOneBatch,
            (int) f.getJsonArray("messages").stream().filter(m -> ((JsonObject) m).getString("type").equals("op")).count());
        for (Object o : f.getJsonArray("messages")) {
          JsonObject m = (JsonObject) o;
          boolean ours = clientId.equals(m.getString("clientId"));
          if (ours && m.getString("type").equals("cursor")) continue; // the same frame goes to everyone
          if (ours) handle(new JsonObject().put("type", "ack").put("seq", m.getLong("seq")).put("rev", m.getLong("rev")));
          else handle(m);
        }
      }
      case "ack" -> {
        if (f.getLong("rev") != rev + 1) throw new AssertionError(clientId + " got its ack at rev " + f.getLong("rev") + " at " + rev);
        rev = f.getLong("rev");
        outstanding = buffer;
        buffer = null;
        if (outstanding != null) send();
      }
      case "op" -> {
        if (f.getLong("rev") != rev + 1) throw new AssertionError(clientId + " got rev " + f.getLong("rev") + " at " + rev);
        rev++;
        TextOperation op = OpJson.fromJson(f.getJsonArray("op").getList());
        if (outstanding != null) {
          TextOperation.Transformed t = TextOperation.transform(outstanding, op);
          outstanding = t.aPrime();
          op = t.bPrime();
          if (buffer != null) {
            TextOperation.Transformed u = TextOperation.transform(buffer, op);
            buffer = u.aPrime();
            op = u.bPrime();
          }
        }
        doc = op.apply(doc);
      }
      case "cursor" -> {
        // A relayed cursor refers to the head the server had when it sent it: our rev now.
        if (f.getLong("rev") != rev) throw new AssertionError(clientId + " got a cursor at rev " + f.getLong("rev") + " at " + rev);
        int length = serverLength();
        if (f.getInteger("anchor") > length || f.getInteger("head") > length) {
          throw new AssertionError(clientId + " got a cursor outside the document of length " + length + ": " + f);
        }
        cursorsSeen++;
      }
      default -> throw new AssertionError(clientId + " got " + f);
    }
  }

  static TextOperation randomOp(String doc, Random random) {
    TextOperation.Builder b = TextOperation.builder();
    int pos = doc.isEmpty() ? 0 : random.nextInt(doc.length() + 1);
    b.retain(pos);
    int remaining = doc.length() - pos;
    if (remaining > 0 && random.nextInt(3) == 0) {
      int n = 1 + random.nextInt(Math.min(remaining, 5));
      b.delete(n);
      remaining -= n;
    } else {
      String alphabet = "abcdéèà xyz\n";
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + random.nextInt(4); i > 0; i--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      b.insert(sb.toString());
    }
    b.retain(remaining);
    return b.build();
  }
}
