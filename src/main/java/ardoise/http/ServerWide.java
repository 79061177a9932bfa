package ardoise.http;

import ardoise.http.metrics.ServerMetrics;
import ardoise.pad.HeldOps;
import ardoise.pad.PadShards;
import ardoise.store.InMemoryPadNotes;
import ardoise.store.PadNotes;
import ardoise.store.PadStore;
import ardoise.store.redis.RedisPadNotes;
import ardoise.store.redis.RedisPadStore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the event loops of one server share (each runs a {@link ServerVerticle}): the pad shards,
 * the metrics, the authors' notes, the health probes and the count of open connections.
 * Thread rule: any thread; each part says how (the shards hand work to each pad's own context).
 */
public final class ServerWide {
  final PadShards shards;
  final ServerMetrics metrics;
  final PadStore meteredStore;
  final PadNotes notes;
  final Health health;
  final AtomicInteger clients = new AtomicInteger();

  /** For {@code loops} event loops serving pads kept in {@code store}. */
  public ServerWide(PadStore store, int loops) {
    this.shards = new PadShards(loops, HeldOps.forServer());
    this.metrics = new ServerMetrics();
    this.meteredStore = metrics.instrument(store, shards::loadedCount, clients::get);
    this.notes = store instanceof RedisPadStore redis ? RedisPadNotes.of(redis) : new InMemoryPadNotes();
    this.health = new Health(store, shards::loadedCount, clients::get);
    shards.onMemberSeen((padId, info) ->
        notes.rememberAuthor(padId, info.authorId(), new PadNotes.AuthorProfile(info.name(), info.color())));
  }

  /** The meters of this server (closed once, when it stops). */
  public ServerMetrics metrics() {
    return metrics;
  }

  /** The pads of this server (tests read their registries). */
  public PadShards shards() {
    return shards;
  }
}
