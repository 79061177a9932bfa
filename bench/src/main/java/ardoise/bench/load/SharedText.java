package ardoise.bench.load;

import ardoise.ot.AttributedText;
import ardoise.ot.TextOperation;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One pad's text as its members see it, kept once for all of them: the text at a base revision and
 * the op of every later revision, recorded by the first member that receives it. Every other member
 * compares the op it received with the recorded one, and the author of a revision compares the op
 * it believes committed (its own, transformed as its editor did) with what the others received: a
 * server that sends members different ops, or commits an op other than its author's, marks the
 * lean clients concerned as diverged (see {@link Replica#diverged}). Clients with a document of
 * their own (the pad's real client, its observers) show divergence through their own text.
 *
 * <p>Thread-safe: a pad's clients live on several event loops. Recording is lock-free; moving the
 * base (every {@value #PRUNE_EVERY} revisions, up to the slowest member, on a pool thread so that no
 * event loop waits for it) and reading a text lock. The base is a persistent document (the server's
 * own {@link AttributedText}): moving it costs O(log n) per revision. Why not a StringBuilder: each
 * insert moved the rest of the text, so the generator's cost grew with the pad's length, and the
 * lock a joining member waits for was held that long.
 */
final class SharedText {
  private static final int PRUNE_EVERY = 1024;
  /** Who wrote what does not matter here: one author for every character. */
  private static final String AUTHOR = "-";

  /** An author's op as it believes the server committed it, waiting for another member's copy. */
  private record Claim(TextOperation op, Replica by) {}

  private final ConcurrentHashMap<Long, TextOperation> received = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Claim> claims = new ConcurrentHashMap<>();
  /** The lowest revision any member is at (members not joined yet count as 0). */
  private final LongSupplier slowestMember;
  private long baseRev = -1;
  private AttributedText base;
  private final AtomicBoolean pruning = new AtomicBoolean();
  private long cachedRev = -1;
  private String cached;

  SharedText(LongSupplier slowestMember) {
    this.slowestMember = slowestMember;
  }

  /** A member joined with the server's {@code text} at {@code rev}: the first join is the base. */
  synchronized void joined(long rev, String text) {
    if (base == null) {
      baseRev = rev;
      base = AttributedText.of(text, AUTHOR);
    }
  }

  /** Member {@code by} received revision {@code rev}, another client's op. */
  void received(long rev, TextOperation op, Replica by) {
    TextOperation first = received.putIfAbsent(rev, op);
    if (first != null) {
      // Why identity first: members parse the same frame bytes through one cache, so they usually share the op.
      if (first != op && !first.equals(op)) {
        by.diverged("revision " + rev + " was " + op + " for this client, " + first + " for another member");
      }
      return;
    }
    Claim claim = claims.remove(rev);
    if (claim != null) check(rev, claim, op);
    if (rev % PRUNE_EVERY == 0 && pruning.compareAndSet(false, true)) {
      ForkJoinPool.commonPool().execute(() -> {
        try {
          prune();
        } finally {
          pruning.set(false);
        }
      });
    }
  }

  /** Member {@code by} authored revision {@code rev}: {@code op} is its op as its editor transformed it. */
  void claimed(long rev, TextOperation op, Replica by) {
    Claim claim = new Claim(op, by);
    claims.put(rev, claim);
    TextOperation other = received.get(rev);
    // Why remove(key, value): the member that records the revision may be checking the claim at the same time.
    if (other != null && claims.remove(rev, claim)) check(rev, claim, other);
  }

  private static void check(long rev, Claim claim, TextOperation received) {
    if (!claim.op.equals(received)) {
      claim.by.diverged("its op " + claim.op + " was committed as revision " + rev + " = " + received);
    }
  }

  /** The pad's text at {@code rev} (every member passed it); computed once per revision asked. */
  synchronized String textAt(long rev) {
    if (rev == cachedRev) return cached;
    if (base == null || rev < baseRev) throw new IllegalStateException("no text for revision " + rev + " (base " + baseRev + ")");
    AttributedText text = base;
    for (long r = baseRev + 1; r <= rev; r++) text = text.apply(opOf(r), AUTHOR);
    cachedRev = rev;
    cached = text.text();
    return cached;
  }

  /** Moves the base up to the slowest member, so the ops kept stay few. */
  private synchronized void prune() {
    if (base == null) return;
    long to = slowestMember.getAsLong();
    AttributedText text = base;
    long r = baseRev;
    while (r < to && (received.containsKey(r + 1) || claims.containsKey(r + 1))) text = text.apply(opOf(++r), AUTHOR);
    for (long gone = baseRev + 1; gone <= r; gone++) {
      received.remove(gone);
      claims.remove(gone);
    }
    baseRev = r;
    base = text;
  }

  /** The op of revision {@code r}: as members received it, else as its author claimed it (nobody else saw it). */
  private TextOperation opOf(long r) {
    TextOperation op = received.get(r);
    if (op != null) return op;
    Claim claim = claims.get(r);
    if (claim == null) throw new IllegalStateException("no member recorded revision " + r);
    return claim.op;
  }
}
