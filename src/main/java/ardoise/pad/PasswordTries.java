package ardoise.pad;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The budget of wrong passwords of one pad: {@code perAddress} a minute from one client address,
 * and {@code 6 × perAddress} a minute in all (ARDOISE_PASSWORD_TRIES_PER_MINUTE). Why both: per
 * address alone, a guesser with many addresses would have no bound; per pad alone, one guesser
 * would lock a whole room out. Why never per address only across pads: a room shares one address
 * behind its NAT. Only wrong passwords count; a try is refused before it is hashed once the budget
 * is spent, so guessing costs no CPU either.
 *
 * <p>Thread rule: the pad's context.
 */
final class PasswordTries {
  /** Addresses remembered at most; beyond it, those whose budget is whole again are forgotten. */
  private static final int MAX_ADDRESSES = 1024;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private final int perAddress;
  private final Bucket pad;
  private final Map<String, Bucket> addresses = new HashMap<>();

  PasswordTries(int perAddress) {
    this.perAddress = perAddress;
    this.pad = new Bucket(perAddress * 6L);
  }

  /** 0 when a try from {@code address} may be checked now, else the seconds to wait (at least 1). */
  long retryAfterSeconds(String address, long nowNanos) {
    Bucket mine = addresses.get(address);
    long wait = Math.max(pad.waitNanos(nowNanos), mine == null ? 0 : mine.waitNanos(nowNanos));
    return wait == 0 ? 0 : Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
  }

  /** A wrong password from {@code address}: it counts against both budgets. */
  void failed(String address, long nowNanos) {
    pad.take(nowNanos);
    if (addresses.size() >= MAX_ADDRESSES && !addresses.containsKey(address)) forgetWhole(nowNanos);
    addresses.computeIfAbsent(address, a -> new Bucket(perAddress)).take(nowNanos);
  }

  private void forgetWhole(long nowNanos) {
    for (Iterator<Bucket> it = addresses.values().iterator(); it.hasNext(); ) {
      if (it.next().isWhole(nowNanos)) it.remove();
    }
  }

  /** A token bucket of {@code capacity} tries refilled over a minute. */
  private static final class Bucket {
    private final long capacity;
    private double tokens;
    private long last = Long.MIN_VALUE;

    Bucket(long capacity) {
      this.capacity = capacity;
      this.tokens = capacity;
    }

    private void refill(long now) {
      if (last != Long.MIN_VALUE) tokens = Math.min(capacity, tokens + (now - last) * (double) capacity / MINUTE_NANOS);
      last = now;
    }

    long waitNanos(long now) {
      refill(now);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * MINUTE_NANOS / capacity);
    }

    void take(long now) {
      refill(now);
      tokens = Math.max(0, tokens - 1);
    }

    boolean isWhole(long now) {
      refill(now);
      return tokens >= capacity;
    }
  }
}
