package ardoise.quota;

import java.util.function.LongSupplier;

/**
 * The server's write quotas, each per client address and for the whole server ({@link AddressBudget}):
 * pads created a minute (POST /api/pads, and a pad's first edit over a socket or HTTP), bytes written a
 * minute (ops and chat messages over sockets; imports, restores and templates over HTTP), imports a
 * minute. A refusal is {@code quota-exceeded} with the seconds to wait; nothing is written.
 * Thread rule: any thread.
 */
public final class Quotas {
  /** No quota at all (tests of other things, and the parts built without a server). */
  public static final Quotas NONE = new Quotas(new Limits(0, 0, 0, 0, 0, 0), System::nanoTime);

  /** Each a number per minute; 0 turns that bound off. */
  public record Limits(long padsPerAddress, long padsPerServer, long bytesPerAddress, long bytesPerServer,
      long importsPerAddress, long importsPerServer) {}

  private final AddressBudget pads;
  private final AddressBudget bytes;
  private final AddressBudget imports;

  public Quotas(Limits limits, LongSupplier nanoClock) {
    this.pads = new AddressBudget(limits.padsPerAddress(), limits.padsPerServer(), nanoClock);
    this.bytes = new AddressBudget(limits.bytesPerAddress(), limits.bytesPerServer(), nanoClock);
    this.imports = new AddressBudget(limits.importsPerAddress(), limits.importsPerServer(), nanoClock);
  }

  public AddressBudget pads() {
    return pads;
  }

  public AddressBudget bytes() {
    return bytes;
  }

  public AddressBudget imports() {
    return imports;
  }

  /** The quotas of one client address (a socket keeps it for its whole life). */
  public OfAddress of(String address) {
    return new OfAddress(this, address);
  }

  /** What a socket takes for each write: O(1), see {@link AddressBudget}. */
  public record OfAddress(Quotas quotas, String address) {
    /** Seconds to wait, or 0 when {@code count} bytes may be written. */
    public long bytes(long count) {
      return quotas.bytes.take(address, count);
    }

    /** Seconds to wait, or 0 when one more pad may be created. */
    public long pad() {
      return quotas.pads.take(address, 1);
    }
  }
}
