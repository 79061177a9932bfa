package ardoise.pad;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The pads of this server, spread over its event loops: each pad belongs to one shard, chosen by
 * its padId, and a shard is one Vert.x context with its own {@link PadRegistry}. Why: a pad stays
 * lock-free on one thread (its sequencing needs no locks), while a server with several cores serves
 * its many pads, and the sockets of one busy pad, on all of them.
 *
 * <p>Thread rule: {@link #install} once per shard, on the shard's context, before any other call;
 * then any thread. Each registry and its pads are only touched on their shard's context:
 * {@link #call} goes there and brings the answer back to the caller's context.
 */
public final class PadShards {
  private final AtomicReferenceArray<Shard> shards;
  private final HeldOps held;
  private volatile BiConsumer<String, MemberInfo> memberSeen = (padId, info) -> { };

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

  /** Shard {@code index} is the current context, with {@code registry}. Call on that context. */
  public void install(int index, PadRegistry registry) {
    Context context = Vertx.currentContext();
    if (context == null) throw new IllegalStateException("install a shard on its own context");
    if (!shards.compareAndSet(index, null, new Shard(context, Thread.currentThread(), registry))) {
      throw new IllegalStateException("shard " + index + " is already installed");
    }
    registry.onMemberSeen((padId, info) -> memberSeen.accept(padId, info));
  }

  /** Ops held by every pad of the server (reported by /health). */
  public HeldOps held() {
    return held;
  }

  /** Calls {@code seen} (on the pad's context) whenever a member of any pad joins or changes its profile. */
  public void onMemberSeen(BiConsumer<String, MemberInfo> seen) {
    memberSeen = seen;
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
    Shard shard = shard(padId);
    if (Thread.currentThread() == shard.thread()) return apply(action, shard.registry());
    Context caller = Vertx.currentContext();
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
