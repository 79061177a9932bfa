package ardoise.durability;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** Environment of a server child process for the durability tests. */
final class Env {
  private Env() {}

  /** A server on {@code redisUrl}, with rate limits loose enough for scripted typing. */
  static Map<String, String> server(String redisUrl) throws IOException {
    return Map.of(
        "ARDOISE_REDIS_URL", redisUrl,
        "ARDOISE_DATA_DIR", Files.createTempDirectory("ardoise-data-").toString(),
        "ARDOISE_OPS_PER_SECOND", "1000",
        "ARDOISE_OPS_BURST", "1000");
  }
}
