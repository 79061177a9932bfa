package ardoise.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ARDOISE_TRUSTED_PROXIES: addresses and CIDR blocks, IPv4 and IPv6, literals only. */
class AddressBlocksTest {

  @Test
  void blocksContainTheirAddressesOnly() {
    AddressBlocks b = AddressBlocks.parse(" 10.0.0.0/8, 192.168.1.7 ,fd00::/8, ::1");
    assertTrue(b.contains("10.200.3.4"));
    assertFalse(b.contains("11.0.0.1"));
    assertTrue(b.contains("192.168.1.7"));
    assertFalse(b.contains("192.168.1.8"));
    assertTrue(b.contains("fd12:3456::1"));
    assertTrue(b.contains("[::1]"));
    assertFalse(b.contains("fe80::1"));
    assertFalse(b.contains("localhost"), "names are never looked up");
    assertFalse(b.contains(""));
    assertTrue(AddressBlocks.parse("0.0.0.0/0").contains("203.0.113.9"));
    assertTrue(AddressBlocks.parse("").isEmpty());
  }

  @Test
  void aBadEntryStopsTheServerWithTheVariablesName() {
    for (String bad : new String[] {"proxy.example.org", "10.0.0.0/33", "10.0.0.0/x", "::1/129", "10.0.0"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> Config.fromValues(Map.of("ARDOISE_TRUSTED_PROXIES", bad)), bad);
      assertTrue(e.getMessage().startsWith("ARDOISE_TRUSTED_PROXIES"), e.getMessage());
    }
    assertEquals("127.0.0.1, ::1", Config.fromValues(Map.of("ARDOISE_TRUSTED_PROXIES", "127.0.0.1, ::1")).trustedProxies().toString());
  }
}
