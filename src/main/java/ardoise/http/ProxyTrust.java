package ardoise.http;

import ardoise.config.AddressBlocks;
import ardoise.config.Config;
import ardoise.config.Setting;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;

/**
 * What a request says about the browser behind the reverse proxies we trust: the scheme and host it
 * used (for share links, QR codes and the same-origin check) and its address (for per-client limits).
 *
 * <p>With ARDOISE_TRUSTED_PROXIES set, {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and
 * {@code X-Forwarded-For} count only on connections from those addresses; anyone else could write
 * them to pass for another site or another client, so from anyone else they are ignored. The client
 * is the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy (what a client
 * writes itself sits further left), or the N-th from the end with ARDOISE_TRUSTED_PROXY_HOPS = N.
 * ARDOISE_TRUSTED_PROXY_HOPS alone reads {@code X-Forwarded-For} from every peer (a port only the
 * proxy can reach) and never Proto or Host. Immutable; safe from any thread.
 */
public final class ProxyTrust {
  private final AddressBlocks proxies;
  private final int hops;

  ProxyTrust(AddressBlocks proxies, int hops) {
    this.proxies = proxies;
    this.hops = hops;
  }

  public static ProxyTrust of(Config config) {
    return new ProxyTrust(config.trustedProxies(), config.integer(Setting.TRUSTED_PROXY_HOPS));
  }

  /** Whether this request's connection comes from a trusted proxy. */
  boolean fromTrustedProxy(HttpServerRequest request) {
    return proxies.contains(peer(request));
  }

  /** The address per-client limits count the request under (IPv6 as its /64, {@link ClientAddress#prefix}). */
  public String clientAddress(HttpServerRequest request) {
    String peer = peer(request);
    String address = null;
    if (proxies.isEmpty()) {
      if (hops > 0) address = ClientAddress.forwarded(request.headers().getAll("X-Forwarded-For"), hops);
    } else if (proxies.contains(peer)) {
      var chain = request.headers().getAll("X-Forwarded-For");
      address = hops > 0 ? ClientAddress.forwarded(chain, hops) : ClientAddress.firstUntrusted(chain, proxies);
    }
    return ClientAddress.prefix(address == null ? peer : address);
  }

  /** "https" or "http": the scheme the browser used. */
  public String scheme(HttpServerRequest request) {
    String forwarded = fromTrustedProxy(request) ? first(request.getHeader("X-Forwarded-Proto")) : null;
    if (forwarded != null) {
      String s = forwarded.toLowerCase(Locale.ROOT);
      if (s.equals("https") || s.equals("http")) return s;
    }
    return request.scheme();
  }

  /** host[:port] the browser asked for (IPv6 in brackets), or null if the request names none. */
  public String host(HttpServerRequest request) {
    String forwarded = fromTrustedProxy(request) ? first(request.getHeader("X-Forwarded-Host")) : null;
    if (forwarded != null && !forwarded.isEmpty()) return forwarded;
    HostAndPort a = request.authority(); // the Host header, or :authority over HTTP/2
    if (a == null) return null;
    String host = a.host().indexOf(':') >= 0 && !a.host().startsWith("[") ? "[" + a.host() + "]" : a.host();
    return a.port() > 0 ? host + ":" + a.port() : host;
  }

  private static String peer(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
  }

  /** The first entry of a comma-separated header: what the proxy nearest the browser wrote. */
  private static String first(String header) {
    return header == null ? null : header.split(",", 2)[0].strip();
  }
}
