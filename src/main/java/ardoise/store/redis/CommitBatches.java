package ardoise.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the commits that pads of one event loop start in the same turn of it as one script
 * (commit-many.lua: commit.lua once per pad, each pad with its own reply). A commit alone in its
 * turn goes as commit.lua itself.
 *
 * <p>Why: with many busy small pads, Redis spends more CPU on each command around the script
 * (reading it, answering it, framing its writes for the append-only file) than on the script, and
 * the server sends and reads one command per commit; one command for the turn's commits saves both
 * (bench/README.md, "Targets"). No wait is added: the batch leaves at the end of the turn that
 * filled it, and each commit stays atomic and checked on its own. Only where every pad's keys are
 * on one Redis (not a cluster, whose pads' keys are in different slots).
 *
 * <p>Thread rule: a batch is filled and sent on one event loop thread (one batch per thread); its
 * futures complete on the client's thread.
 */
final class CommitBatches {
  /** Why a bound: one script holds Redis's only thread; 32 commits of a few ops take about 1 ms. */
  static final int MAX_PADS = 32;

  /** Runs a script (with the store's command deadline and availability tracking). */
  interface Runner {
    Future<Response> run(LuaScript script, List<String> keys, List<String> args);
  }

  private final LuaScript one;
  private final LuaScript many;
  private final Runner runner;
  private final ThreadLocal<Batch> filling = new ThreadLocal<>();

  CommitBatches(LuaScript one, LuaScript many, Runner runner) {
    this.one = one;
    this.many = many;
    this.runner = runner;
  }

  /** commit.lua with {@code keys} and {@code args}: its reply, or its error as a failure. */
  Future<Response> commit(List<String> keys, List<String> args) {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) return runner.run(one, keys, args);
    Batch batch = filling.get();
    if (batch == null) {
      Batch started = new Batch();
      filling.set(started);
      context.runOnContext(v -> send(started));
      batch = started;
    }
    Promise<Response> reply = Promise.promise();
    batch.add(keys, args, reply);
    if (batch.commits.size() == MAX_PADS) send(batch);
    return reply.future();
  }

  private void send(Batch batch) {
    if (filling.get() == batch) filling.remove();
    if (batch.sent) return; // sent when it filled up; this is its end-of-turn call
    batch.sent = true;
    if (batch.commits.size() == 1) {
      Commit c = batch.commits.get(0);
      runner.run(one, c.keys, c.args).onComplete(c.reply);
      return;
    }
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add(Integer.toString(batch.commits.size()));
    for (Commit c : batch.commits) {
      keys.addAll(c.keys);
      args.add(Integer.toString(c.keys.size()));
      args.add(Integer.toString(c.args.size()));
      args.addAll(c.args);
    }
    runner.run(many, keys, args).onComplete(r -> {
      for (int i = 0; i < batch.commits.size(); i++) {
        Promise<Response> reply = batch.commits.get(i).reply;
        if (r.failed()) reply.fail(r.cause());
        else answer(r.result(), i, reply);
      }
    });
  }

  /**
   * One pad's part of commit-many.lua's reply: -2 and -3 are its errors (see the script). A part
   * that cannot be read fails that pad's commit alone (as an unanswered one: the pad reads the head).
   */
  private static void answer(Response replies, int index, Promise<Response> reply) {
    try {
      Response part = replies.get(index);
      long code = part.get(0).toLong();
      if (code == -2 || code == -3) reply.fail(ErrorType.create(part.get(1).toString()));
      else reply.complete(part);
    } catch (RuntimeException e) {
      // Not the part itself in the message: it may hold the pad's read-only id.
      reply.fail(new IllegalStateException("commit-many.lua's reply has no readable answer at " + index + ": " + e));
    }
  }

  private record Commit(List<String> keys, List<String> args, Promise<Response> reply) {}

  private static final class Batch {
    final List<Commit> commits = new ArrayList<>();
    boolean sent;

    void add(List<String> keys, List<String> args, Promise<Response> reply) {
      commits.add(new Commit(keys, args, reply));
    }
  }
}
