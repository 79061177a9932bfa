package ardoise.quota;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A budget of some amount per minute (pads created, bytes written, imports), kept twice: per client
 * address and for the whole server. A take must fit both: the address bound keeps one client from
 * taking the server's whole budget, the server bound caps what all addresses together may write.
 * Why both and never the address alone: a workshop room behind one NAT is one address, so the
 * address bound is set for a whole room (generous), and the server bound is what stops many
 * addresses at once.
 *
 * <p>Each bound is a token bucket of {@code perMinute} units refilled at {@code perMinute} a minute.
 * A take larger than the bucket passes when the bucket is full and leaves it in debt (an import
 * bigger than a minute's budget still goes through once, then the address waits).
 *
 * <p>Cost: a take is one {@link ConcurrentHashMap} lookup and two small synchronized sections, O(1).
 * Memory stays bounded: at most {@link #MAX_ADDRESSES} addresses are kept (about 130 bytes each:
 * key, bucket, map node, so about 13 MB at the bound); when the table is full the addresses whose
 * bucket is full again (idle ones) are forgotten, and if more than half are still in use the table is
 * cleared (those addresses start again with a full budget). Thread rule: any thread.
 */
public final class AddressBudget {
  static final int MAX_ADDRESSES = 100_000;
  private static final double NANOS_PER_MINUTE = 60e9;

  private final long perAddress;
  private final Bucket server;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> addresses = new ConcurrentHashMap<>();

  /** {@code perAddress} or {@code perServer} 0: that bound is off. */
  public AddressBudget(long perAddress, long perServer, LongSupplier nanoClock) {
    this.perAddress = perAddress;
    this.nanoClock = nanoClock;
    this.server = perServer == 0 ? null : new Bucket(perServer, nanoClock.getAsLong());
  }

  /**
   * Takes {@code amount} for {@code address}; returns 0 when both bounds had room (the amount is
   * taken from both), else the whole seconds (at least 1) until it would fit, and nothing is taken.
   */
  public long take(String address, long amount) {
    long now = nanoClock.getAsLong();
    Bucket own = null;
    if (perAddress > 0) {
      if (addresses.size() >= MAX_ADDRESSES) forgetIdle(now);
      own = addresses.computeIfAbsent(address, a -> new Bucket(perAddress, now));
      long wait = own.take(now, amount);
      if (wait > 0) return wait;
    }
    if (server != null) {
      long wait = server.take(now, amount);
      if (wait > 0) {
        if (own != null) own.give(amount);
        return wait;
      }
    }
    return 0;
  }

  /** Gives back what {@link #take} took (the write it paid for was refused by a later check). */
  public void refund(String address, long amount) {
    if (perAddress > 0) {
      Bucket own = addresses.get(address);
      if (own != null) own.give(amount);
    }
    if (server != null) server.give(amount);
  }

  /** Addresses remembered now (tests check the bound). */
  int addressCount() {
    return addresses.size();
  }

  private void forgetIdle(long now) {
    addresses.values().removeIf(b -> b.fullAt(now));
    if (addresses.size() > MAX_ADDRESSES / 2) addresses.clear();
  }

  /** One bound; its own lock (two event loops may take from it at once). */
  private static final class Bucket {
    private final long capacity;
    private double tokens;
    private long last;

    Bucket(long capacity, long now) {
      this.capacity = capacity;
      this.tokens = capacity;
      this.last = now;
    }

    synchronized long take(long now, long amount) {
      refill(now);
      double needed = Math.min(amount, capacity);
      if (tokens >= needed) {
        tokens -= amount;
        return 0;
      }
      double nanos = (needed - tokens) * NANOS_PER_MINUTE / capacity;
      return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    synchronized void give(long amount) {
      tokens = Math.min(capacity, tokens + amount);
    }

    synchronized boolean fullAt(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * capacity / NANOS_PER_MINUTE);
      last = now;
    }
  }
}
