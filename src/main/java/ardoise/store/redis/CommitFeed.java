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
 * Commit notifications of every watched pad over one dedicated SUBSCRIBE connection. A subscribed
 * connection does not survive a Redis restart, so a lost connection is re-opened with backoff, every
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
  private final long maxRetryMs;
  private final Map<String, List<Watcher>> watchers = new HashMap<>();
  private Future<RedisConnection> connection; // null when none is open or being opened
  private long retryMs = FIRST_RETRY_MS;
  private boolean closed;

  CommitFeed(Vertx vertx, Redis client, Function<String, Future<Long>> readHead, long maxRetryMs) {
    this.vertx = vertx;
    this.client = client;
    this.readHead = readHead;
    this.maxRetryMs = maxRetryMs;
  }

  Future<Subscription> watch(String padId, LongConsumer onHead) {
    Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
    Watcher watcher = new Watcher(padId, context, onHead);
    synchronized (this) {
      if (closed) return Future.failedFuture(new IllegalStateException("store is closed"));
      watchers.computeIfAbsent(PadKeys.of(padId).channel(), c -> new CopyOnWriteArrayList<>()).add(watcher);
    }
    // Subscribing again to a channel already subscribed is harmless and confirms it is live.
    return connection()
        .compose(c -> c.send(Request.cmd(Command.SUBSCRIBE).arg(PadKeys.of(padId).channel())))
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
    c.handler(this::onMessage);
    c.exceptionHandler(e -> lost(c));
    c.endHandler(v -> lost(c));
    List<String> channels;
    synchronized (this) {
      retryMs = FIRST_RETRY_MS;
      channels = new ArrayList<>(watchers.keySet());
    }
    if (channels.isEmpty()) return;
    Request subscribe = Request.cmd(Command.SUBSCRIBE);
    channels.forEach(subscribe::arg);
    c.send(subscribe).onSuccess(ok -> channels.forEach(this::fillGap)).onFailure(e -> lost(c));
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
      connection = null;
    }
    c.close();
    scheduleReconnect();
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

  private void onMessage(Response message) {
    if (message == null || message.size() != 3 || !"message".equals(message.get(0).toString())) return;
    long head;
    try {
      head = Long.parseLong(message.get(2).toString());
    } catch (NumberFormatException e) {
      LOG.warning("pad=" + message.get(1) + " client=- ignored a commit notification that is not a head");
      return;
    }
    for (Watcher w : watchersOf(message.get(1).toString())) w.deliver(head);
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
      connection.result().send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
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
    volatile boolean active = true;

    Watcher(String padId, Context context, LongConsumer onHead) {
      this.padId = padId;
      this.context = context;
      this.onHead = onHead;
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
