package ardoise.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many requests for pads that do not exist ("misses": a read of a pad nobody wrote in, an unknown
 * read-only link) each client address may make: a token bucket of {@code perMinute} misses, refilled
 * at {@code perMinute} a minute. Why: a pad's name is its edit link, and without a bound one client
 * could try thousands of names a second; with 60 a minute, finding one pad of 64 random bits takes
 * longer than the universe has existed. Requests for pads that exist never reach this class, so a
 * room behind one NAT working on its pads is never slowed, and the budget is loose enough for that
 * room's typos and new pads.
 *
 * <p>Memory stays bounded: when the table reaches {@link #MAX_ADDRESSES}, the addresses whose bucket
 * is full again are forgotten; if more than half are still in use then, the table is cleared (those
 * addresses start again with a full budget). Thread rule: any thread.
 */
public final class MissBudget {
  static final int MAX_ADDRESSES = 100_000;
  private static final double NANOS_PER_MINUTE = 60e9;

  private final int perMinute;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** {@code perMinute} 0: no limit. */
  public MissBudget(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  MissBudget(int perMinute, LongSupplier nanoClock) {
    this.perMinute = perMinute;
    this.nanoClock = nanoClock;
  }

  /**
   * Counts one miss of {@code address} ({@link ClientAddress}); returns 0 when it is within the
   * budget, else the whole seconds (at least 1) until the next miss would be, for Retry-After.
   */
  public long take(String address) {
    if (perMinute == 0) return 0;
    long now = nanoClock.getAsLong();
    if (buckets.size() >= MAX_ADDRESSES) forgetIdle(now);
    return buckets.computeIfAbsent(address, a -> new Bucket(perMinute, now)).take(now, perMinute);
  }

  private void forgetIdle(long now) {
    buckets.values().removeIf(b -> b.fullAt(now, perMinute));
    if (buckets.size() > MAX_ADDRESSES / 2) buckets.clear();
  }

  /** One address's misses; its own lock (two loops may count the same address at once). */
  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(int capacity, long now) {
      this.tokens = capacity;
      this.last = now;
    }

    synchronized long take(long now, int perMinute) {
      refill(now, perMinute);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double nanos = (1 - tokens) * NANOS_PER_MINUTE / perMinute;
      return Math.max(1, (long) Math.ceil(nanos / 1e9));
    }

    synchronized boolean fullAt(long now, int perMinute) {
      refill(now, perMinute);
      return tokens >= perMinute;
    }

    private void refill(long now, int perMinute) {
      tokens = Math.min(perMinute, tokens + (now - last) * perMinute / NANOS_PER_MINUTE);
      last = now;
    }
  }
}
