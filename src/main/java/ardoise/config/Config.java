package ardoise.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server's settings ({@link Setting}), validated once at startup ({@link #load}) and then passed
 * in, never read from the environment deep inside. A bad value fails with a message that names the
 * environment variable. Immutable.
 */
public final class Config {
  private final Map<Setting, Object> values;

  private Config(Map<Setting, Object> values) {
    this.values = values;
  }

  /** Defaults overridden by {@code file} (if it exists) then by the ARDOISE_* entries of {@code env}. */
  public static Config load(Path file, Map<String, String> env) {
    return withEnvironment(ConfigSource.readFile(file), env);
  }

  /** The settings in the jar ({@code conf/config.json} on the class path) overridden by the ARDOISE_* entries of {@code env}. */
  public static Config loadBundled(Map<String, String> env) {
    return withEnvironment(ConfigSource.readBundled(), env);
  }

  private static Config withEnvironment(Map<String, String> fromFile, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(fromFile);
    for (Setting s : Setting.values()) {
      String v = env.get(s.env);
      if (v != null) values.put(s.env, v);
    }
    return fromValues(values);
  }

  /** Defaults overridden by {@code values}, keyed by environment variable name (handy for tests). */
  public static Config fromValues(Map<String, String> values) {
    Map<Setting, Object> parsed = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      String given = values.get(s.env);
      parsed.put(s, parse(s, given != null ? given.trim() : s.defaultValue));
    }
    checkRetention((Integer) parsed.get(Setting.RETENTION_DAYS), (Integer) parsed.get(Setting.MAX_RETENTION_DAYS));
    checkChoice(Setting.LOG_FORMAT, (String) parsed.get(Setting.LOG_FORMAT), "text", "json");
    checkChoice(Setting.ACCESS_LOG, (String) parsed.get(Setting.ACCESS_LOG), "off", "on");
    RedisSettings.check(parsed);
    return new Config(parsed);
  }

  /** Why: a server with a maximum promises deletion, so its pads cannot default to "forever" (0) or beyond it. */
  private static void checkRetention(int days, int maxDays) {
    if (maxDays > 0 && (days == 0 || days > maxDays)) {
      throw new ConfigException(Setting.RETENTION_DAYS.env + " must be between 1 and " + Setting.MAX_RETENTION_DAYS.env
          + " (" + maxDays + "), got " + days);
    }
  }

  private static void checkChoice(Setting s, String value, String... choices) {
    if (!java.util.List.of(choices).contains(value)) {
      throw new ConfigException(s.env + " must be one of " + String.join(", ", choices) + ", got '" + value + "'");
    }
  }

  public static Config defaults() {
    return fromValues(Map.of());
  }

  /** An {@link Setting.Kind#INTEGER} setting. */
  public int integer(Setting s) {
    return (Integer) values.get(s);
  }

  /** A text, path, origin or URL setting; null for an optional one left unset. */
  public String text(Setting s) {
    Object v = values.get(s);
    return v == null ? null : v.toString();
  }

  public int port() { return integer(Setting.PORT); }

  public String host() { return text(Setting.HOST); }

  /** When non-null, WebSocket Origin headers must equal this origin, and links start with it. */
  public String publicUrl() { return text(Setting.PUBLIC_URL); }

  public Path dataDir() { return (Path) values.get(Setting.DATA_DIR); }

  /** An external Redis; null: an embedded redis-server in {@link #dataDir}. Several comma-separated endpoints in cluster and sentinel mode. */
  public String redisUrl() { return text(Setting.REDIS_URL); }

  /** The endpoints of {@link #redisUrl()}, one per comma-separated entry; empty without one. */
  public java.util.List<String> redisUrls() { return RedisSettings.endpoints(redisUrl()); }

  /** {@code standalone}, {@code cluster} or {@code sentinel}. */
  public String redisMode() { return text(Setting.REDIS_MODE); }

  /** The sentinel master's name (sentinel mode only); null otherwise. */
  public String redisMaster() { return text(Setting.REDIS_MASTER); }

  /** Replicas each commit waits for before its acknowledgement (Redis WAIT); 0: none. */
  public int redisWaitReplicas() { return integer(Setting.REDIS_WAIT_REPLICAS); }

  /** How long a commit waits for those replicas. */
  public int redisWaitTimeoutMs() { return integer(Setting.REDIS_WAIT_TIMEOUT_MS); }

  /** PEM file paths for {@code rediss://} connections: the CA to trust, the client's certificate and key; null when unset. */
  public String redisTlsCa() { return text(Setting.REDIS_TLS_CA); }

  public String redisTlsCert() { return text(Setting.REDIS_TLS_CERT); }

  public String redisTlsKey() { return text(Setting.REDIS_TLS_KEY); }

  public int maxMessageBytes() { return integer(Setting.MAX_MESSAGE_BYTES); }

  public int maxPadChars() { return integer(Setting.MAX_PAD_CHARS); }

  public int opsPerSecond() { return integer(Setting.OPS_PER_SECOND); }

  public int opsBurst() { return integer(Setting.OPS_BURST); }

  public int maxConnectionsPerPad() { return integer(Setting.MAX_CONNECTIONS_PER_PAD); }

  public int sendQueueLimit() { return integer(Setting.SEND_QUEUE_LIMIT); }

  public int idleUnloadSeconds() { return integer(Setting.IDLE_UNLOAD_SECONDS); }

  public int snapshotEveryOps() { return integer(Setting.SNAPSHOT_EVERY_OPS); }

  public int fanoutMicrosPerMember() { return integer(Setting.FANOUT_MICROS_PER_MEMBER); }

  public int redisPoolSize() { return integer(Setting.REDIS_POOL_SIZE); }

  public int eventLoops() { return integer(Setting.EVENT_LOOPS); }

  /** 0: /metrics on the main port; -1: no metrics endpoint; above 0: only on a listener of its own on that port. */
  public int metricsPort() { return integer(Setting.METRICS_PORT); }

  /** The address of the metrics listener of its own. */
  public String metricsHost() { return text(Setting.METRICS_HOST); }

  /** When non-null, /metrics asks for {@code Authorization: Bearer <token>}. */
  public String metricsToken() { return text(Setting.METRICS_TOKEN); }

  /** When non-null, the admin API (/api/admin/…) is on and asks for {@code Authorization: Bearer <token>}. */
  public String operatorToken() { return text(Setting.OPERATOR_TOKEN); }

  /** How long a deleted pad's tombstones last (its projector, exports and read-only link answer 410), in seconds. */
  public long deletedPadTombstoneSeconds() { return integer(Setting.DELETED_PAD_TOMBSTONE_DAYS) * 86_400L; }

  /** Longest chat message, in UTF-16 code units. */
  public int chatMaxChars() { return integer(Setting.CHAT_MAX_CHARS); }

  /** Chat messages per minute per connection (token bucket refill), and the bucket's size. */
  public int chatPerMinute() { return integer(Setting.CHAT_PER_MINUTE); }

  public int chatBurst() { return integer(Setting.CHAT_BURST); }

  /** Chat messages kept per pad (the newest), all sent to each member when it joins. */
  public int chatKept() { return integer(Setting.CHAT_KEPT); }

  /** Templates added to (or replacing) the bundled ones; null: the bundled ones only. */
  public Path templatesDir() { return (Path) values.get(Setting.TEMPLATES_DIR); }

  /** The reverse proxies whose X-Forwarded-* headers count; empty: none. */
  public AddressBlocks trustedProxies() { return (AddressBlocks) values.get(Setting.TRUSTED_PROXIES); }
  public ApiKeys apiKeys() { return (ApiKeys) values.get(Setting.API_KEYS); }

  /** The event loops to run: {@link #eventLoops}, or one per processor when it is 0. */
  public int eventLoopCount() {
    int loops = eventLoops();
    return loops > 0 ? loops : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static Object parse(Setting s, String raw) {
    switch (s.kind) {
      case INTEGER:
        long value;
        try {
          value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
          throw new ConfigException(s.env + " must be an integer, got '" + raw + "'");
        }
        if (value < s.min || value > s.max) {
          throw new ConfigException(s.env + " must be between " + s.min + " and " + s.max + ", got " + value);
        }
        return (int) value;
      case TEXT:
      case PATH:
        if (raw.isBlank()) throw new ConfigException(s.env + " must not be empty");
        return s.kind == Setting.Kind.PATH ? Path.of(raw) : raw;
      case ORIGIN:
        return raw.isBlank() ? null : origin(s, raw);
      case SECRET:
        if (raw.isBlank()) return null;
        if (raw.length() < 16) throw new ConfigException(s.env + " must have at least 16 characters");
        return raw;
      case REDIS_URL:
        if (raw.isBlank()) return null;
        for (String url : raw.split(",", -1)) {
          String u = url.strip();
          if (!u.startsWith("redis://") && !u.startsWith("rediss://")) {
            // Why not the value: it may hold the password.
            throw new ConfigException(s.env + " must start with redis:// or rediss://"
                + (raw.contains(",") ? " (each of its comma-separated endpoints)" : ""));
          }
        }
        return raw;
      case OPTIONAL_TEXT:
        return raw.isBlank() ? null : raw;
      case FILE:
        if (raw.isBlank()) return null;
        if (!Files.isReadable(Path.of(raw)) || Files.isDirectory(Path.of(raw))) {
          throw new ConfigException(s.env + " must name a readable file, got '" + raw + "'");
        }
        return raw;
      case DIRECTORY:
        if (raw.isBlank()) return null;
        if (!Files.isDirectory(Path.of(raw))) throw new ConfigException(s.env + " must name a directory, got '" + raw + "'");
        return Path.of(raw);
      case ADDRESS_BLOCKS:
        try {
          return AddressBlocks.parse(raw);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(s.env + " must list IP addresses or blocks (10.0.0.0/8), comma-separated: " + e.getMessage());
        }
      case API_KEYS:
        try {
          return ApiKeys.parse(raw);
        } catch (IllegalArgumentException e) {
          throw new ConfigException(s.env + " must list name:scope:secret keys, comma-separated: " + e.getMessage());
        }
      default:
        throw new IllegalStateException("unknown kind " + s.kind);
    }
  }

  /** The origin (scheme://host[:port]) of an http(s) URL, as browsers send it in Origin headers. */
  private static String origin(Setting s, String url) {
    try {
      URI u = new URI(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase();
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new ConfigException(s.env + " must be an http(s) URL, got '" + url + "'");
      }
      boolean defaultPort = u.getPort() == -1
          || (scheme.equals("http") && u.getPort() == 80) || (scheme.equals("https") && u.getPort() == 443);
      return scheme + "://" + u.getHost().toLowerCase() + (defaultPort ? "" : ":" + u.getPort());
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(s.env + " is not a URL: '" + url + "'");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Config c && values.equals(c.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values);
  }

  @Override
  public String toString() {
    return "Config" + values.keySet(); // never the values: a Redis URL may hold a password
  }
}
