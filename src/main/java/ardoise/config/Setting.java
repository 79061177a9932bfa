package ardoise.config;

/**
 * Every setting, in one place: its environment variable, its key in {@code conf/config.json}, its
 * kind (which says how a value is read and checked), its default and, for numbers, its range. A new
 * setting is one line here plus the code that uses it ({@code config.integer(Setting.X)}); the README
 * table and {@code conf/config.json} list every one (ConfigTest checks both).
 */
public enum Setting {
  PORT("ARDOISE_PORT", "port", Kind.INTEGER, "9000", 0, 65535),
  HOST("ARDOISE_HOST", "host", Kind.TEXT, "0.0.0.0"),
  PUBLIC_URL("ARDOISE_PUBLIC_URL", "publicUrl", Kind.ORIGIN, ""),
  DATA_DIR("ARDOISE_DATA_DIR", "dataDir", Kind.PATH, "./data"),
  REDIS_URL("ARDOISE_REDIS_URL", "redisUrl", Kind.REDIS_URL, ""),
  MAX_MESSAGE_BYTES("ARDOISE_MAX_MESSAGE_BYTES", "maxMessageBytes", Kind.INTEGER, "262144", 1024, 64 << 20),
  MAX_PAD_CHARS("ARDOISE_MAX_PAD_CHARS", "maxPadChars", Kind.INTEGER, "1048576", 1, 64 << 20),
  OPS_PER_SECOND("ARDOISE_OPS_PER_SECOND", "opsPerSecond", Kind.INTEGER, "30", 1, 1_000_000),
  OPS_BURST("ARDOISE_OPS_BURST", "opsBurst", Kind.INTEGER, "60", 1, 1_000_000),
  MAX_CONNECTIONS_PER_PAD("ARDOISE_MAX_CONNECTIONS_PER_PAD", "maxConnectionsPerPad", Kind.INTEGER, "100", 1, 100_000),
  MAX_VIEWERS_PER_PAD("ARDOISE_MAX_VIEWERS_PER_PAD", "maxViewersPerPad", Kind.INTEGER, "100", 1, 100_000),
  JOIN_TIMEOUT_SECONDS("ARDOISE_JOIN_TIMEOUT_SECONDS", "joinTimeoutSeconds", Kind.INTEGER, "10", 1, 3600),
  SEND_QUEUE_LIMIT("ARDOISE_SEND_QUEUE_LIMIT", "sendQueueLimit", Kind.INTEGER, "1048576", 1024, 1 << 30),
  IDLE_UNLOAD_SECONDS("ARDOISE_IDLE_UNLOAD_SECONDS", "idleUnloadSeconds", Kind.INTEGER, "60", 1, 86_400),
  SNAPSHOT_EVERY_OPS("ARDOISE_SNAPSHOT_EVERY_OPS", "snapshotEveryOps", Kind.INTEGER, "500", 1, 1_000_000),
  FANOUT_MICROS_PER_MEMBER("ARDOISE_FANOUT_MICROS_PER_MEMBER", "fanoutMicrosPerMember", Kind.INTEGER, "30", 0, 10_000),
  REDIS_POOL_SIZE("ARDOISE_REDIS_POOL_SIZE", "redisPoolSize", Kind.INTEGER, "32", 1, 1024),
  EVENT_LOOPS("ARDOISE_EVENT_LOOPS", "eventLoops", Kind.INTEGER, "0", 0, 256),
  METRICS_PORT("ARDOISE_METRICS_PORT", "metricsPort", Kind.INTEGER, "0", -1, 65535),
  METRICS_HOST("ARDOISE_METRICS_HOST", "metricsHost", Kind.TEXT, "127.0.0.1"),
  METRICS_TOKEN("ARDOISE_METRICS_TOKEN", "metricsToken", Kind.SECRET, ""),
  CHAT_MAX_CHARS("ARDOISE_CHAT_MAX_CHARS", "chatMaxChars", Kind.INTEGER, "1000", 1, 100_000),
  CHAT_PER_MINUTE("ARDOISE_CHAT_PER_MINUTE", "chatPerMinute", Kind.INTEGER, "20", 1, 100_000),
  CHAT_BURST("ARDOISE_CHAT_BURST", "chatBurst", Kind.INTEGER, "5", 1, 10_000),
  CHAT_KEPT("ARDOISE_CHAT_KEPT", "chatKept", Kind.INTEGER, "100", 1, 10_000),
  REQUEST_HEADER_TIMEOUT_SECONDS("ARDOISE_REQUEST_HEADER_TIMEOUT_SECONDS", "requestHeaderTimeoutSeconds", Kind.INTEGER, "10", 1, 3600),
  REQUEST_BODY_TIMEOUT_SECONDS("ARDOISE_REQUEST_BODY_TIMEOUT_SECONDS", "requestBodyTimeoutSeconds", Kind.INTEGER, "30", 1, 3600),
  MAX_CONNECTIONS("ARDOISE_MAX_CONNECTIONS", "maxConnections", Kind.INTEGER, "4000", 16, 1_000_000),
  REDIS_TIMEOUT_SECONDS("ARDOISE_REDIS_TIMEOUT_SECONDS", "redisTimeoutSeconds", Kind.INTEGER, "5", 1, 3600),
  PROFILE_PER_SECOND("ARDOISE_PROFILE_PER_SECOND", "profilePerSecond", Kind.INTEGER, "5", 1, 10_000),
  PROFILE_BURST("ARDOISE_PROFILE_BURST", "profileBurst", Kind.INTEGER, "10", 1, 10_000),
  PRESENCE_MILLIS("ARDOISE_PRESENCE_MILLIS", "presenceMillis", Kind.INTEGER, "250", 0, 60_000),
  PROFILE_STORE_SECONDS("ARDOISE_PROFILE_STORE_SECONDS", "profileStoreSeconds", Kind.INTEGER, "5", 0, 3600),
  WINDOW_MAX_BYTES("ARDOISE_WINDOW_MAX_BYTES", "windowMaxBytes", Kind.INTEGER, "8388608", 65_536, 1 << 30),
  MAX_REBASE_REVISIONS("ARDOISE_MAX_REBASE_REVISIONS", "maxRebaseRevisions", Kind.INTEGER, "5000", 10, 1_000_000),
  HISTORY_MAX_RESPONSE_BYTES("ARDOISE_HISTORY_MAX_RESPONSE_BYTES", "historyMaxResponseBytes", Kind.INTEGER, "4194304", 65_536, 1 << 30),
  EXPORT_CONCURRENCY("ARDOISE_EXPORT_CONCURRENCY", "exportConcurrency", Kind.INTEGER, "0", 0, 64),
  EXPORT_QUEUE_LENGTH("ARDOISE_EXPORT_QUEUE_LENGTH", "exportQueueLength", Kind.INTEGER, "8", 0, 10_000),
  EXPORT_QUEUE_SECONDS("ARDOISE_EXPORT_QUEUE_SECONDS", "exportQueueSeconds", Kind.INTEGER, "10", 1, 600),
  EXPORT_CACHE_BYTES("ARDOISE_EXPORT_CACHE_BYTES", "exportCacheBytes", Kind.INTEGER, "67108864", 0, 1 << 30),
  EXPORT_PDF_MAX_PIECES("ARDOISE_EXPORT_PDF_MAX_PIECES", "exportPdfMaxPieces", Kind.INTEGER, "150000", 1, 100_000_000),
  RETENTION_DAYS("ARDOISE_RETENTION_DAYS", "retentionDays", Kind.INTEGER, "365", 0, 36_500),
  MAX_RETENTION_DAYS("ARDOISE_MAX_RETENTION_DAYS", "maxRetentionDays", Kind.INTEGER, "365", 0, 36_500),
  OPERATOR_TOKEN("ARDOISE_OPERATOR_TOKEN", "operatorToken", Kind.SECRET, ""),
  DELETED_PAD_TOMBSTONE_DAYS("ARDOISE_DELETED_PAD_TOMBSTONE_DAYS", "deletedPadTombstoneDays", Kind.INTEGER, "30", 1, 3650),
  UNKNOWN_PAD_MISSES_PER_MINUTE("ARDOISE_UNKNOWN_PAD_MISSES_PER_MINUTE", "unknownPadMissesPerMinute", Kind.INTEGER, "60", 0, 1_000_000),
  TRUSTED_PROXY_HOPS("ARDOISE_TRUSTED_PROXY_HOPS", "trustedProxyHops", Kind.INTEGER, "0", 0, 10),
  TEMPLATES_DIR("ARDOISE_TEMPLATES_DIR", "templatesDir", Kind.DIRECTORY, ""),
  PASSWORD_TRIES_PER_MINUTE("ARDOISE_PASSWORD_TRIES_PER_MINUTE", "passwordTriesPerMinute", Kind.INTEGER, "10", 1, 10_000),
  PADS_PER_MINUTE_PER_ADDRESS("ARDOISE_PADS_PER_MINUTE_PER_ADDRESS", "padsPerMinutePerAddress", Kind.INTEGER, "60", 0, 1_000_000),
  PADS_PER_MINUTE_PER_SERVER("ARDOISE_PADS_PER_MINUTE_PER_SERVER", "padsPerMinutePerServer", Kind.INTEGER, "600", 0, 10_000_000),
  WRITE_BYTES_PER_MINUTE_PER_ADDRESS("ARDOISE_WRITE_BYTES_PER_MINUTE_PER_ADDRESS", "writeBytesPerMinutePerAddress", Kind.INTEGER, "8388608", 0, 1 << 30),
  WRITE_BYTES_PER_MINUTE_PER_SERVER("ARDOISE_WRITE_BYTES_PER_MINUTE_PER_SERVER", "writeBytesPerMinutePerServer", Kind.INTEGER, "67108864", 0, Integer.MAX_VALUE),
  IMPORTS_PER_MINUTE_PER_ADDRESS("ARDOISE_IMPORTS_PER_MINUTE_PER_ADDRESS", "importsPerMinutePerAddress", Kind.INTEGER, "30", 0, 1_000_000),
  IMPORTS_PER_MINUTE_PER_SERVER("ARDOISE_IMPORTS_PER_MINUTE_PER_SERVER", "importsPerMinutePerServer", Kind.INTEGER, "120", 0, 10_000_000),
  MAX_SAVED_VERSIONS("ARDOISE_MAX_SAVED_VERSIONS", "maxSavedVersions", Kind.INTEGER, "200", 1, 100_000),
  REDIS_MAXMEMORY_MB("ARDOISE_REDIS_MAXMEMORY_MB", "redisMaxmemoryMb", Kind.INTEGER, "1024", 0, 1 << 20),
  MAX_AUTHORS_PER_PAD("ARDOISE_MAX_AUTHORS_PER_PAD", "maxAuthorsPerPad", Kind.INTEGER, "500", 1, 1_000_000),
  TRUSTED_PROXIES("ARDOISE_TRUSTED_PROXIES", "trustedProxies", Kind.ADDRESS_BLOCKS, ""),
  LOG_FORMAT("ARDOISE_LOG_FORMAT", "logFormat", Kind.TEXT, "text"),
  ACCESS_LOG("ARDOISE_ACCESS_LOG", "accessLog", Kind.TEXT, "off"),
  API_KEYS("ARDOISE_API_KEYS", "apiKeys", Kind.API_KEYS, ""),
  WEBHOOK_URL("ARDOISE_WEBHOOK_URL", "webhookUrl", Kind.SECRET, ""),
  WEBHOOK_SECRET("ARDOISE_WEBHOOK_SECRET", "webhookSecret", Kind.SECRET, ""),
  WEBHOOK_DEBOUNCE_SECONDS("ARDOISE_WEBHOOK_DEBOUNCE_SECONDS", "webhookDebounceSeconds", Kind.INTEGER, "30", 1, 3600),
  REDIS_MODE("ARDOISE_REDIS_MODE", "redisMode", Kind.TEXT, "standalone"),
  REDIS_MASTER("ARDOISE_REDIS_MASTER", "redisMaster", Kind.OPTIONAL_TEXT, ""),
  REDIS_WAIT_REPLICAS("ARDOISE_REDIS_WAIT_REPLICAS", "redisWaitReplicas", Kind.INTEGER, "0", 0, 16),
  REDIS_WAIT_TIMEOUT_MS("ARDOISE_REDIS_WAIT_TIMEOUT_MS", "redisWaitTimeoutMs", Kind.INTEGER, "1000", 1, 60_000),
  REDIS_TLS_CA("ARDOISE_REDIS_TLS_CA", "redisTlsCa", Kind.FILE, ""),
  REDIS_TLS_CERT("ARDOISE_REDIS_TLS_CERT", "redisTlsCert", Kind.FILE, ""),
  REDIS_TLS_KEY("ARDOISE_REDIS_TLS_KEY", "redisTlsKey", Kind.FILE, ""),
  WEBSOCKET_COMPRESSION("ARDOISE_WEBSOCKET_COMPRESSION", "websocketCompression", Kind.INTEGER, "1", 0, 1);

  /** How a value is read and checked. */
  public enum Kind {
    /** A whole number within the setting's range. */
    INTEGER,
    /** Non-empty text. */
    TEXT,
    /** A file system path (non-empty). */
    PATH,
    /** Optional; an http(s) URL, kept as its origin (scheme://host[:port]), as browsers send it in Origin headers. */
    ORIGIN,
    /** Optional; a redis:// or rediss:// URL, or several, comma-separated (cluster seeds, sentinels). */
    REDIS_URL,
    /** Optional; a shared secret of at least 16 characters. Never logged. */
    SECRET,
    /** Optional; a directory that exists when the server starts. */
    DIRECTORY,
    /** Optional; comma-separated IP addresses or CIDR blocks ({@link AddressBlocks}). */
    ADDRESS_BLOCKS,
    /** Optional; comma-separated {@code name:scope:secret} keys for programs ({@link ApiKeys}). Secrets never logged. */
    API_KEYS,
    /** Optional text. */
    OPTIONAL_TEXT,
    /** Optional; a file that can be read when the server starts. */
    FILE
  }

  public final String env;
  public final String key;
  public final Kind kind;
  public final String defaultValue;
  final long min;
  final long max;

  Setting(String env, String key, Kind kind, String defaultValue) {
    this(env, key, kind, defaultValue, 0, 0);
  }

  Setting(String env, String key, Kind kind, String defaultValue, long min, long max) {
    this.env = env;
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
  }
}
