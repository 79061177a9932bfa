package ardoise.http;

import ardoise.ot.AuthorRun;
import ardoise.ot.OpJson;
import ardoise.history.HistoryCache;
import ardoise.history.NoSuchPad;
import ardoise.history.Revision;
import ardoise.history.RevisionOutOfRange;
import ardoise.store.PadNotes.AuthorProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The history view's JSON API (docs/history.md):
 * <ul>
 *   <li>GET /api/pads/{pad}/history → {head, createdAt, headTime}; with {@code ?time=T} → {rev, head}, the
 *       last revision at or before T; with {@code ?from=F&to=T} → {head, ops: [{rev, time, author, op}], next?},
 *       at most {@value #MAX_OPS} whole records and at most {@code maxResponseBytes} (one record at least),
 *       for playing forward in the browser; {@code next}, when present, is the {@code from} that asks for the rest.</li>
 *   <li>GET /api/pads/{pad}/history/{rev} → {rev, time, head, text, runs, authors}.</li>
 *   <li>GET /api/pads/{pad}/authors → {authors: {id: {name, color}}}: everyone who joined or edited the
 *       pad, so an editor shows the text of people who left in their colour.</li>
 * </ul>
 * Every answer comes from a {@link HistoryCache} index: one checkpoint plus fewer than 256 ops read
 * from the store, applied on a worker; op pages are read from the store a chunk at a time and stop at
 * the byte cap, so one request never holds much more than its answer. Thread rule: the context of the verticle that mounted it.
 */
final class HistoryApi {
  static final int MAX_OPS = 2000;
  /** Room for {head, ops: [], next} around the records. */
  private static final int PAGE_OVERHEAD = 100;

  private final Vertx vertx;
  private final HistoryCache cache;
  private final Contributors contributors;
  private final int maxResponseBytes;

  HistoryApi(Vertx vertx, HistoryCache cache, Contributors contributors, int maxResponseBytes) {
    this.vertx = vertx;
    this.cache = cache;
    this.contributors = contributors;
    this.maxResponseBytes = maxResponseBytes;
  }

  void summary(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Long time = RequestValues.rev(ctx.queryParams().get("time"));
    Long from = RequestValues.rev(ctx.queryParams().get("from"));
    Long to = RequestValues.rev(ctx.queryParams().get("to"));
    if ((time != null && time < 0) || (from != null && from < 0) || (to != null && to < 0)) {
      ErrorPage.json(ctx, HttpError.BAD_REQUEST, "time, from and to must be whole numbers from 0");
      return;
    }
    cache.index(padId).onSuccess(index -> {
      if (from != null && time == null) {
        long until = Math.min(to == null ? index.head() : to, from + MAX_OPS);
        opsPage(padId, index.head(), from, until).onSuccess(page -> sendJson(ctx, page)).onFailure(e -> fail(ctx, padId, e));
        return;
      }
      JsonObject answer = new JsonObject().put("head", index.head());
      if (time != null) answer.put("rev", index.revAtTime(time));
      else answer.put("createdAt", index.timeOf(0)).put("headTime", index.timeOf(index.head()));
      send(ctx, answer);
    }).onFailure(e -> fail(ctx, padId, e));
  }

  /**
   * The JSON of {head, ops, next?} for records {@code (from, until]}: whole records while the answer
   * stays within {@code maxResponseBytes} (at least one), each encoded once as it is read.
   */
  private Future<String> opsPage(String padId, long head, long from, long until) {
    StringBuilder ops = new StringBuilder();
    long[] last = {from};
    long[] bytes = {0};
    return cache.visitOps(padId, from, until, r -> {
      String json = new JsonObject().put("rev", r.rev()).put("time", r.time()).put("author", r.author())
          .put("op", new JsonArray(OpJson.toJsonValues(r.op()))).encode();
      long size = json.getBytes(StandardCharsets.UTF_8).length + 1;
      if (last[0] > from && bytes[0] + size > maxResponseBytes - PAGE_OVERHEAD) return false;
      if (last[0] > from) ops.append(',');
      ops.append(json);
      bytes[0] += size;
      last[0] = r.rev();
      return true;
    }).map(v -> {
      String next = last[0] < Math.min(until, head) ? ",\"next\":" + last[0] : "";
      return "{\"head\":" + head + ",\"ops\":[" + ops + "]" + next + "}";
    });
  }

  void revision(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    Long rev = RequestValues.rev(RequestValues.segment(ctx, 4));
    if (rev == null || rev < 0) {
      ErrorPage.json(ctx, HttpError.BAD_REV, "the revision must be a whole number from 0");
      return;
    }
    cache.revision(padId, rev)
        .compose(revision -> contributors.profiles(padId).compose(people -> vertx.executeBlocking(() -> state(revision, people), false)))
        .onSuccess(json -> send(ctx, json))
        .onFailure(e -> fail(ctx, padId, e));
  }

  void authors(RoutingContext ctx) {
    String padId = PadDoor.entry(ctx).padId();
    contributors.profiles(padId).onSuccess(people -> {
      JsonObject authors = new JsonObject();
      people.forEach((id, p) -> {
        if (!id.isEmpty()) authors.put(id, new JsonObject().put("name", p.name()).put("color", p.color()));
      });
      send(ctx, new JsonObject().put("authors", authors));
    }).onFailure(e -> fail(ctx, padId, e));
  }

  private static JsonObject state(Revision revision, Map<String, AuthorProfile> people) {
    JsonArray runs = new JsonArray();
    Set<String> present = new LinkedHashSet<>();
    for (AuthorRun run : revision.doc().runs()) {
      runs.add(new JsonArray().add(run.length()).add(run.author()));
      if (!run.author().isEmpty()) present.add(run.author()); // "" is nobody (a template's text)
    }
    JsonObject authors = new JsonObject();
    for (String author : present) {
      AuthorProfile p = people.get(author);
      authors.put(author, new JsonObject().put("name", p == null ? "" : p.name()).put("color", p == null ? "" : p.color()));
    }
    return new JsonObject().put("rev", revision.rev()).put("time", revision.time()).put("head", revision.head())
        .put("text", revision.doc().text()).put("runs", runs).put("authors", authors);
  }

  static void send(RoutingContext ctx, JsonObject answer) {
    sendJson(ctx, answer.encode());
  }

  private static void sendJson(RoutingContext ctx, String json) {
    ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(json);
  }

  static void fail(RoutingContext ctx, String padId, Throwable e) {
    if (e instanceof NoSuchPad) {
      ErrorPage.json(ctx, HttpError.NO_SUCH_PAD, e.getMessage());
    } else if (e instanceof RevisionOutOfRange) {
      ErrorPage.json(ctx, HttpError.BAD_REV, e.getMessage());
    } else {
      System.getLogger(HistoryApi.class.getName()).log(System.Logger.Level.WARNING,
          "pad={0} client=- history request failed: {1}", padId, e.toString());
      ErrorPage.json(ctx, HttpError.STORE_UNAVAILABLE, "the pad's history cannot be read right now; try again");
    }
  }
}
