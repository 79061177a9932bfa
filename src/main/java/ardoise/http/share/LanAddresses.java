package ardoise.http.share;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses of this computer that phones on the same Wi-Fi can reach, best first. They stand
 * in for {@code localhost} in share links and QR codes when the facilitator opened the pad on the
 * server's own machine and no public URL is set.
 *
 * <p>Ranking: private IPv4 (192.168/16, then 10/8, then 172.16/12: home and venue routers hand out
 * 192.168 most), other IPv4, then IPv6 (unique-local fc00::/7 first). Left out: interfaces that are
 * down, loopback or virtual (sub-interfaces, containers, virtual machines, VPN tunnels: by the
 * names their tools give them), loopback, link-local, multicast and wildcard addresses.
 * Thread rule: {@link #ranked} may block a moment on the system's interface list; call it on a worker.
 */
public final class LanAddresses {
  /** Interface names of containers, virtual machines and VPNs: not on the room's Wi-Fi. */
  private static final List<String> VIRTUAL_PREFIXES = List.of("docker", "br-", "veth", "virbr", "vmnet", "vboxnet",
      "lxc", "lxd", "cni", "flannel", "podman", "tun", "tap", "utun", "wg", "zt", "tailscale", "ham");

  /** One network interface as the ranking sees it. */
  public record Nic(String name, boolean up, boolean loopback, boolean virtual, List<InetAddress> addresses) {
    public Nic {
      addresses = List.copyOf(addresses);
    }
  }

  /** Where the interfaces come from: the machine ({@link #system}) or a fixed list (tests). */
  @FunctionalInterface
  public interface Source {
    List<Nic> interfaces() throws SocketException;
  }

  private final Source source;

  public LanAddresses(Source source) {
    this.source = source;
  }

  /** The machine's interfaces, read from {@link NetworkInterface} at each call (Wi-Fi may join late). */
  public static Source system() {
    return () -> {
      List<Nic> nics = new ArrayList<>();
      for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        nics.add(new Nic(n.getName(), n.isUp(), n.isLoopback(), n.isVirtual(), Collections.list(n.getInetAddresses())));
      }
      return nics;
    };
  }

  /** A fixed list of interfaces. */
  public static Source fixed(List<Nic> nics) {
    List<Nic> copy = List.copyOf(nics);
    return () -> copy;
  }

  /** Host literals (IPv6 in brackets), best first; empty when there is none or the list cannot be read. */
  public List<String> ranked() {
    try {
      return rank(source.interfaces());
    } catch (SocketException | RuntimeException e) {
      System.getLogger(LanAddresses.class.getName()).log(System.Logger.Level.WARNING,
          "pad=- client=- network interfaces unreadable: {0}", e.toString());
      return List.of();
    }
  }

  static List<String> rank(List<Nic> nics) {
    List<InetAddress> usable = new ArrayList<>();
    for (Nic nic : nics) {
      if (!nic.up() || nic.loopback() || nic.virtual() || virtualByName(nic.name())) continue;
      for (InetAddress a : nic.addresses()) {
        if (!a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isMulticastAddress() && !a.isAnyLocalAddress()) usable.add(a);
      }
    }
    usable.sort(Comparator.comparingInt(LanAddresses::rankOf)); // stable: interface order within a rank
    Set<String> hosts = new LinkedHashSet<>();
    for (InetAddress a : usable) hosts.add(literal(a));
    return List.copyOf(hosts);
  }

  private static boolean virtualByName(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    return VIRTUAL_PREFIXES.stream().anyMatch(n::startsWith);
  }

  private static int rankOf(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xFF;
      int second = b[1] & 0xFF;
      if (first == 192 && second == 168) return 0;
      if (first == 10) return 1;
      if (first == 172 && second >= 16 && second < 32) return 2;
      return 3;
    }
    return (b[0] & 0xFE) == 0xFC ? 4 : 5;
  }

  private static String literal(InetAddress a) {
    String host = a.getHostAddress();
    if (!(a instanceof Inet6Address)) return host;
    int scope = host.indexOf('%');
    return "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
  }
}
