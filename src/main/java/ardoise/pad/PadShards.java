package ardoise.pad;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pads of this server, spread over its event loops: each pad belongs to one shard, chosen by
 * its padId, and a shard is one Vert.x context with its own {@link PadRegistry}. Why: a pad stays
 * lock-free on one thread (its sequencing needs no locks), while a server with several cores serves
 * its many pads, and the sockets of one busy pad, on all of them.
 *
 * <p>Thread rule: any thread. Each shard is {@link #install}ed on its own context, in any order; a
 * {@link #call} made before every shard is installed waits for them. Each registry and its pads are
 * only touched on their shard's context: {@link #call} goes there and brings the answer back to the
 * caller's context.
 */
public final class PadShards {
  private final AtomicReferenceArray<Shard> shards;
  private final HeldOps held;
  private final AtomicInteger claimed = new AtomicInteger();
  private final AtomicInteger installed = new AtomicInteger();
  private final Promise<Void> allInstalled = Promise.promise();
  private volatile BiFunction<String, MemberInfo, Future<Void>> memberSeen = (padId, info) -> Future.succeededFuture();
  private volatile BiFunction<String, String, Future<Void>> authorEdited = (padId, authorId) -> Future.succeededFuture();

  private record Shard(Context context, Thread thread, PadRegistry registry) {}

  /** {@code count} shards sharing {@code held}, the server-wide bound on ops not yet stored. */
  public PadShards(int count, HeldOps held) {
    if (count < 1) throw new IllegalArgumentException("at least one shard");
    this.shards = new AtomicReferenceArray<>(count);
    this.held = held;
  }

  public int count() {
    return shards.length();
  }

  /** The current context becomes the next free shard, with {@code registry}. Call on that context. */
  public void install(PadRegistry registry) {
    Context context = Vertx.currentContext();
    if (context == null) throw new IllegalStateException("install a shard on its own context");
    int index = claimed.getAndIncrement();
    if (index >= shards.length()) throw new IllegalStateException("all " + shards.length() + " shards are installed");
    registry.onMemberSeen((padId, info) -> memberSeen.apply(padId, info));
    registry.onAuthorEdited((padId, authorId) -> authorEdited.apply(padId, authorId));
    shards.set(index, new Shard(context, Thread.currentThread(), registry));
    if (installed.incrementAndGet() == shards.length()) allInstalled.complete();
  }

  /** Ops held by every pad of the server (reported by /health). */
  public HeldOps held() {
    return held;
  }

  /** Calls {@code seen} (on the pad's context) with the profiles to remember of any pad's members (see {@link Pad#onMemberSeen}). */
  public void onMemberSeen(BiFunction<String, MemberInfo, Future<Void>> seen) {
    memberSeen = seen;
  }

  /** Calls {@code edited} (on the pad's context) with (padId, authorId) when an author commits (see {@link Pad#onAuthorEdited}). */
  public void onAuthorEdited(BiFunction<String, String, Future<Void>> edited) {
    authorEdited = edited;
  }

  /** The context where {@code padId}'s pad lives. */
  public Context contextOf(String padId) {
    return shard(padId).context();
  }

  /** True when the calling thread is the one that runs {@code padId}'s pad (no hop needed). */
  public boolean isHome(String padId) {
    return Thread.currentThread() == shard(padId).thread();
  }

  /**
   * Runs {@code action} with the pad's registry on the pad's context; the returned future completes
   * on the caller's context (directly when the caller is already there). Failures, thrown or
   * returned, fail the future.
   */
  public <T> Future<T> call(String padId, Function<PadRegistry, Future<T>> action) {
    Context caller = Vertx.currentContext();
    if (!allInstalled.future().isComplete()) {
      // Why: a loop may take a connection before the last loop has installed its shard.
      Promise<T> later = Promise.promise();
      allInstalled.future().onComplete(v -> {
        if (caller == null) callFrom(null, padId, action).onComplete(later);
        else caller.runOnContext(x -> callFrom(caller, padId, action).onComplete(later));
      });
      return later.future();
    }
    return callFrom(caller, padId, action);
  }

  private <T> Future<T> callFrom(Context caller, String padId, Function<PadRegistry, Future<T>> action) {
    Shard shard = shard(padId);
    if (Thread.currentThread() == shard.thread()) return apply(action, shard.registry());
    Promise<T> answer = Promise.promise();
    shard.context().runOnContext(v -> apply(action, shard.registry()).onComplete(r -> {
      if (caller == null) answer.handle(r);
      else caller.runOnContext(x -> answer.handle(r));
    }));
    return answer.future();
  }

  private static <T> Future<T> apply(Function<PadRegistry, Future<T>> action, PadRegistry registry) {
    try {
      return action.apply(registry);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Pads loaded on every shard (for gauges: read without stopping the shards, so approximate while they change). */
  public int loadedCount() {
    int n = 0;
    for (int i = 0; i < shards.length(); i++) {
      Shard s = shards.get(i);
      if (s != null) n += s.registry().loadedCount();
    }
    return n;
  }

  /** The registry of {@code padId}'s shard; only to be used on {@link #contextOf} (tests read its counters). */
  public PadRegistry registryOf(String padId) {
    return shard(padId).registry();
  }

  private Shard shard(String padId) {
    // Why floorMod: a String's hashCode is negative half of the time.
    Shard s = shards.get(Math.floorMod(padId.hashCode(), shards.length()));
    if (s == null) throw new IllegalStateException("the pad shards are not all installed yet");
    return s;
  }
}
