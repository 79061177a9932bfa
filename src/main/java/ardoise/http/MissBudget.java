package ardoise.http;

import ardoise.quota.AddressBudget;
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
 * <p>The buckets are an {@link AddressBudget} without a server bound (misses are refused per address
 * only: a server-wide bound would let one prober lock every room out of new pads); its table of
 * addresses is bounded. Thread rule: any thread.
 */
public final class MissBudget {
  private final AddressBudget buckets;

  /** {@code perMinute} 0: no limit. */
  public MissBudget(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  MissBudget(int perMinute, LongSupplier nanoClock) {
    this.buckets = new AddressBudget(perMinute, 0, nanoClock);
  }

  /**
   * Counts one miss of {@code address} ({@link ClientAddress}); returns 0 when it is within the
   * budget, else the whole seconds (at least 1) until the next miss would be, for Retry-After.
   */
  public long take(String address) {
    return buckets.take(address, 1);
  }
}
