package ardoise.http.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ranking the machine's addresses for share links, on fixed interfaces; choosing the links' base. */
class LanAddressesTest {

  static LanAddresses.Nic nic(String name, String... addresses) {
    return new LanAddresses.Nic(name, true, false, false, Arrays.stream(addresses).map(LanAddressesTest::ip).toList());
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> ranked(LanAddresses.Nic... nics) {
    return new LanAddresses(LanAddresses.fixed(List.of(nics))).ranked();
  }

  @Test
  void privateRangesComeFirstThenOtherIpv4ThenIpv6() {
    assertEquals(List.of("192.168.1.20", "10.0.0.5", "172.20.3.4", "203.0.113.9", "[fd12:3456:0:0:0:0:0:1]", "[2001:db8:0:0:0:0:0:7]"),
        ranked(nic("eth0", "2001:db8::7", "203.0.113.9", "172.20.3.4"), nic("wlan0", "fd12:3456::1", "10.0.0.5", "192.168.1.20")));
    assertEquals(List.of("172.31.0.1", "172.32.0.1"), ranked(nic("eth0", "172.32.0.1", "172.31.0.1")),
        "172.16/12 ends at 172.31");
  }

  @Test
  void loopbackLinkLocalDownAndVirtualInterfacesAreLeftOut() {
    LanAddresses.Nic down = new LanAddresses.Nic("wlan1", false, false, false, List.of(ip("192.168.9.9")));
    LanAddresses.Nic loopback = new LanAddresses.Nic("lo", true, true, false, List.of(ip("127.0.0.1"), ip("::1")));
    LanAddresses.Nic subInterface = new LanAddresses.Nic("eth0:1", true, false, true, List.of(ip("192.168.7.7")));
    assertEquals(List.of("10.1.2.3"), ranked(down, loopback, subInterface,
        nic("docker0", "172.17.0.1"), nic("br-5f2a", "172.18.0.1"), nic("veth12ab", "10.9.9.9"), nic("virbr0", "192.168.122.1"),
        nic("vboxnet0", "192.168.56.1"), nic("tun0", "10.8.0.2"), nic("wg0", "10.7.0.2"), nic("tailscale0", "100.100.1.1"),
        nic("wlp2s0", "169.254.3.3", "fe80::1", "10.1.2.3", "127.0.0.2")));
  }

  @Test
  void repeatsAreDroppedAndUnreadableInterfacesGiveNothing() {
    assertEquals(List.of("192.168.1.20"), ranked(nic("eth0", "192.168.1.20"), nic("wlan0", "192.168.1.20")));
    assertEquals(List.of(), new LanAddresses(() -> { throw new SocketException("no permission"); }).ranked());
    assertEquals(List.of(), ranked());
  }

  @Test
  void theSystemSourceReadsThisMachineWithoutFailing() {
    List<String> hosts = new LanAddresses(LanAddresses.system()).ranked();
    assertFalse(hosts.contains("127.0.0.1"), hosts.toString());
  }

  @Test
  void loopbackRequestsGetTheBestLanAddressWithTheirPort() {
    List<String> lan = List.of("192.168.1.20", "10.0.0.5");
    for (String loopback : new String[] {"localhost:9000", "127.0.0.1:9000", "[::1]:9000", "LOCALHOST:9000", "127.1.2.3:9000"}) {
      ShareBase base = ShareBase.choose(null, "http", loopback, lan, null);
      assertEquals("http://192.168.1.20:9000", base.base(), loopback);
      assertTrue(base.lan(), loopback);
      assertEquals(List.of("192.168.1.20:9000", "10.0.0.5:9000"), base.choices());
      assertEquals("192.168.1.20:9000", base.chosen());
    }
    assertEquals("http://10.0.0.5:9000", ShareBase.choose(null, "http", "localhost:9000", lan, "10.0.0.5:9000").base());
    assertEquals("http://192.168.1.20:9000", ShareBase.choose(null, "http", "localhost:9000", lan, "evil.example:80").base(),
        "only an offered address can be picked");
    assertEquals("https://192.168.1.20", ShareBase.choose(null, "https", "localhost", lan, null).base(), "the default port stays implicit");
  }

  @Test
  void otherRequestsKeepTheirAddress() {
    List<String> lan = List.of("192.168.1.20");
    ShareBase viaLan = ShareBase.choose(null, "http", "10.0.0.5:9000", lan, "192.168.1.20:9000");
    assertEquals("http://10.0.0.5:9000", viaLan.base());
    assertFalse(viaLan.lan());
    assertEquals(List.of(), viaLan.choices());
    assertNull(viaLan.chosen());
    assertEquals("https://pad.example.org", ShareBase.choose("https://pad.example.org", "http", "localhost:9000", lan, null).base());
    assertEquals("http://localhost:9000", ShareBase.choose(null, "http", "localhost:9000", List.of(), null).base(),
        "no LAN address: the loopback link is still better than none");
    assertEquals("http://localhost.example.org:9000", ShareBase.choose(null, "http", "localhost.example.org:9000", lan, null).base());
    assertNull(ShareBase.choose(null, "http", "evil/\"><x>", lan, null));
  }
}
