package ardoise.http;

import ardoise.history.NoSuchPad;
import ardoise.history.Revision;
import ardoise.history.RevisionReader;
import ardoise.ot.OpJson;
import ardoise.store.ChatMessage;
import ardoise.store.OpRecord;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * Everything stored about one pad as one JSON file, what a data-protection request needs: the text
 * at its head, every revision (rev, time, clientId, seq, author, op), the authors' names and colours,
 * the saved versions, the chat and the read-only id. Layout in docs/security.md.
 *
 * <p>Why streamed: a pad of 10,000 revisions is megabytes of ops. The fixed parts are sent first,
 * then the revisions {@value #CHUNK} at a time, each chunk read once the previous one is written
 * to the socket, so a request holds the head text and one chunk, whatever the history's length.
 */
final class PadDossier {
  static final String FORMAT = "ardoise-pad-dossier";
  private static final int CHUNK = 500;

  private final PadStore store;
  private final RevisionReader reader;

  PadDossier(Vertx vertx, PadStore store) {
    this.store = store;
    this.reader = new RevisionReader(vertx, store);
  }

  void send(RoutingContext ctx, String padId) {
    Future<Revision> head = reader.read(padId, null)
        .recover(e -> e instanceof NoSuchPad ? Future.succeededFuture(null) : Future.failedFuture(e));
    Future<Map<String, PadNotes.AuthorProfile>> authors = store.notes().authors(padId);
    Future<List<PadNotes.SavedVersion>> versions = store.notes().versions(padId);
    Future<List<ChatMessage>> chat = store.chat().recent(padId, Integer.MAX_VALUE);
    Future<String> readOnlyId = store.storedReadOnlyId(padId);
    Future.all(head, authors, versions, chat, readOnlyId).onComplete(all -> {
      if (all.failed()) {
        ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad cannot be read right now; retry");
        return;
      }
      if (head.result() == null && authors.result().isEmpty() && versions.result().isEmpty()
          && chat.result().isEmpty() && readOnlyId.result() == null) {
        ErrorPage.json(ctx, HttpError.NO_SUCH_PAD, "nothing is stored about this pad");
        return;
      }
      JsonObject opening = opening(padId, head.result(), authors.result(), versions.result(), chat.result(),
          readOnlyId.result());
      String text = opening.encode();
      HttpServerResponse response = ctx.response().setChunked(true)
          .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-store")
          .putHeader("Content-Disposition", "attachment; filename=\"pad-dossier.json\"");
      // The revisions array is left open: the opening ends with "revisions":[] and is cut before "]}".
      response.write(text.substring(0, text.length() - 2))
          .compose(v -> revisions(response, padId, 0, head.result() == null ? 0 : head.result().rev(), true))
          .onComplete(r -> {
            if (r.succeeded()) response.end("]}");
            else response.reset(); // the file stays visibly incomplete rather than valid and short
          });
    });
  }

  private static JsonObject opening(String padId, Revision head, Map<String, PadNotes.AuthorProfile> authors,
      List<PadNotes.SavedVersion> versions, List<ChatMessage> chat, String readOnlyId) {
    JsonObject names = new JsonObject();
    authors.forEach((id, p) -> names.put(id, new JsonObject().put("name", p.name()).put("color", p.color())));
    JsonArray saved = new JsonArray();
    for (PadNotes.SavedVersion v : versions) {
      saved.add(new JsonObject().put("rev", v.rev()).put("label", v.label()).put("author", v.author()).put("time", v.time()));
    }
    JsonArray messages = new JsonArray();
    for (ChatMessage m : chat) {
      messages.add(new JsonObject().put("id", m.id()).put("time", m.time()).put("clientId", m.clientId())
          .put("author", m.authorId()).put("name", m.name()).put("color", m.color()).put("text", m.text()));
    }
    return new JsonObject().put("format", FORMAT).put("version", 1).put("padId", padId)
        .put("exportedAt", System.currentTimeMillis()).put("readOnlyId", readOnlyId)
        .put("head", head == null ? 0 : head.rev()).put("headTime", head == null ? null : head.time())
        .put("text", head == null ? "" : head.doc().text())
        .put("authors", names).put("savedVersions", saved).put("chat", messages)
        .put("revisions", new JsonArray());
  }

  /** Writes revisions {@code (from, head]}, a chunk at a time, each after the previous one left. */
  private Future<Void> revisions(HttpServerResponse response, String padId, long from, long head, boolean first) {
    if (from >= head) return Future.succeededFuture();
    if (response.closed()) return Future.failedFuture("the client left");
    long to = Math.min(head, from + CHUNK);
    return store.ops(padId, from, to).compose(ops -> {
      if (ops.isEmpty()) return Future.failedFuture("revisions " + (from + 1) + ".." + to + " are missing");
      StringBuilder chunk = new StringBuilder();
      boolean comma = !first;
      for (OpRecord r : ops) {
        if (comma) chunk.append(',');
        comma = true;
        chunk.append(new JsonObject().put("rev", r.rev()).put("time", r.time()).put("clientId", r.clientId())
            .put("seq", r.seq()).put("author", r.author()).put("op", new JsonArray(OpJson.toJsonValues(r.op()))).encode());
      }
      long last = ops.get(ops.size() - 1).rev();
      return response.write(chunk.toString()).compose(v -> revisions(response, padId, last, head, false));
    });
  }
}
