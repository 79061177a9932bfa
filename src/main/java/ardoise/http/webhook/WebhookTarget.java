package ardoise.http.webhook;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.config.Setting;
import java.net.URI;

/**
 * Where pad events are posted (ARDOISE_WEBHOOK_URL), the key they are signed with
 * (ARDOISE_WEBHOOK_SECRET) and how long edits gather before one is sent
 * (ARDOISE_WEBHOOK_DEBOUNCE_SECONDS). The URL is kept like a secret (it often carries a token of
 * the receiver): never logged. Immutable.
 */
public record WebhookTarget(URI url, String secret, long debounceMillis) {
  /** The configured target, or null when ARDOISE_WEBHOOK_URL is unset; a URL without its secret is refused. */
  public static WebhookTarget of(Config config) {
    String url = config.text(Setting.WEBHOOK_URL);
    if (url == null) return null;
    String secret = config.text(Setting.WEBHOOK_SECRET);
    if (secret == null) throw new ConfigException("ARDOISE_WEBHOOK_URL needs ARDOISE_WEBHOOK_SECRET (16+ characters) to sign what it sends");
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("ARDOISE_WEBHOOK_URL must be an http(s) URL"); // not the value: it may hold a token
    }
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
      throw new ConfigException("ARDOISE_WEBHOOK_URL must be an http(s) URL");
    }
    return new WebhookTarget(uri, secret, config.integer(Setting.WEBHOOK_DEBOUNCE_SECONDS) * 1000L);
  }

  public boolean https() {
    return url.getScheme().equals("https");
  }

  public int port() {
    return url.getPort() > 0 ? url.getPort() : https() ? 443 : 80;
  }

  /** The path and query the POST goes to. */
  public String requestUri() {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }
}
