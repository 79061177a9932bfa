package ardoise.pad;

import ardoise.store.PadStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  /** Server-wide bound on held ops: 20,000 ops and 16 Mi inserted chars (about 32 MB) while the store is down. */
  private static final long MAX_HELD_OPS = 20_000;
  private static final long MAX_HELD_CHARS = 16L << 20;

  private final PadStore store;
  private final PadSettings settings;
  private final Context context;
  private final HeldOps held;
  private final Map<String, Future<Pad>> pads = new HashMap<>();
  private final Map<String, Long> idleTimers = new HashMap<>();
  private int loads;
  private int requests;

  public PadRegistry(PadStore store, PadSettings settings, Context context) {
    this(store, settings, context, new HeldOps(MAX_HELD_OPS, MAX_HELD_CHARS));
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
    Future<Pad> existing = pads.get(padId);
    if (existing != null) return existing;
    loads++;
    Future<Pad> loading = store.load(padId)
        .map(stored -> new Pad(padId, store, settings, context, stored, () -> scheduleUnload(padId), held))
        .compose(Pad::start);
    pads.put(padId, loading);
    loading.onFailure(e -> {
      LOG.log(System.Logger.Level.WARNING, "pad={0} client=- load failed: {1}", padId, e.toString());
      pads.remove(padId, loading);
    });
    loading.onSuccess(p -> scheduleUnload(padId)); // unloaded later if nobody joins
    return loading;
  }

  /** How many loads were started (tests check that simultaneous joins share one). */
  public int loadCount() {
    return loads;
  }

  /** How many times a pad was asked for. */
  public int requestCount() {
    return requests;
  }

  public int loadedCount() {
    return pads.size();
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
    return Future.join(closing).mapEmpty();
  }
}
