package ardoise.store.redis;

import ardoise.store.StoreMemory;

/**
 * Reads {@code used_memory} and {@code maxmemory} from the reply of {@code INFO memory}
 * ({@code field:value} lines). A field Redis did not send reads as 0.
 */
final class RedisMemory {
  private RedisMemory() {}

  static StoreMemory parse(String info) {
    long used = 0;
    long max = 0;
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) used = Long.parseLong(line.substring("used_memory:".length()).strip());
      else if (line.startsWith("maxmemory:")) max = Long.parseLong(line.substring("maxmemory:".length()).strip());
    }
    return new StoreMemory(used, max);
  }

  /** Whether a Redis error reply is the refusal of a write beyond {@code maxmemory} (noeviction). */
  static boolean isOutOfMemory(Throwable failure) {
    String message = failure.getMessage();
    return message != null && message.startsWith("OOM ");
  }
}
