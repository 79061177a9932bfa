package ardoise.store;

import java.time.Duration;

/**
 * How long a pad lives without an edit: the lifetime a new pad gets and the longest one a pad may
 * have, in milliseconds, 0 meaning "forever" (docs/storage.md, "Lifetimes"). A store deletes a pad
 * once its lifetime has passed since its last edit; every edit starts the lifetime again.
 *
 * <p>Invariant: when {@code maxMs > 0}, {@code 0 < defaultMs <= maxMs} (a pad cannot default to
 * "forever" on a server that promises deletion).
 */
public record Retention(long defaultMs, long maxMs) {
  public static final Retention FOREVER = new Retention(0, 0);

  public Retention {
    if (defaultMs < 0 || maxMs < 0) throw new IllegalArgumentException("a lifetime is 0 (forever) or positive");
    if (maxMs > 0 && (defaultMs == 0 || defaultMs > maxMs)) {
      throw new IllegalArgumentException("the default lifetime must be between 1 ms and the maximum " + maxMs + " ms");
    }
  }

  public static Retention ofDays(int defaultDays, int maxDays) {
    return new Retention(Duration.ofDays(defaultDays).toMillis(), Duration.ofDays(maxDays).toMillis());
  }

  /** {@code lifetime} in milliseconds if a pad may have it; else an {@link IllegalArgumentException} saying why. */
  public long check(Duration lifetime) {
    if (lifetime.isNegative()) throw new IllegalArgumentException("a lifetime cannot be negative");
    long ms = lifetime.toMillis();
    if (maxMs > 0 && ms == 0) throw new IllegalArgumentException("this server keeps no pad forever");
    if (maxMs > 0 && ms > maxMs) {
      throw new IllegalArgumentException("a pad lives at most " + maxMs + " ms without an edit on this server");
    }
    return ms;
  }
}
