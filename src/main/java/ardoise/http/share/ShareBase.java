package ardoise.http.share;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start of every share link and QR code, {@code scheme://host[:port]}: the public URL when one
 * is configured; else, when the browser reached the server through loopback ({@code localhost},
 * 127.0.0.0/8, ::1), the server's best LAN address with the same port, since a phone scanning
 * "localhost" would reach itself; else the address the browser used. Immutable.
 *
 * @param base the chosen base, no trailing slash
 * @param lan whether it is a LAN address standing in for loopback
 * @param choices the LAN authorities (host:port) to choose from, best first; empty unless {@code lan}
 * @param chosen the authority in {@code base} when {@code lan}, else null
 */
public record ShareBase(String base, boolean lan, List<String> choices, String chosen) {
  public ShareBase {
    choices = List.copyOf(choices);
  }

  /**
   * The base for a request. {@code hostHeader} is the request's host[:port] (IPv6 in brackets);
   * {@code lanHosts} the ranked LAN host literals; {@code asked} the authority the facilitator
   * picked, used only when it is one of the choices. Null when there is no public URL and the
   * Host header cannot make a link (see {@link ShareLinks#base}).
   */
  public static ShareBase choose(String publicUrl, String scheme, String hostHeader, List<String> lanHosts, String asked) {
    String plain = ShareLinks.base(publicUrl, scheme, hostHeader);
    if (plain == null || publicUrl != null || !isLoopback(hostHeader) || lanHosts.isEmpty()) {
      return plain == null ? null : new ShareBase(plain, false, List.of(), null);
    }
    String port = portSuffix(hostHeader);
    List<String> choices = new ArrayList<>();
    for (String host : lanHosts) choices.add(host + port);
    String chosen = asked != null && choices.contains(asked) ? asked : choices.get(0);
    String s = plain.substring(0, plain.indexOf("://"));
    return new ShareBase(s + "://" + chosen, true, choices, chosen);
  }

  /** Whether host[:port] names this machine's loopback interface. */
  public static boolean isLoopback(String hostHeader) {
    if (hostHeader == null) return false;
    String h = hostHeader.toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      String v6 = h.substring(1, Math.max(1, h.indexOf(']')));
      return v6.equals("::1") || v6.equals("0:0:0:0:0:0:0:1");
    }
    int colon = h.indexOf(':');
    String host = colon < 0 ? h : h.substring(0, colon);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.[0-9]{1,3}){3}");
  }

  /** ":port" of host[:port], or "" when the request used the scheme's default port. */
  private static String portSuffix(String hostHeader) {
    int close = hostHeader.lastIndexOf(']');
    int colon = hostHeader.lastIndexOf(':');
    return colon > close ? hostHeader.substring(colon) : "";
  }
}
