package ardoise.quota;

import java.util.concurrent.ConcurrentHashMap;
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
  private final LongSupplier nanoClock;
  /**
   * Pads whose creation was paid within the last minute (pad id → when). Why: people who joined a new
   * pad together and type their first letters at once each send "the first op of an empty pad"
   * before anyone hears of the first revision; the pad is created once and is paid once.
   */
  private final ConcurrentHashMap<String, Long> padsPaid = new ConcurrentHashMap<>();
  static final int MAX_PADS_REMEMBERED = 100_000;
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  public Quotas(Limits limits, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
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

  private long payPad(String address, String padId) {
    long now = nanoClock.getAsLong();
    long[] wait = {0};
    padsPaid.compute(padId, (id, paidAt) -> {
      if (paidAt != null && now - paidAt < NANOS_PER_MINUTE) return paidAt;
      wait[0] = pads.take(address, 1);
      return wait[0] == 0 ? Long.valueOf(now) : paidAt;
    });
    if (padsPaid.size() > MAX_PADS_REMEMBERED) {
      // Bounded: entries older than a minute are useless; if every one is recent, start afresh.
      padsPaid.values().removeIf(paidAt -> now - paidAt >= NANOS_PER_MINUTE);
      if (padsPaid.size() > MAX_PADS_REMEMBERED) padsPaid.clear();
    }
    return wait[0];
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

    /**
     * Seconds to wait, or 0 when pad {@code padId} may be created: it takes one pad, unless that
     * pad's creation was paid within the last minute (by anyone).
     */
    public long pad(String padId) {
      return quotas.payPad(address, padId);
    }
  }
}
