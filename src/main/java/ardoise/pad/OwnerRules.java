package ardoise.pad;

import ardoise.store.PadLifetime;
import ardoise.store.PadPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * What the pad's owner decided (lock, edit password, lifetime) and what it means for one
 * connection: whether a join or an op passes, and the {@link PolicyView} it is told. A password is
 * checked on a worker (100,000 HMAC rounds must not stall the event loop), within the budget of
 * wrong passwords ({@link PasswordTries}); a spent budget refuses a try before hashing it.
 * Thread rule: used on the pad's event loop only; futures complete there.
 */
final class OwnerRules {
  private final Vertx vertx;
  private final CommitWindow window;
  private final PasswordTries tries;
  /** As stored; replaced by {@link #change}. */
  private PadPolicy policy;
  /** The pad's lifetime as the store reported it at load or at the owner's last change. */
  private PadLifetime lifetime;

  OwnerRules(Vertx vertx, CommitWindow window, PadPolicy policy, PadLifetime lifetime, int passwordTriesPerMinute) {
    this.vertx = vertx;
    this.window = window;
    this.policy = policy;
    this.lifetime = lifetime;
    this.tries = new PasswordTries(passwordTriesPerMinute);
  }

  /**
   * Whether the arrival gave the pad's password (true), gave none where none is needed (false), or is
   * refused (null; {@code asker} was told why and may join again).
   */
  Future<Boolean> atJoin(Seat asker, String password) {
    String hash = policy.passwordHash();
    if (hash == null) return Future.succeededFuture(false);
    if (password == null) {
      if (!policy.protectReadOnly()) return Future.succeededFuture(false);
      asker.tell(m -> m.rejected(Rejection.PASSWORD_REQUIRED, "this pad is protected by a password: join with it", 0));
      return Future.succeededFuture(null);
    }
    return check(asker, password, hash).map(ok -> ok ? Boolean.TRUE : null);
  }

  /**
   * A member gives the password after joining: completes with true when it may write from now on
   * (right password, or none needed any more), false when refused ({@code seat} was told why).
   */
  Future<Boolean> unlock(Seat seat, String password) {
    String hash = policy.passwordHash();
    if (hash == null || seat.unlocked) return Future.succeededFuture(true);
    // A password changed while this one was being hashed is not unlocked by it.
    return check(seat, password, hash).map(ok -> ok && hash.equals(policy.passwordHash()));
  }

  /** Checks {@code password} on a worker within the budget; a refusal is told to {@code seat}. */
  private Future<Boolean> check(Seat seat, String password, String hash) {
    long retry = tries.retryAfterSeconds(seat.address, System.nanoTime());
    if (retry > 0) {
      seat.tell(m -> m.rejected(Rejection.PASSWORD_RATE_LIMITED,
          "too many wrong passwords; try again in " + retry + " s", 0, retry));
      return Future.succeededFuture(false);
    }
    return vertx.executeBlocking(() -> PasswordHash.matches(password, hash), false).map(ok -> {
      if (!ok) {
        tries.failed(seat.address, System.nanoTime());
        seat.tell(m -> m.rejected(Rejection.WRONG_PASSWORD, "this is not the pad's password", 0));
      }
      return ok;
    });
  }

  /** Tells {@code seat} why its op {@code seq} is refused and returns true, or returns false when it may write. */
  boolean refusesOp(Seat seat, long seq) {
    if (policy.locked()) {
      seat.tell(m -> m.rejected(Rejection.PAD_LOCKED, "the owner locked this pad; keep the op, it is resent once unlocked", seq));
      return true;
    }
    if (policy.hasPassword() && !seat.unlocked) {
      seat.tell(m -> m.rejected(Rejection.PASSWORD_REQUIRED, "this pad needs its password to write: send unlock, then the op again", seq));
      return true;
    }
    return false;
  }

  /** Takes the owner's new decisions; true when they bring a new password (set or changed), which every member must give again. */
  boolean change(PadPolicy changed, PadLifetime newLifetime) {
    boolean newPassword = changed.hasPassword() && !changed.passwordHash().equals(policy.passwordHash());
    policy = changed;
    lifetime = newLifetime;
    return newPassword;
  }

  /** Whether these are the decisions the pad already applies (the lifetime by its length, not its end). */
  boolean holds(PadPolicy stored, PadLifetime storedLifetime) {
    // The policy's own lifetime only waits for the first commit, which consumes it: what members
    // are shown is the store's lifetime, compared apart.
    return policy.withLifetimeMs(PadPolicy.NO_LIFETIME).equals(stored.withLifetimeMs(PadPolicy.NO_LIFETIME))
        && lifetime.lifetimeMs() == storedLifetime.lifetimeMs();
  }

  /** Whether {@code seat} must leave: the password guards reading too and it has not given it. */
  boolean closesReader(Seat seat) {
    return policy.hasPassword() && policy.protectReadOnly() && !seat.unlocked;
  }

  /** What the policy means for {@code seat} now. */
  PolicyView view(Seat seat) {
    boolean canWrite = !seat.viewer && !policy.locked() && (!policy.hasPassword() || seat.unlocked);
    return new PolicyView(PolicyView.days(lifetime.lifetimeMs()), deletesAt(), policy.locked(), policy.hasPassword(),
        policy.protectReadOnly(), canWrite);
  }

  /**
   * When the pad is deleted without an edit: a lifetime after its latest revision (every edit starts
   * it again), never before what the store reported; null when it lives forever.
   */
  private Long deletesAt() {
    long ms = lifetime.lifetimeMs();
    if (ms <= 0) return null;
    if (window.head() == 0) return System.currentTimeMillis() + ms;
    long at = lifetime.deletesAt();
    if (window.size() > 0) at = Math.max(at, window.recordAfter(window.head() - 1).time() + ms);
    return at > 0 ? at : null;
  }
}
