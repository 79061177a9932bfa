package ardoise.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@link ChatLog} in this process's memory, beside {@link InMemoryPadStore} (which shares its
 * availability switch, so store outages reach chat too). Thread-safe; futures complete later on the
 * caller's context, like a real store's.
 */
final class InMemoryChatLog implements ChatLog {
  private final Map<String, ArrayDeque<ChatMessage>> logs = new HashMap<>();
  private final Map<String, Long> lastIds = new HashMap<>();
  private final BooleanSupplier available;

  InMemoryChatLog(BooleanSupplier available) {
    this.available = available;
  }

  @Override
  public Future<ChatMessage> append(String padId, ChatMessage message, int keep) {
    if (keep < 1) throw new IllegalArgumentException("keep at least one message");
    return call(() -> {
      long id = lastIds.merge(padId, 1L, Long::sum);
      ChatMessage stored = message.withId(id);
      ArrayDeque<ChatMessage> log = logs.computeIfAbsent(padId, p -> new ArrayDeque<>());
      log.addLast(stored);
      while (log.size() > keep) log.removeFirst();
      return stored;
    });
  }

  @Override
  public Future<List<ChatMessage>> recent(String padId, int limit) {
    return call(() -> {
      List<ChatMessage> all = new ArrayList<>(logs.getOrDefault(padId, new ArrayDeque<>()));
      return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    });
  }

  /** Drops the pad's messages and id counter (the pad is deleted); whether it had any. */
  synchronized boolean forget(String padId) {
    boolean had = logs.remove(padId) != null;
    return lastIds.remove(padId) != null || had;
  }

  private <T> Future<T> call(Supplier<T> body) {
    Context ctx = Vertx.currentContext();
    T value = null;
    RuntimeException failure = null;
    synchronized (this) {
      try {
        if (!available.getAsBoolean()) throw new IllegalStateException("store is unavailable");
        value = body.get();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (ctx == null) return failure == null ? Future.succeededFuture(value) : Future.failedFuture(failure);
    Promise<T> promise = Promise.promise();
    T v = value;
    RuntimeException f = failure;
    ctx.runOnContext(x -> { if (f == null) promise.complete(v); else promise.fail(f); });
    return promise.future();
  }
}
