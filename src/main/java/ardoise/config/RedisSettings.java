package ardoise.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The checks that tie the Redis settings together: the mode, its endpoints, the sentinel master and
 * the replica wait. Why here: a wrong combination must stop the server at startup with a message
 * naming the settings, never the URL itself (it may hold a password).
 */
final class RedisSettings {
  private RedisSettings() {}

  static List<String> endpoints(String urls) {
    if (urls == null) return List.of();
    return Arrays.stream(urls.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
  }

  static void check(Map<Setting, Object> parsed) {
    String mode = (String) parsed.get(Setting.REDIS_MODE);
    List<String> urls = endpoints((String) parsed.get(Setting.REDIS_URL));
    String master = (String) parsed.get(Setting.REDIS_MASTER);
    String modeEnv = Setting.REDIS_MODE.env;
    String urlEnv = Setting.REDIS_URL.env;
    if (!List.of("standalone", "cluster", "sentinel").contains(mode)) {
      throw new ConfigException(modeEnv + " must be one of standalone, cluster, sentinel, got '" + mode + "'");
    }
    if (!mode.equals("standalone") && urls.isEmpty()) {
      throw new ConfigException(modeEnv + "=" + mode + " needs " + urlEnv + ": "
          + (mode.equals("cluster") ? "one or more of the cluster's nodes" : "the sentinels") + ", comma-separated");
    }
    if (mode.equals("standalone") && urls.size() > 1) {
      throw new ConfigException(urlEnv + " lists " + urls.size() + " endpoints: set " + modeEnv
          + " to cluster (cluster nodes) or sentinel (sentinels)");
    }
    if (mode.equals("sentinel") && master == null) {
      throw new ConfigException(modeEnv + "=sentinel needs " + Setting.REDIS_MASTER.env + ", the name the sentinels monitor");
    }
    if (!mode.equals("sentinel") && master != null) {
      throw new ConfigException(Setting.REDIS_MASTER.env + " is only used with " + modeEnv + "=sentinel");
    }
    for (int i = 0; i < urls.size(); i++) checkEndpoint(mode, urls.get(i), i + 1);
    checkTls(parsed, urls);
    int waitReplicas = (Integer) parsed.get(Setting.REDIS_WAIT_REPLICAS);
    if (waitReplicas > 0 && urls.isEmpty()) {
      throw new ConfigException(Setting.REDIS_WAIT_REPLICAS.env + " needs replicas: the embedded redis-server has none (set "
          + urlEnv + ")");
    }
    long waitMs = (Integer) parsed.get(Setting.REDIS_WAIT_TIMEOUT_MS);
    long commandMs = (Integer) parsed.get(Setting.REDIS_TIMEOUT_SECONDS) * 1000L;
    if (waitReplicas > 0 && waitMs >= commandMs) {
      throw new ConfigException(Setting.REDIS_WAIT_TIMEOUT_MS.env + " (" + waitMs + ") must be below "
          + Setting.REDIS_TIMEOUT_SECONDS.env + " (" + commandMs + " ms): the wait is part of the commit's deadline");
    }
  }

  /** The TLS files: a certificate with its key, and only for endpoints that use TLS, all of them. */
  private static void checkTls(Map<Setting, Object> parsed, List<String> urls) {
    boolean cert = parsed.get(Setting.REDIS_TLS_CERT) != null;
    boolean key = parsed.get(Setting.REDIS_TLS_KEY) != null;
    if (cert != key) {
      throw new ConfigException(Setting.REDIS_TLS_CERT.env + " and " + Setting.REDIS_TLS_KEY.env
          + " go together: the client's certificate and its private key");
    }
    long secured = urls.stream().filter(u -> u.startsWith("rediss://")).count();
    if (secured > 0 && secured < urls.size()) {
      throw new ConfigException(Setting.REDIS_URL.env + " mixes rediss:// and redis:// endpoints: use one scheme for all");
    }
    boolean anyTlsFile = cert || parsed.get(Setting.REDIS_TLS_CA) != null;
    if (anyTlsFile && secured == 0) {
      throw new ConfigException(Setting.REDIS_TLS_CA.env + ", " + Setting.REDIS_TLS_CERT.env + " and "
          + Setting.REDIS_TLS_KEY.env + " are used by rediss:// endpoints only: " + Setting.REDIS_URL.env + " has none");
    }
  }

  /** Host and database of one endpoint; the message names its position, never its text. */
  private static void checkEndpoint(String mode, String url, int position) {
    String which = Setting.REDIS_URL.env + (position > 1 || mode.equals("cluster") || mode.equals("sentinel")
        ? " (endpoint " + position + ")" : "");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(which + " is not a URL");
    }
    if (uri.getHost() == null) throw new ConfigException(which + " has no host");
    String path = uri.getPath() == null ? "" : uri.getPath();
    String db = path.startsWith("/") ? path.substring(1) : path;
    if (!db.isEmpty() && !db.matches("\\d{1,5}")) throw new ConfigException(which + ": the database must be a number");
    if (mode.equals("cluster") && !db.isEmpty() && Integer.parseInt(db) != 0) {
      throw new ConfigException(which + " names database " + db + ": Redis Cluster has only database 0");
    }
  }
}
