package ardoise.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of IP address blocks written as {@code 127.0.0.1, ::1, 10.0.0.0/8, fd00::/8}: the peers
 * whose forwarding headers are believed (ARDOISE_TRUSTED_PROXIES). Only literals: a host name would
 * need a DNS look-up on every request and could change under us. Immutable.
 */
public final class AddressBlocks {
  private static final AddressBlocks NONE = new AddressBlocks(List.of(), "");

  private record Block(byte[] network, int bits) {
    boolean contains(byte[] address) {
      if (address.length != network.length) return false;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >>> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) return false;
      }
      return true;
    }
  }

  private final List<Block> blocks;
  private final String written;

  private AddressBlocks(List<Block> blocks, String written) {
    this.blocks = List.copyOf(blocks);
    this.written = written;
  }

  public static AddressBlocks none() {
    return NONE;
  }

  /** Parses a comma-separated list; throws {@link IllegalArgumentException} naming the bad entry. */
  public static AddressBlocks parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String part : list.split(",")) {
      String entry = part.strip();
      if (entry.isEmpty()) continue;
      int slash = entry.indexOf('/');
      byte[] network = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (network == null) throw new IllegalArgumentException("'" + entry + "' is not an IP address or block");
      int bits = network.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > network.length * 8) throw new IllegalArgumentException("'" + entry + "' has a bad prefix length");
      }
      blocks.add(new Block(network, bits));
    }
    return blocks.isEmpty() ? NONE : new AddressBlocks(blocks, list.strip());
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} (an IP literal, IPv6 with or without brackets) lies in one of the blocks. */
  public boolean contains(String address) {
    if (blocks.isEmpty() || address == null) return false;
    byte[] bytes = literal(address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address);
    if (bytes == null) return false;
    for (Block b : blocks) if (b.contains(bytes)) return true;
    return false;
  }

  /** The bytes of an IP literal (IPv4-mapped IPv6 as IPv4), or null for anything else; never a DNS look-up. */
  private static byte[] literal(String text) {
    if (text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+") || (text.indexOf(':') < 0 && !text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}"))) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressBlocks a && a.written.equals(written);
  }

  @Override
  public int hashCode() {
    return written.hashCode();
  }

  @Override
  public String toString() {
    return written;
  }
}
