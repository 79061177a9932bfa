package ardoise.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's settings, validated once at startup ({@link #load}) and then passed in, never read
 * from the environment deep inside. Immutable.
 *
 * @param port TCP port (0 = any free port, for tests)
 * @param publicUrl when non-null, WebSocket Origin headers must equal its origin
 * @param maxMessageBytes largest accepted WebSocket message, in UTF-8 bytes
 * @param maxPadChars largest pad, in UTF-16 code units
 * @param opsPerSecond messages per second per connection (token bucket refill)
 * @param opsBurst token bucket size (messages accepted at once)
 * @param sendQueueLimit outgoing bytes not yet written to a socket before its client is dropped
 * @param idleUnloadSeconds how long a pad with no members stays in memory
 * @param snapshotEveryOps a snapshot is saved each time this many revisions were committed
 * @param fanoutMicrosPerMember pace of a pad's fan-out: two flushes of a pad of N members start at
 *     least N × this apart (0: no pacing; see ardoise.pad.Fanout)
 * @param redisPoolSize connections to Redis for commands; each pad keeps at most one append in
 *     flight, so this is how many pads can be committing at the same moment
 * @param eventLoops event loops that serve sockets and pads (0: one per processor); each pad lives
 *     on one of them, chosen by its name
 */
public record Config(
    int port,
    String host,
    String publicUrl,
    Path dataDir,
    String redisUrl,
    int maxMessageBytes,
    int maxPadChars,
    int opsPerSecond,
    int opsBurst,
    int maxConnectionsPerPad,
    int sendQueueLimit,
    int idleUnloadSeconds,
    int snapshotEveryOps,
    int fanoutMicrosPerMember,
    int redisPoolSize,
    int eventLoops) {

  public Config {
    requireRange("ARDOISE_PORT", port, 0, 65535);
    if (host == null || host.isBlank()) throw new ConfigException("ARDOISE_HOST must not be empty");
    if (publicUrl != null) publicUrl = origin(publicUrl);
    if (dataDir == null) throw new ConfigException("ARDOISE_DATA_DIR must not be empty");
    if (redisUrl != null && !redisUrl.startsWith("redis://") && !redisUrl.startsWith("rediss://")) {
      throw new ConfigException("ARDOISE_REDIS_URL must start with redis:// or rediss://, got '" + redisUrl + "'");
    }
    requireRange("ARDOISE_MAX_MESSAGE_BYTES", maxMessageBytes, 1024, 64 << 20);
    requireRange("ARDOISE_MAX_PAD_CHARS", maxPadChars, 1, 64 << 20);
    requireRange("ARDOISE_OPS_PER_SECOND", opsPerSecond, 1, 1_000_000);
    requireRange("ARDOISE_OPS_BURST", opsBurst, 1, 1_000_000);
    requireRange("ARDOISE_MAX_CONNECTIONS_PER_PAD", maxConnectionsPerPad, 1, 100_000);
    requireRange("ARDOISE_SEND_QUEUE_LIMIT", sendQueueLimit, 1024, 1 << 30);
    requireRange("ARDOISE_IDLE_UNLOAD_SECONDS", idleUnloadSeconds, 1, 86_400);
    requireRange("ARDOISE_SNAPSHOT_EVERY_OPS", snapshotEveryOps, 1, 1_000_000);
    requireRange("ARDOISE_FANOUT_MICROS_PER_MEMBER", fanoutMicrosPerMember, 0, 10_000);
    requireRange("ARDOISE_REDIS_POOL_SIZE", redisPoolSize, 1, 1024);
    requireRange("ARDOISE_EVENT_LOOPS", eventLoops, 0, 256);
  }

  /** The event loops to run: {@link #eventLoops}, or one per processor when it is 0. */
  public int eventLoopCount() {
    return eventLoops > 0 ? eventLoops : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** Defaults overridden by {@code file} (if it exists) then by the ARDOISE_* entries of {@code env}. */
  public static Config load(Path file, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(ConfigSource.readFile(file));
    for (Setting s : Setting.values()) {
      String v = env.get(s.env);
      if (v != null) values.put(s.env, v);
    }
    return fromValues(values);
  }

  /** Defaults overridden by {@code values}, keyed by environment variable name (handy for tests). */
  public static Config fromValues(Map<String, String> values) {
    Map<Setting, String> v = new HashMap<>();
    for (Setting s : Setting.values()) {
      String given = values.get(s.env);
      v.put(s, given != null ? given.trim() : s.defaultValue);
    }
    return new Config(
        integer(v, Setting.PORT), v.get(Setting.HOST), optional(v.get(Setting.PUBLIC_URL)),
        Path.of(v.get(Setting.DATA_DIR)), optional(v.get(Setting.REDIS_URL)),
        integer(v, Setting.MAX_MESSAGE_BYTES), integer(v, Setting.MAX_PAD_CHARS),
        integer(v, Setting.OPS_PER_SECOND), integer(v, Setting.OPS_BURST),
        integer(v, Setting.MAX_CONNECTIONS_PER_PAD), integer(v, Setting.SEND_QUEUE_LIMIT),
        integer(v, Setting.IDLE_UNLOAD_SECONDS), integer(v, Setting.SNAPSHOT_EVERY_OPS),
        integer(v, Setting.FANOUT_MICROS_PER_MEMBER), integer(v, Setting.REDIS_POOL_SIZE),
        integer(v, Setting.EVENT_LOOPS));
  }

  public static Config defaults() {
    return fromValues(Map.of());
  }

  /** Every setting: environment variable, key in conf/config.json, default. */
  public enum Setting {
    PORT("ARDOISE_PORT", "port", "9000"),
    HOST("ARDOISE_HOST", "host", "0.0.0.0"),
    PUBLIC_URL("ARDOISE_PUBLIC_URL", "publicUrl", ""),
    DATA_DIR("ARDOISE_DATA_DIR", "dataDir", "./data"),
    REDIS_URL("ARDOISE_REDIS_URL", "redisUrl", ""),
    MAX_MESSAGE_BYTES("ARDOISE_MAX_MESSAGE_BYTES", "maxMessageBytes", "262144"),
    MAX_PAD_CHARS("ARDOISE_MAX_PAD_CHARS", "maxPadChars", "1048576"),
    OPS_PER_SECOND("ARDOISE_OPS_PER_SECOND", "opsPerSecond", "30"),
    OPS_BURST("ARDOISE_OPS_BURST", "opsBurst", "60"),
    MAX_CONNECTIONS_PER_PAD("ARDOISE_MAX_CONNECTIONS_PER_PAD", "maxConnectionsPerPad", "100"),
    SEND_QUEUE_LIMIT("ARDOISE_SEND_QUEUE_LIMIT", "sendQueueLimit", "1048576"),
    IDLE_UNLOAD_SECONDS("ARDOISE_IDLE_UNLOAD_SECONDS", "idleUnloadSeconds", "60"),
    SNAPSHOT_EVERY_OPS("ARDOISE_SNAPSHOT_EVERY_OPS", "snapshotEveryOps", "500"),
    FANOUT_MICROS_PER_MEMBER("ARDOISE_FANOUT_MICROS_PER_MEMBER", "fanoutMicrosPerMember", "20"),
    REDIS_POOL_SIZE("ARDOISE_REDIS_POOL_SIZE", "redisPoolSize", "32"),
    EVENT_LOOPS("ARDOISE_EVENT_LOOPS", "eventLoops", "0");

    public final String env;
    public final String key;
    public final String defaultValue;

    Setting(String env, String key, String defaultValue) {
      this.env = env;
      this.key = key;
      this.defaultValue = defaultValue;
    }
  }

  private static int integer(Map<Setting, String> values, Setting s) {
    String raw = values.get(s);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new ConfigException(s.env + " must be an integer, got '" + raw + "'");
    }
  }

  private static String optional(String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** The origin (scheme://host[:port]) of an http(s) URL, as browsers send it in Origin headers. */
  private static String origin(String url) {
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new ConfigException("ARDOISE_PUBLIC_URL must be an http(s) URL, got '" + url + "'");
      }
      boolean defaultPort = u.getPort() == -1
          || (scheme.equals("http") && u.getPort() == 80) || (scheme.equals("https") && u.getPort() == 443);
      return scheme + "://" + u.getHost().toLowerCase() + (defaultPort ? "" : ":" + u.getPort());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException("ARDOISE_PUBLIC_URL is not a URL: '" + url + "'");
    }
  }
}
