package ardoise.store.redis;

import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Connection options from a {@code redis://[user:password@]host[:port][/database]} URL
 * ({@code rediss://} for TLS). The Vert.x client reads password and database from the URL; this
 * class checks the URL first so a typo fails at startup with a clear message, and redacts it for logs.
 */
public final class RedisUrl {
  private RedisUrl() {}

  /** Options for the pooled client; throws {@link IllegalArgumentException} naming the problem. */
  public static RedisOptions options(String url, int maxPoolSize) {
    return RedisTopology.standalone(url).options(maxPoolSize, false);
  }

  /** Checks {@code url}; throws {@link IllegalArgumentException} naming the problem (the URL redacted). */
  static void check(String url) {
    URI uri = parse(url);
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/") && !path.substring(1).matches("\\d{1,5}")) {
      throw new IllegalArgumentException("redis URL database must be a number: " + redact(url));
    }
  }

  /**
   * The URL with any password replaced by {@code ***}, safe to log: the one in the user part and the
   * one the Redis client also reads from a {@code password} query parameter.
   */
  public static String redact(String url) {
    String redacted = url.replaceAll("(?i)([?&]password=)[^&#]*", "$1***");
    return redactUserInfo(redacted);
  }

  private static String redactUserInfo(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme < 0 || at < scheme) return url;
    String userInfo = url.substring(scheme + 3, at);
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? "" : userInfo.substring(0, colon);
    return url.substring(0, scheme + 3) + user + ":***" + url.substring(at);
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("redis URL does not parse: " + redact(url));
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw new IllegalArgumentException("redis URL must start with redis:// or rediss://: " + redact(url));
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("redis URL has no host: " + redact(url));
    }
    return uri;
  }
}
