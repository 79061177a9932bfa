package ardoise.http;

import ardoise.config.AddressBlocks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a request is counted under, for per-client limits ({@link MissBudget}).
 *
 * <p>{@link ProxyTrust} picks the address: the connection's, or one of {@code X-Forwarded-For}
 * behind trusted proxies (what a client writes itself sits further left and is never read).
 * IPv6 addresses count by their /64 prefix: one machine usually holds a whole /64, and could
 * otherwise take a fresh address for every request.
 */
final class ClientAddress {
  private ClientAddress() {}

  /** The N-th address from the end of the X-Forwarded-For lists, or null if they are shorter. */
  static String forwarded(List<String> headers, int hops) {
    List<String> all = new ArrayList<>();
    for (String header : headers) {
      for (String part : header.split(",")) if (!part.isBlank()) all.add(part.strip());
    }
    return all.size() >= hops ? all.get(all.size() - hops) : null;
  }

  /** The right-most address of the X-Forwarded-For lists that is not one of {@code proxies}, or null. */
  static String firstUntrusted(List<String> headers, AddressBlocks proxies) {
    List<String> all = new ArrayList<>();
    for (String header : headers) {
      for (String part : header.split(",")) if (!part.isBlank()) all.add(part.strip());
    }
    for (int i = all.size() - 1; i >= 0; i--) if (!proxies.contains(all.get(i))) return all.get(i);
    return null;
  }

  /** An IPv4 address as it is, an IPv6 one as its /64 prefix; anything else as written. */
  static String prefix(String address) {
    String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    if (bare.indexOf(':') < 0 || !bare.matches("[0-9A-Fa-f:.]+")) return bare;
    try {
      byte[] bytes = InetAddress.getByName(bare).getAddress(); // a literal: no name lookup
      if (bytes.length != 16) return InetAddress.getByAddress(bytes).getHostAddress();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 8; i += 2) sb.append(String.format("%x", ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
      return sb.append(":/64").toString();
    } catch (UnknownHostException e) {
      return bare;
    }
  }
}
