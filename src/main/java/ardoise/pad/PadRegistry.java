package ardoise.pad;

import ardoise.store.PadLifetime;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.StoredPad;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The pads of this server: padId → the future of its {@link Pad}. The in-flight load is stored, so
 * two simultaneous first joins share one load and one Pad. Pads with no members are unloaded after
 * the idle timeout (a snapshot is saved first).
 *
 * <p>Thread rule: one Vert.x context (the one given at creation) owns the registry and its pads.
 */
public final class PadRegistry {
  private static final System.Logger LOG = System.getLogger(PadRegistry.class.getName());
  private static final long CLOSE_TIMEOUT_MILLIS = 5000;

  private final PadStore store;
  private final PadSettings settings;
  private final Context context;
  private final HeldOps held;
  private final Map<String, Future<Pad>> pads = new HashMap<>();
  /** pads.size(), readable from any thread (gauges read it without visiting this context). */
  private volatile int loaded;
  private final Map<String, Long> idleTimers = new HashMap<>();
  private int loads;
  private BiFunction<String, MemberInfo, Future<Void>> memberSeen = (padId, info) -> Future.succeededFuture();
  private BiFunction<String, String, Future<Void>> authorEdited = (padId, authorId) -> Future.succeededFuture();
  private int requests;
  /** Wrong passwords a minute per client address, per pad, by default (ARDOISE_PASSWORD_TRIES_PER_MINUTE). */
  public static final int PASSWORD_TRIES_PER_MINUTE = 10;
  private int passwordTriesPerMinute = PASSWORD_TRIES_PER_MINUTE;
  private CommitTimings commitTimings = CommitTimings.NONE;
  /** Pads being deleted: a request for one waits for the deletion, then gets a fresh, empty pad. */
  private final Map<String, Future<Boolean>> erasing = new HashMap<>();

  public PadRegistry(PadStore store, PadSettings settings, Context context) {
    this(store, settings, context, HeldOps.forServer());
  }

  /** {@code held} bounds the ops all pads hold while the store is down (see {@link HeldOps}). */
  public PadRegistry(PadStore store, PadSettings settings, Context context, HeldOps held) {
    this.store = store;
    this.settings = settings;
    this.context = context;
    this.held = held;
  }

  /** Ops accepted by this server's pads but not yet stored (reported by /health). */
  public HeldOps held() {
    return held;
  }

  /** The loaded pad, or its load in flight, or a new load. A failed load is forgotten so the next call retries. */
  public Future<Pad> pad(String padId) {
    requests++;
    Future<Boolean> deletion = erasing.get(padId);
    if (deletion != null) return deletion.transform(r -> pad(padId));
    Future<Pad> existing = pads.get(padId);
    if (existing != null) return existing;
    loads++;
    // The owner's policy and the lifetime come with the pad: a locked pad must refuse its first op.
    Future<StoredPad> stored = store.load(padId);
    Future<PadPolicy> policy = store.policy(padId);
    Future<PadLifetime> lifetime = store.lifetime(padId);
    Future<Pad> loading = Future.all(stored, policy, lifetime)
        .map(all -> new Pad(padId, store, settings, context, stored.result(), () -> scheduleUnload(padId), held,
            policy.result(), lifetime.result(), passwordTriesPerMinute, commitTimings)
            .onGone(() -> forget(padId)))
        .compose(Pad::start);
    pads.put(padId, loading);
    loaded = pads.size();
    loading.onFailure(e -> {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- load failed: {1}", padId, e.toString());
      pads.remove(padId, loading);
      loaded = pads.size();
    });
    loading.onSuccess(p -> scheduleUnload(padId)); // unloaded later if nobody joins
    loading.onSuccess(p -> p.onMemberSeen(info -> memberSeen.apply(padId, info)));
    loading.onSuccess(p -> p.onAuthorEdited(authorId -> authorEdited.apply(padId, authorId)));
    return loading;
  }

  /** Drops a pad the store no longer has (see {@link Pad#onGone}); the next request loads it afresh. */
  private void forget(String padId) {
    Future<Pad> f = pads.remove(padId);
    loaded = pads.size();
    Long timer = idleTimers.remove(padId);
    if (timer != null) context.owner().cancelTimer(timer);
    if (f != null) LOG.log(System.Logger.Level.INFO, "pad={0} client=- unloaded: gone from the store", padId);
  }

  /** How many loads were started (tests check that simultaneous joins share one). */
  public int loadCount() {
    return loads;
  }

  /** How many times a pad was asked for. */
  public int requestCount() {
    return requests;
  }

  /** Pads loaded or loading; any thread. */
  public int loadedCount() {
    return loaded;
  }

  private void scheduleUnload(String padId) {
    Long old = idleTimers.remove(padId);
    if (old != null) context.owner().cancelTimer(old);
    long id = context.owner().setTimer(settings.idleUnloadMillis(), t -> {
      idleTimers.remove(padId);
      unloadIfUnused(padId);
    });
    idleTimers.put(padId, id);
  }

  private void unloadIfUnused(String padId) {
    Future<Pad> f = pads.get(padId);
    if (f == null || !f.succeeded()) return;
    Pad pad = f.result();
    if (pad.memberCount() > 0) return; // a member is back; its leave will schedule again
    if (!pad.isUnused()) {
      scheduleUnload(padId); // ops still wait for the store
      return;
    }
    pads.remove(padId);
    loaded = pads.size();
    pad.close(CLOSE_TIMEOUT_MILLIS);
  }

  /** Closes every pad: queued ops are stored (bounded by {@code timeoutMillis}) and snapshots saved. */
  public Future<Void> closeAll(long timeoutMillis) {
    idleTimers.values().forEach(context.owner()::cancelTimer);
    idleTimers.clear();
    List<Future<Void>> closing = new ArrayList<>();
    for (Future<Pad> f : pads.values()) {
      if (f.succeeded()) closing.add(f.result().close(timeoutMillis));
    }
    pads.clear();
    loaded = 0;
    return Future.join(closing).mapEmpty();
  }

  /**
   * Deletes the pad: its members are told and it is unloaded without saving anything back
   * ({@link Pad#erase}), then everything stored about it is removed, leaving tombstones for
   * {@code tombstoneSeconds} ({@link PadStore#delete}). Completes with whether anything was stored.
   * Requests for the pad meanwhile wait, then load it afresh (empty).
   */
  public Future<Boolean> erase(String padId, long tombstoneSeconds) {
    Future<Boolean> running = erasing.get(padId);
    if (running != null) return running;
    Long timer = idleTimers.remove(padId);
    if (timer != null) context.owner().cancelTimer(timer);
    Future<Pad> open = pads.remove(padId);
    loaded = pads.size();
    Future<Void> unloaded = open == null ? Future.succeededFuture()
        : open.transform(r -> r.succeeded() ? r.result().erase() : Future.<Void>succeededFuture());
    Future<Boolean> deleted = unloaded.compose(v -> store.delete(padId, tombstoneSeconds));
    erasing.put(padId, deleted);
    deleted.onComplete(r -> erasing.remove(padId, deleted));
    return deleted;
  }

  /** Wrong passwords allowed a minute per client address on each pad (six times as many per pad in all). */
  public void passwordTriesPerMinute(int perMinute) {
    if (perMinute < 1) throw new IllegalArgumentException("at least one try a minute");
    passwordTriesPerMinute = perMinute;
  }

  /** Where the pads loaded from now on report their commit timings (the server's metrics). */
  public void commitTimings(CommitTimings timings) {
    commitTimings = java.util.Objects.requireNonNull(timings);
  }

  /**
   * The owner changed the pad's {@code policy} (already stored) or its {@code lifetime}: the pad, if
   * loaded or loading, applies it and tells every member ({@link Pad#applyPolicy}). A pad not loaded
   * reads it from the store when it loads. Why after a load in flight too: that load may have read
   * the policy before the change was stored.
   */
  public Future<Void> applyPolicy(String padId, PadPolicy policy, PadLifetime lifetime) {
    Future<Pad> open = pads.get(padId);
    if (open == null) return Future.succeededFuture();
    return open.<Void>map(p -> {
      p.applyPolicy(policy, lifetime);
      return null;
    }).recover(e -> Future.succeededFuture());
  }

  /** The pad got a new read-only id: its connections opened with an older one are closed. */
  public Future<Void> readOnlyLinkChanged(String padId, String newId) {
    Future<Pad> open = pads.get(padId);
    if (open == null) return Future.succeededFuture();
    return open.<Void>map(p -> {
      p.readOnlyLinkChanged(newId);
      return null;
    }).recover(e -> Future.succeededFuture());
  }

  /** Calls {@code seen} with (padId, profile) to remember for any pad's members, paced (see {@link Pad#onMemberSeen}). */
  public void onMemberSeen(BiFunction<String, MemberInfo, Future<Void>> seen) {
    memberSeen = seen;
  }

  /** Calls {@code edited} with (padId, authorId) when an author commits in a pad (see {@link Pad#onAuthorEdited}). */
  public void onAuthorEdited(BiFunction<String, String, Future<Void>> edited) {
    authorEdited = edited;
  }

  /** The pad if it is loaded now (never starts a load), else null. */
  public Pad loaded(String padId) {
    Future<Pad> f = pads.get(padId);
    return f != null && f.succeeded() ? f.result() : null;
  }
}
