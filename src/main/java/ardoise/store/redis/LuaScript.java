package ardoise.store.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run with EVALSHA, falling back to EVAL when Redis answers NOSCRIPT (after a restart
 * or SCRIPT FLUSH). Redis 6.2, which the embedded server ships, has no FUNCTION/FCALL.
 */
final class LuaScript {
  private final String source;
  private final String sha;

  private LuaScript(String source) {
    this.source = source;
    this.sha = sha1Hex(source);
  }

  /** Reads {@code name} next to this class on the classpath. */
  static LuaScript load(String name) {
    return new LuaScript(text(name));
  }

  /**
   * The script {@code caller}, with the script {@code name} above it as {@code local function
   * function(KEYS, ARGV)}: the caller runs it with keys and arguments of its own (its returns are
   * the function's), so one text serves both as a script and as a step of another.
   */
  static LuaScript loadCalling(String caller, String name, String function) {
    return new LuaScript("local function " + function + "(KEYS, ARGV)\n" + text(name) + "\nend\n" + text(caller));
  }

  private static String text(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing Lua script " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Future<Response> run(RedisAPI api, List<String> keys, List<String> args) {
    List<String> evalArgs = new ArrayList<>(2 + keys.size() + args.size());
    evalArgs.add(sha);
    evalArgs.add(Integer.toString(keys.size()));
    evalArgs.addAll(keys);
    evalArgs.addAll(args);
    return api.evalsha(evalArgs).recover(failure -> {
      if (failure.getMessage() == null || !failure.getMessage().startsWith("NOSCRIPT")) {
        return Future.failedFuture(failure);
      }
      // EVAL also caches the script, so the next EVALSHA succeeds again.
      List<String> withSource = new ArrayList<>(evalArgs);
      withSource.set(0, source);
      return api.eval(withSource);
    });
  }

  /**
   * Runs the script, then {@code WAIT replicas timeoutMs} on the same connection (one round trip:
   * both go in one batch), so the answer comes once that many replicas have the script's writes.
   * Fails with {@link ReplicasBehind} when fewer confirmed in time: the writes are on the master
   * but not promised to survive its loss.
   */
  Future<Response> runAndWait(Redis redis, List<String> keys, List<String> args, int replicas, long timeoutMs) {
    Request wait = Request.cmd(Command.WAIT).arg(replicas).arg(timeoutMs);
    return redis.batch(List.of(script(Command.EVALSHA, sha, keys, args), wait))
        .recover(failure -> {
          Throwable cause = unwrapBatchError(failure);
          if (cause.getMessage() == null || !cause.getMessage().startsWith("NOSCRIPT")) return Future.failedFuture(cause);
          return redis.batch(List.of(script(Command.EVAL, source, keys, args), wait))
              .recover(again -> Future.failedFuture(unwrapBatchError(again)));
        })
        .compose(replies -> {
          long confirmed = replies.get(1).toLong();
          if (confirmed < replicas) return Future.failedFuture(new ReplicasBehind(confirmed, replicas, timeoutMs));
          return Future.succeededFuture(replies.get(0));
        });
  }

  /**
   * A batch reports a failed command as {@code ERR [index] <its error>}: the script's own error
   * (SEQ_NOT_NEW, OOM, NOSCRIPT, MOVED…) comes back as Redis sent it, for the callers' checks.
   * Why MOVED and ASK are not followed here: the cluster client follows them for single commands
   * only; the append fails, the pad retries it, and by then the client has read the new slot map.
   */
  static Throwable unwrapBatchError(Throwable failure) {
    String message = failure.getMessage();
    if (!(failure instanceof Response) || message == null || !message.matches("(?s)ERR \\[\\d+\\] .*")) return failure;
    String first = message.lines().findFirst().orElse("");
    String inner = first.substring(first.indexOf("] ") + 2);
    // The client's own failures (a connection lost) are no answer from Redis: keep them apart.
    if (inner.equals("CONNECTION_CLOSED") || inner.contains("Exception")) {
      return new java.io.IOException("no answer from redis: " + inner);
    }
    return io.vertx.redis.client.impl.types.ErrorType.create(inner);
  }

  private static Request script(Command command, String first, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(first).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  /** Fewer replicas than asked confirmed a write within the wait. */
  static final class ReplicasBehind extends RuntimeException {
    ReplicasBehind(long confirmed, int asked, long timeoutMs) {
      super("only " + confirmed + " of " + asked + " redis replicas confirmed the write within " + timeoutMs + " ms");
    }
  }

  private static String sha1Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is always present in the JDK", e);
    }
  }
}
