package ardoise.pad;

import ardoise.ot.Component;
import ardoise.ot.TextOperation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide budget of ops accepted by its pads but not yet stored (so not yet acknowledged).
 * While the store is down every pad holds its new ops; this bound keeps an outage from exhausting
 * memory: beyond it, pads refuse ops with {@code store-unavailable} and the clients keep them.
 *
 * <p>Invariant: {@code 0 <= ops() <= maxOps} and {@code 0 <= chars() <= maxChars}, counting the
 * inserted text of each held op. Thread rule: any thread (pads of several contexts may share one).
 */
public final class HeldOps {
  /** A server's bound: 20,000 ops and 16 Mi inserted chars (about 32 MB) while the store is down. */
  private static final long SERVER_MAX_OPS = 20_000;
  private static final long SERVER_MAX_CHARS = 16L << 20;

  private final long maxOps;
  private final long maxChars;
  private final AtomicLong ops = new AtomicLong();
  private final AtomicLong chars = new AtomicLong();

  public HeldOps(long maxOps, long maxChars) {
    if (maxOps < 1 || maxChars < 1) throw new IllegalArgumentException("held-op limits must be positive");
    this.maxOps = maxOps;
    this.maxChars = maxChars;
  }

  /** The bound shared by all pads of one server. */
  public static HeldOps forServer() {
    return new HeldOps(SERVER_MAX_OPS, SERVER_MAX_CHARS);
  }

  /** Takes room for {@code op}; false (and nothing taken) when the budget is spent. */
  boolean tryHold(TextOperation op) {
    long size = insertedChars(op);
    if (ops.incrementAndGet() > maxOps) {
      ops.decrementAndGet();
      return false;
    }
    if (chars.addAndGet(size) > maxChars) {
      chars.addAndGet(-size);
      ops.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Gives back the room of {@code op} (stored, or dropped). Rebasing keeps inserted text, so the size matches. */
  void release(TextOperation op) {
    ops.decrementAndGet();
    chars.addAndGet(-insertedChars(op));
  }

  /** Ops held right now, on every pad of the server. */
  public long ops() {
    return ops.get();
  }

  /** Inserted UTF-16 code units held right now. */
  public long chars() {
    return chars.get();
  }

  private static long insertedChars(TextOperation op) {
    long n = 0;
    for (Component c : op.components()) {
      if (c instanceof Component.Insert i) n += i.text().length();
    }
    return n;
  }
}
