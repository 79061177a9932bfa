package ardoise.http.etherpad;

import ardoise.http.api.PadOperations;
import ardoise.http.api.PadSummary;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;

/** Every written pad's name, page after page (listAllPads answers them all at once, as Etherpad does). */
final class AllPads {
  private static final int PAGE = 1000;

  private AllPads() {}

  static Future<JsonArray> list(PadOperations pads) {
    return more(pads, null, new JsonArray());
  }

  /** Sorted by name, as Etherpad lists them (the store lists in no particular order). */
  private static JsonArray sorted(JsonArray ids) {
    return new JsonArray(ids.stream().map(String::valueOf).sorted().distinct().toList());
  }

  private static Future<JsonArray> more(PadOperations pads, String cursor, JsonArray into) {
    return pads.list(cursor, PAGE).compose(page -> {
      page.pads().stream().map(PadSummary::padId).forEach(into::add);
      return page.nextCursor() == null ? Future.succeededFuture(sorted(into)) : more(pads, page.nextCursor(), into);
    });
  }
}
