package ardoise.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store's commands on a Redis Cluster, sent through long-lived cluster connections ("lanes")
 * instead of the client's one-shot ones. Why: the Vert.x cluster client's {@code send} connects to
 * every node of its slot map for each command and fails if one node refuses, so while a killed
 * master is still in the slot map, every pad would wait. A lane connected before keeps its
 * connections to the other nodes: a command for the dead master's slots fails alone, the others go
 * on. Each lane still follows MOVED and ASK and reads the shared slot map (at most 1 s old), so
 * after a failover the lanes reach the promoted replica (connected lazily if new).
 * <p>
 * Why several lanes: commands share a lane's connections (pipelined), and a commit's {@code WAIT}
 * holds the connection it runs on until the replicas answer; with {@code count} lanes, that many
 * WAITs can be pending on one master. The script and its WAIT go in one batch, so on one lane and
 * one connection.
 * <p>
 * Repair: a command that got no answer from Redis (connection closed or refused) marks its lane,
 * and one background loop connects a fresh cluster connection for each marked lane, at most one
 * attempt every {@link #REPAIR_INTERVAL_MS} while they fail (they do as long as a dead node is in
 * the slot map), and puts it in place only once connected; the old one is closed once its
 * commands are answered. A lane never connected yet is marked too: commands go to the connected
 * lanes, or through the client's one-shot connections while none is.
 * Thread rule: any thread may send; each lane's state is guarded by the lane. Why the client's
 * cluster connection may be shared across event loops: it picks the node on the caller's thread
 * and each node connection hands every command to its own event loop, in order; the only state it
 * keeps per caller is for MULTI/WATCH, which the store never sends.
 */
final class ClusterLanes implements Redis {
  /** Why 250 ms: a failover takes seconds; more often would only add refused connects. */
  static final long REPAIR_INTERVAL_MS = 250;

  private final Vertx vertx;
  private final Redis client;
  private final Lane[] lanes;
  private final AtomicInteger next = new AtomicInteger();
  private boolean repairing; // guarded by this
  private boolean closed; // guarded by this

  /**
   * {@code count} lanes on a cluster client of {@code options}. Its pool holds two connections per
   * node and lane: a lane's own, and one for its replacement, the slot map reads and the one-shot
   * commands, which would otherwise wait forever for a connection the lanes hold.
   */
  static ClusterLanes create(Vertx vertx, RedisOptions options, int count) {
    options.setMaxPoolSize(2 * count).setMaxPoolWaiting(Math.max(options.getMaxPoolWaiting(), 2 * count));
    return new ClusterLanes(vertx, Redis.createClient(vertx, options), count);
  }

  private ClusterLanes(Vertx vertx, Redis client, int count) {
    this.vertx = vertx;
    this.client = client;
    this.lanes = new Lane[count];
    for (int i = 0; i < count; i++) lanes[i] = new Lane();
  }

  /** A cluster connection of the client's own, for callers that need one (not a lane). */
  @Override
  public Future<RedisConnection> connect() {
    return client.connect();
  }

  @Override
  public Future<Response> send(Request command) {
    return run(c -> c.send(command), () -> client.send(command));
  }

  /** On one lane: a batch goes to one node, over one connection (the script and its WAIT). */
  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    return run(c -> c.batch(commands), () -> client.batch(commands));
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
    }
    for (Lane lane : lanes) lane.replace(null);
    return client.close();
  }

  private <T> Future<T> run(Function<RedisConnection, Future<T>> command, Supplier<Future<T>> oneShot) {
    int first = Math.floorMod(next.getAndIncrement(), lanes.length);
    for (int i = 0; i < lanes.length; i++) {
      Lane lane = lanes[(first + i) % lanes.length];
      if (lane.isNew()) repair();
      Future<T> sent = lane.run(command);
      if (sent != null) return sent;
    }
    return oneShot.get().onFailure(e -> {
      if (!isAnswer(e)) repair();
    });
  }

  /** True when Redis itself answered with an error (MOVED, SEQ_NOT_NEW…); false when no answer came. */
  static boolean isAnswer(Throwable failure) {
    Throwable cause = LuaScript.unwrapBatchError(failure);
    return cause instanceof Response r && r.type() == ResponseType.ERROR && !"CONNECTION_CLOSED".equals(cause.getMessage());
  }

  /** Starts the repair loop unless it runs; it goes on until no lane is marked. */
  private void repair() {
    synchronized (this) {
      if (repairing || closed) return;
      repairing = true;
    }
    repairNext();
  }

  private void repairNext() {
    Lane lane = null;
    for (Lane l : lanes) if (l.needsRepair()) lane = l;
    synchronized (this) {
      if (lane == null || closed) {
        repairing = false;
        return;
      }
    }
    Lane repaired = lane;
    client.connect().onComplete(c -> {
      synchronized (this) {
        if (closed) {
          c.close();
          return;
        }
      }
      repaired.replace(c);
      repairNext();
    }, e -> vertx.setTimer(REPAIR_INTERVAL_MS, id -> repairNext()));
  }

  /**
   * One cluster connection and the commands in flight on it; marked when one got no answer.
   * A replaced connection is closed once its last command is answered.
   */
  private final class Lane {
    private Connection current; // null until connected, guarded by this

    synchronized boolean isNew() {
      return current == null;
    }

    synchronized boolean needsRepair() {
      return current == null || current.broken;
    }

    /** Null when the lane has no connection yet. */
    <T> Future<T> run(Function<RedisConnection, Future<T>> command) {
      Connection c;
      synchronized (this) {
        c = current;
        if (c == null) return null;
        c.inFlight++;
      }
      return command.apply(c.connection).andThen(r -> {
        if (r.failed() && !isAnswer(r.cause())) {
          synchronized (this) {
            c.broken = true;
          }
          repair();
        }
        done(c);
      });
    }

    void replace(RedisConnection connection) {
      Connection old;
      boolean closeNow;
      synchronized (this) {
        old = current;
        current = connection == null ? null : new Connection(connection);
        if (old == null) return;
        old.replaced = true;
        closeNow = old.inFlight == 0;
      }
      if (closeNow) old.connection.close();
    }

    private void done(Connection c) {
      boolean closeNow;
      synchronized (this) {
        c.inFlight--;
        closeNow = c.replaced && c.inFlight == 0;
      }
      if (closeNow) c.connection.close();
    }
  }

  /** Guarded by its lane. */
  private static final class Connection {
    final RedisConnection connection;
    int inFlight;
    boolean broken;
    boolean replaced;

    Connection(RedisConnection connection) {
      this.connection = connection;
    }
  }
}
