package ardoise.testing;

import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/** What a real Redis holds, read by tests that check what is stored or deleted. */
public final class RedisKeys {
  private RedisKeys() {}

  /** Every key whose name holds one of {@code parts} (a pad id, a read-only id), by a full SCAN, sorted. */
  public static List<String> about(RedisAPI api, String... parts) {
    List<String> found = new ArrayList<>();
    String cursor = "0";
    do {
      Response page = api.scan(List.of(cursor, "COUNT", "1000")).await();
      cursor = page.get(0).toString();
      for (Response key : page.get(1)) {
        String name = key.toString();
        for (String part : parts) {
          if (name.contains(part)) {
            found.add(name);
            break;
          }
        }
      }
    } while (!cursor.equals("0"));
    found.sort(null);
    return found;
  }
}
