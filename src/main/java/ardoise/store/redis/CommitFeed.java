package ardoise.store.redis;

import ardoise.store.PadStore.Subscription;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * Commit notifications of every watched pad over one dedicated subscribing connection (on a
 * cluster, one per node: SSUBSCRIBE goes to the node that owns the pad's slot, see
 * {@link CommitChannels}). A subscribed
 * connection does not survive a Redis restart, so a lost connection is re-opened with backoff (on a
 * cluster, kept in use until then: {@link #replace}), every
 * channel re-subscribed, and each watcher then told the current head read from the pad's metadata:
 * commits published while the connection was down are not lost, only merged into one call.
 * Calls are level-triggered: a watcher may see a head twice or skip intermediate heads.
 * Thread rule: the watcher map is guarded by {@code this}; callbacks run on each watcher's context.
 */
final class CommitFeed {
  private static final Logger LOG = Logger.getLogger(CommitFeed.class.getName());
  private static final long FIRST_RETRY_MS = 50;

  private final Vertx vertx;
  private final Redis client;
  private final Function<String, Future<Long>> readHead;
  private final CommitChannels channels;
  private final long maxRetryMs;
  private final boolean keepUntilReplaced;
  private final Map<String, List<Watcher>> watchers = new HashMap<>();
  private Future<RedisConnection> connection; // null when none is open or being opened
  private boolean replacing;
  private long retryMs = FIRST_RETRY_MS;
  private boolean closed;

  CommitFeed(Vertx vertx, Redis client, CommitChannels channels, Function<String, Future<Long>> readHead, long maxRetryMs) {
    this(vertx, client, channels, readHead, maxRetryMs, false);
  }

  /**
   * {@code keepUntilReplaced} (a cluster; the client's pool must then hold two connections per
   * node): a connection that lost one node stays in use until a fresh one is subscribed, since its
   * subscriptions on the other nodes still deliver; see {@link #replace}.
   */
  CommitFeed(Vertx vertx, Redis client, CommitChannels channels, Function<String, Future<Long>> readHead, long maxRetryMs,
      boolean keepUntilReplaced) {
    this.vertx = vertx;
    this.client = client;
    this.channels = channels;
    this.readHead = readHead;
    this.maxRetryMs = maxRetryMs;
    this.keepUntilReplaced = keepUntilReplaced;
  }

  Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) {
    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
    Watcher watcher = new Watcher(padId, context, onHead, onPolicy);
    synchronized (this) {
      if (closed) return Future.failedFuture(new IllegalStateException("store is closed"));
      watchers.computeIfAbsent(PadKeys.of(padId).channel(), c -> new CopyOnWriteArrayList<>()).add(watcher);
    }
    // Subscribing again to a channel already subscribed is harmless and confirms it is live.
    return channels.sharded()
        .compose(sharded -> connection().compose(c -> c.send(CommitChannels.subscribe(sharded, PadKeys.of(padId).channel()))))
        .compose(ok -> fillGap(watcher))
        .<Subscription>map(ok -> watcher)
        .onFailure(e -> watcher.close());
  }

  private synchronized Future<RedisConnection> connection() {
    if (closed) return Future.failedFuture(new IllegalStateException("store is closed"));
    if (connection == null) {
      connection = client.connect().onComplete(this::install, this::connectFailed);
    }
    return connection;
  }

  private void install(RedisConnection c) {
    c.exceptionHandler(e -> lost(c));
    c.endHandler(v -> lost(c));
    List<String> subscribed;
    synchronized (this) {
      retryMs = FIRST_RETRY_MS;
      subscribed = new ArrayList<>(watchers.keySet());
    }
    // Why the connection goes with each message: an error reply that answers no request (MOVED to a
    // subscription sent to a node that no longer owns the slot) makes the feed drop this connection.
    c.handler(message -> onMessage(c, message));
    if (subscribed.isEmpty()) return;
    channels.sharded().<Object>compose(sharded -> {
      if (!sharded) {
        Request subscribe = Request.cmd(Command.SUBSCRIBE);
        subscribed.forEach(subscribe::arg);
        return c.send(subscribe).map(r -> r);
      }
      // One SSUBSCRIBE per channel: on a cluster, the channels of one command must share a slot.
      List<Future<Response>> each = new ArrayList<>();
      for (String channel : subscribed) each.add(c.send(CommitChannels.subscribe(true, channel)));
      return Future.all(each).map(r -> r);
    }).onSuccess(ok -> subscribed.forEach(this::fillGap)).onFailure(e -> lost(c));
  }

  private void connectFailed(Throwable failure) {
    synchronized (this) {
      connection = null;
    }
    scheduleReconnect();
  }

  private void lost(RedisConnection c) {
    synchronized (this) {
      if (connection == null || connection.result() != c) return; // already replaced
      if (keepUntilReplaced) {
        if (replacing) return;
        replacing = true;
      } else {
        connection = null;
      }
    }
    if (keepUntilReplaced) {
      replace(c);
      return;
    }
    c.close();
    scheduleReconnect();
  }

  /**
   * On a cluster, one node's connection ended (a dead master) or a subscription was refused: the
   * pads of the other nodes still hear their commits on {@code old}, so it stays in use until a
   * fresh connection is open (the client opens one only once every node of its slot map answers:
   * after the failover), then every channel is subscribed on it with the gap fill, and {@code old}
   * is closed. Attempts with the same backoff as a reconnect.
   */
  private void replace(RedisConnection old) {
    client.connect().onComplete(fresh -> {
      boolean stop;
      synchronized (this) {
        replacing = false;
        stop = closed;
        if (!stop) connection = Future.succeededFuture(fresh);
      }
      if (stop) {
        fresh.close();
        return;
      }
      install(fresh);
      old.close();
    }, e -> {
      long delay;
      synchronized (this) {
        if (closed) {
          replacing = false;
          return;
        }
        delay = retryMs;
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      }
      vertx.setTimer(delay, id -> replace(old));
    });
  }

  private void scheduleReconnect() {
    long delay;
    synchronized (this) {
      if (closed || watchers.isEmpty()) return;
      delay = retryMs;
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    }
    vertx.setTimer(delay, id -> connection());
  }

  private void onMessage(RedisConnection c, Response message) {
    if (message == null) return;
    if (message.type() == io.vertx.redis.client.ResponseType.ERROR) {
      // A subscription refused (MOVED while a slot moves, a node that failed over): start afresh
      // with the cluster's current slot map; the gap fill catches up on what was missed.
      LOG.warning("pad=- client=- commit notifications: redis refused a subscription (" + message + "), reconnecting");
      lost(c);
      return;
    }
    if (message.size() == 3 && "sunsubscribe".equals(message.get(0).toString())) {
      resubscribe(c, message.get(1).toString());
      return;
    }
    if (message.size() != 3) return;
    String kind = message.get(0).toString();
    if (!"message".equals(kind) && !"smessage".equals(kind)) return;
    if ("policy".equals(message.get(2).toString())) {
      for (Watcher w : watchersOf(message.get(1).toString())) w.deliverPolicy();
      return;
    }
    long head;
    try {
      head = Long.parseLong(message.get(2).toString());
    } catch (NumberFormatException e) {
      LOG.warning("pad=" + message.get(1) + " client=- ignored a commit notification that is not a head");
      return;
    }
    for (Watcher w : watchersOf(message.get(1).toString())) w.deliver(head);
  }

  /**
   * Redis Cluster unsubscribes a node's shard channels when their slot moves to another node: a
   * channel still watched is subscribed again (the client finds the slot's new node) and its
   * watchers told the head, since commits may have been published meanwhile.
   */
  private void resubscribe(RedisConnection c, String channel) {
    if (watchersOf(channel).isEmpty()) return; // our own unsubscription
    c.send(CommitChannels.subscribe(true, channel)).onSuccess(ok -> fillGap(channel)).onFailure(e -> lost(c));
  }

  private void fillGap(String channel) {
    for (Watcher w : watchersOf(channel)) fillGap(w);
  }

  private Future<Void> fillGap(Watcher watcher) {
    return readHead.apply(watcher.padId).map(head -> {
      if (head > 0) watcher.deliver(head);
      return null;
    });
  }

  private synchronized List<Watcher> watchersOf(String channel) {
    return watchers.getOrDefault(channel, List.of());
  }

  private synchronized void remove(Watcher watcher) {
    String channel = PadKeys.of(watcher.padId).channel();
    List<Watcher> list = watchers.get(channel);
    if (list == null || !list.remove(watcher) || !list.isEmpty()) return;
    watchers.remove(channel);
    if (connection != null && connection.succeeded()) {
      RedisConnection c = connection.result();
      channels.sharded().onSuccess(sharded -> c.send(CommitChannels.unsubscribe(sharded, channel)));
    }
  }

  Future<Void> close() {
    Future<RedisConnection> open;
    synchronized (this) {
      closed = true;
      watchers.clear();
      open = connection;
      connection = null;
    }
    return open != null && open.succeeded() ? open.result().close() : Future.succeededFuture();
  }

  private final class Watcher implements Subscription {
    final String padId;
    final Context context;
    final LongConsumer onHead;
    final Runnable onPolicy;
    volatile boolean active = true;

    Watcher(String padId, Context context, LongConsumer onHead, Runnable onPolicy) {
      this.padId = padId;
      this.context = context;
      this.onHead = onHead;
      this.onPolicy = onPolicy;
    }

    void deliverPolicy() {
      context.runOnContext(v -> {
        if (active) onPolicy.run();
      });
    }

    void deliver(long head) {
      context.runOnContext(v -> {
        if (active) onHead.accept(head);
      });
    }

    @Override
    public Future<Void> close() {
      active = false;
      remove(this);
      return Future.succeededFuture();
    }
  }
}
