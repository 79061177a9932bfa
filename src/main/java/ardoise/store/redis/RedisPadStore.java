package ardoise.store.redis;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.ClientSeq;
import ardoise.store.OpRecord;
import ardoise.store.PadLifetime;
import ardoise.store.PadNotes;
import ardoise.store.PadPolicy;
import ardoise.store.PadStore;
import ardoise.store.StoreCounter;
import ardoise.store.SeqNotNewException;
import ardoise.store.Snapshot;
import ardoise.store.SnapshotPolicy;
import ardoise.store.StoredPad;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import ardoise.store.Retention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * {@link PadStore} on Redis (key layout in docs/storage.md). Each write is one Lua script, so a pad's
 * commit is atomic and checked (head, seqs) inside Redis even with several server instances; the
 * commits that pads of one event loop start in the same turn share one script ({@link CommitBatches}).
 * Commands go through the pooled client, which reconnects by itself (on a cluster, through
 * {@link ClusterLanes}: one dead master then fails only its own pads' commands); commit notifications through
 * {@link CommitFeed}'s own connection. Thread rule: safe to call from any context; futures and
 * watch callbacks complete on the caller's context.
 */
public final class RedisPadStore implements PadStore {
  private static final LuaScript COMMIT = LuaScript.load("commit.lua");
  private static final LuaScript COMMIT_MANY = LuaScript.loadCalling("commit-many.lua", "commit.lua", "commit_one");
  /** Where commitArgs puts commit.lua's ARGV[9], the publish command. */
  private static final int PUBLISH_ARG = 8;
  private static final LuaScript LOAD = LuaScript.load("load.lua");
  private static final LuaScript OPS_READ = LuaScript.load("ops-read.lua");
  private static final LuaScript SAVE_SNAPSHOT = LuaScript.load("snapshot-save.lua");
  private static final LuaScript SNAPSHOT_AT = LuaScript.load("snapshot-at.lua");
  private static final LuaScript SET_LIFETIME = LuaScript.load("lifetime-set.lua");
  private static final LuaScript DELETE = LuaScript.load("delete.lua");
  private static final LuaScript SET_POLICY = LuaScript.load("policy-set.lua");
  private static final LuaScript GET_LIFETIME = LuaScript.load("lifetime-get.lua");

  /**
   * Which snapshots to keep per pad, how often to PING, the longest wait between reconnects, the pool
   * size, how long a command may go unanswered before it fails (see {@link RedisAvailability}), and
   * how long pads live without an edit ({@link Retention}; tests give lifetimes of seconds here).
   */
  public record Tuning(SnapshotPolicy snapshots, long pingIntervalMs, long maxReconnectDelayMs, int poolSize,
      long commandTimeoutMs, Retention retention) {
    /**
     * Why 32 connections: a pad keeps one append in flight, and Redis answers it only after its
     * fsync; with 8, fifty busy pads queue for a connection and their appends take about twice as
     * long (measured in bench/results/2026-12-02.md).
     */
    public static final int DEFAULT_POOL_SIZE = 32;
    /** Why 5 s: far above a loaded Redis's fsync (tens of ms), well below a person's patience. */
    public static final long DEFAULT_COMMAND_TIMEOUT_MS = 5000;
    public static final Tuning DEFAULT = new Tuning(SnapshotPolicy.DEFAULT, 1000, 2000, DEFAULT_POOL_SIZE);

    public Tuning(SnapshotPolicy snapshots, long pingIntervalMs, long maxReconnectDelayMs, int poolSize) {
      this(snapshots, pingIntervalMs, maxReconnectDelayMs, poolSize, DEFAULT_COMMAND_TIMEOUT_MS);
    }

    /** Pads kept forever (the store's own default; the server passes its settings). */
    public Tuning(SnapshotPolicy snapshots, long pingIntervalMs, long maxReconnectDelayMs, int poolSize,
        long commandTimeoutMs) {
      this(snapshots, pingIntervalMs, maxReconnectDelayMs, poolSize, commandTimeoutMs, Retention.FOREVER);
    }

    public Tuning withRetention(Retention r) {
      return new Tuning(snapshots, pingIntervalMs, maxReconnectDelayMs, poolSize, commandTimeoutMs, r);
    }
  }

  private static final Logger LOG = Logger.getLogger(RedisPadStore.class.getName());

  private final Redis redis;
  private final Redis subscriber;
  private final RedisAPI api;
  private final Tuning tuning;
  private final RedisAvailability availability;
  private final CommitFeed feed;
  private final RedisPadNotes notes;
  private final RedisChatLog chat;
  private final RedisReadOnlyIds readOnlyIds;
  private final java.util.function.BiFunction<String, Integer, Future<ardoise.store.PadListing>> listing;
  private final RedisTopology topology;
  private final CommitChannels channels;
  /** Null on a cluster: each commit goes alone. */
  private final CommitBatches commits;

  private RedisPadStore(Vertx vertx, RedisTopology topology, Tuning tuning) {
    this.topology = topology;
    boolean cluster = topology.mode() == RedisTopology.Mode.CLUSTER;
    RedisOptions commandOptions = withDeadline(topology.options(tuning.poolSize(), true), tuning);
    // On a cluster, long-lived connections: a dead master then fails only its own pads' commands.
    this.redis = cluster ? ClusterLanes.create(vertx, commandOptions, tuning.poolSize()) : Redis.createClient(vertx, commandOptions);
    // On a cluster, room for the feed's replacement connection while the old one still delivers.
    this.subscriber = Redis.createClient(vertx, withDeadline(topology.options(cluster ? 2 : 1, false), tuning));
    this.api = RedisAPI.api(redis);
    this.tuning = tuning;
    this.channels = new CommitChannels(api, cluster);
    this.commits = cluster ? null : new CommitBatches(COMMIT, COMMIT_MANY, this::run);
    this.availability = new RedisAvailability(vertx, api, topology.redacted(), tuning.pingIntervalMs(),
        tuning.commandTimeoutMs(), cluster);
    this.notes = new RedisPadNotes(api, availability, tuning.retention());
    this.chat = new RedisChatLog(api, availability, tuning.retention());
    this.readOnlyIds = new RedisReadOnlyIds(api, availability, tuning.retention(), channels);
    this.listing = cluster
        ? new RedisClusterListing(vertx, api, availability, withDeadline(topology.options(1, false), tuning), topology.urls().get(0))::page
        : new RedisPadListing(api, availability)::page;
    this.feed = new CommitFeed(vertx, subscriber, channels, this::readHead, tuning.maxReconnectDelayMs(), cluster);
  }

  private static RedisOptions withDeadline(RedisOptions options, Tuning tuning) {
    // Why: a Redis that does not accept connections must fail a command within its deadline too.
    options.setNetClientOptions(new io.vertx.core.net.NetClientOptions(options.getNetClientOptions())
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, tuning.commandTimeoutMs())));
    return options;
  }

  /** A store for {@code url} ({@code redis://…} or {@code rediss://…}); connects lazily. */
  public static RedisPadStore create(Vertx vertx, String url, Tuning tuning) {
    return create(vertx, RedisTopology.standalone(url), tuning);
  }

  /** A store on one server, a cluster or a sentinel-watched master; connects lazily. */
  public static RedisPadStore create(Vertx vertx, RedisTopology topology, Tuning tuning) {
    return new RedisPadStore(vertx, topology, tuning);
  }

  public static RedisPadStore create(Vertx vertx, String url) {
    return create(vertx, url, Tuning.DEFAULT);
  }

  @Override
  public Future<StoredPad> load(String padId) {
    Future<StoredPad> loaded = readUnderWait(LOAD, PadKeys.of(padId).forLoad(), List.of(waitFlag()))
        .map(StoredPadReply::parse);
    return onCaller(loaded.onFailure(e -> {
      if (e instanceof RecordCodec.CorruptDataException) LOG.severe("pad=" + padId + " client=- " + e.getMessage());
    }));
  }

  /**
   * With a replica wait, the acknowledgement comes once that many replicas have the batch (WAIT on
   * the script's connection); fewer in time fails the append, which the pad retries like an outage.
   */
  @Override
  public Future<AppendResult> append(String padId, long expectedHead, List<OpRecord> records) {
    return append(padId, expectedHead, null, records);
  }

  @Override
  public Future<AppendResult> append(String padId, long expectedHead, String headRecord, List<OpRecord> records) {
    PadKeys keys = PadKeys.of(padId);
    List<String> args;
    try {
      args = commitArgs(padId, keys, expectedHead, headRecord, records);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    // Not tracked: outside a cluster the answer is known without asking Redis, and an answer that
    // did not come from Redis must not mark it reachable.
    Future<AppendResult> result = channels.sharded()
        .compose(sharded -> {
          args.set(PUBLISH_ARG, CommitChannels.publishCommand(sharded));
          if (topology.waitReplicas() == 0) {
            return commits == null ? run(COMMIT, keys.forCommit(), args) : commits.commit(keys.forCommit(), args);
          }
          return availability.track(COMMIT.runAndWait(redis, keys.forCommit(), args,
              topology.waitReplicas(), topology.waitTimeoutMs()));
        })
        .map(r -> {
          if (r.get(0).toInteger() != 1) {
            long head = r.get(1).toLong();
            if (r.size() > 2) return AppendResult.forked(head);
            return head < 0 ? AppendResult.GONE : new AppendResult(false, head);
          }
          if (r.get(2) != null) readOnlyIds.extendReverse(padId, r.get(2).toString(), r.get(3).toLong());
          return new AppendResult(true, r.get(1).toLong());
        })
        .recover(failure -> {
          String message = failure.getMessage();
          if (RedisMemory.isOutOfMemory(failure)) {
            return Future.failedFuture(new ardoise.store.StoreFull("pad " + padId + ": redis refuses writes beyond its maxmemory"));
          }
          if (message == null || !message.startsWith("SEQ_NOT_NEW ")) return Future.failedFuture(failure);
          return Future.failedFuture(new SeqNotNewException("pad " + padId + ": " + message.substring(12)));
        });
    return onCaller(result);
  }

  /** commit.lua's arguments, the publish command (index {@value #PUBLISH_ARG}) left for the caller to set. */
  private List<String> commitArgs(String padId, PadKeys keys, long expectedHead, String headRecord, List<OpRecord> records) {
    if (records.isEmpty()) throw new IllegalArgumentException("pad " + padId + ": nothing to append");
    List<String> args = new ArrayList<>(11 + 5 * records.size());
    TextOperation last = records.get(records.size() - 1).op();
    Retention retention = tuning.retention();
    args.add(keys.channel());
    args.add(Long.toString(expectedHead));
    args.add(Integer.toString(last.targetLength()));
    args.add(Integer.toString(records.size()));
    args.add(Long.toString(retention.defaultMs()));
    args.add(Long.toString(retention.maxMs()));
    args.add(Long.toString(System.currentTimeMillis()));
    args.add(Long.toString(RedisReadOnlyIds.MAX_REVERSE_SLACK_MS));
    args.add(null); // PUBLISH_ARG: PUBLISH or SPUBLISH, known once the topology is
    args.add(topology.waitReplicas() > 0 ? "1" : "0");
    args.add(headRecord == null ? "" : headRecord);
    for (int i = 0; i < records.size(); i++) {
      OpRecord r = records.get(i);
      if (r.rev() != expectedHead + 1 + i) {
        throw new IllegalArgumentException("pad " + padId + ": record " + i + " has rev " + r.rev()
            + ", expected " + (expectedHead + 1 + i));
      }
      if (r.clientId() == null || r.author() == null || r.op() == null || r.seq() < 1) {
        throw new IllegalArgumentException("pad " + padId + ": record " + r.rev()
            + " needs a clientId, an author, an op and a seq >= 1");
      }
      RecordCodec.appendArgs(r, args);
    }
    return args;
  }

  @Override
  public Future<List<OpRecord>> ops(String padId, long fromExclusive, long toInclusive) {
    if (toInclusive <= fromExclusive) return onCaller(Future.succeededFuture(List.of()));
    String from = (fromExclusive + 1) + "-0";
    String to = toInclusive + "-0";
    if (topology.waitReplicas() == 0) {
      return onCaller(availability.track(api.xrange(List.of(PadKeys.of(padId).log(), from, to))).map(RecordCodec::records));
    }
    PadKeys keys = PadKeys.of(padId);
    return onCaller(readUnderWait(OPS_READ, List.of(keys.meta(), keys.log()), List.of(from, to, waitFlag()))
        .map(RecordCodec::records));
  }

  /**
   * A read of records that the pad will treat as committed. With a replica wait, the script writes
   * the head again and WAIT follows it: records that an append wrote but whose own wait failed (the
   * pad then reads them back, or another instance hears of them) are served only once that many
   * replicas hold them, so nothing is acknowledged that a failover could take back. Fewer replicas
   * in time fail the read like an outage.
   */
  private Future<Response> readUnderWait(LuaScript script, List<String> keys, List<String> args) {
    if (topology.waitReplicas() == 0) return run(script, keys, args);
    return availability.track(script.runAndWait(redis, keys, args, topology.waitReplicas(), topology.waitTimeoutMs()));
  }

  private String waitFlag() {
    return topology.waitReplicas() > 0 ? "1" : "0";
  }

  @Override
  public Future<Void> saveSnapshot(String padId, Snapshot snapshot) {
    List<String> args = List.of(Long.toString(snapshot.rev()), RecordCodec.snapshotJson(snapshot),
        Integer.toString(tuning.snapshots().kept()));
    return onCaller(run(SAVE_SNAPSHOT, PadKeys.of(padId).forSnapshotSave(), args).mapEmpty());
  }

  @Override
  public Future<Snapshot> snapshotAtOrBefore(String padId, long atMost) {
    return onCaller(run(SNAPSHOT_AT, PadKeys.of(padId).forSnapshots(), List.of(Long.toString(atMost)))
        .map(r -> r == null ? Snapshot.EMPTY : RecordCodec.snapshot(r.toString())));
  }

  @Override
  public Future<Subscription> watch(String padId, LongConsumer onHead) {
    return watch(padId, onHead, () -> { });
  }

  /** The pad's channel carries its heads and, as the word {@code policy}, an owner's stored change. */
  @Override
  public Future<Subscription> watch(String padId, LongConsumer onHead, Runnable onPolicy) {
    return onCaller(feed.watch(padId, onHead, onPolicy).timeout(tuning.commandTimeoutMs(), java.util.concurrent.TimeUnit.MILLISECONDS));
  }

  @Override
  public Future<Boolean> exists(String padId) {
    return onCaller(availability.track(api.exists(List.of(PadKeys.of(padId).meta()))).map(r -> r.toLong() > 0));
  }

  @Override
  public Future<String> readOnlyId(String padId, String candidate) {
    return onCaller(readOnlyIds.readOnlyId(padId, candidate));
  }

  @Override
  public Future<String> padOfReadOnlyId(String readOnlyId) {
    return onCaller(readOnlyIds.padOf(readOnlyId));
  }

  /** Stores the lifetime in {@code meta} and gives it to every key of the pad at once (lifetime-set.lua). */
  @Override
  public Future<Boolean> setLifetime(String padId, Duration lifetime) {
    long ms;
    try {
      ms = tuning.retention().check(lifetime);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return onCaller(channels.sharded().compose(sharded -> run(SET_LIFETIME, PadKeys.of(padId).all(),
        List.of(Long.toString(ms), Long.toString(System.currentTimeMillis()), Long.toString(RedisReadOnlyIds.reverseSlack(ms)),
            PadKeys.of(padId).channel(), CommitChannels.publishCommand(sharded)))).map(r -> {
      if (r == null) return false;
      if (r.get(0) != null) readOnlyIds.extendReverse(padId, r.get(0).toString(), r.get(1).toLong());
      return true;
    }));
  }

  @Override
  public Future<PadPolicy> policy(String padId) {
    return onCaller(availability.track(api.hgetall(PadKeys.policy(padId))).map(reply -> {
      if (reply == null || reply.size() == 0) return PadPolicy.OPEN;
      Response password = reply.get("password");
      Response lifetime = reply.get("lifetime");
      return new PadPolicy(reply.containsKey("locked"), password == null ? null : password.toString(),
          reply.containsKey("protectReadOnly"), lifetime == null ? PadPolicy.NO_LIFETIME : lifetime.toLong());
    }));
  }

  /** One script replaces the hash and gives it the pad's TTL (policy-set.lua). */
  @Override
  public Future<Void> setPolicy(String padId, PadPolicy policy) {
    Retention retention = tuning.retention();
    List<String> keys = List.of(PadKeys.policy(padId), PadKeys.of(padId).meta(), PadKeys.owner(padId));
    return onCaller(channels.sharded().compose(sharded -> run(SET_POLICY, keys, List.of(policy.locked() ? "1" : "",
        policy.hasPassword() ? policy.passwordHash() : "", policy.protectReadOnly() ? "1" : "",
        policy.lifetimeMs() < 0 ? "" : Long.toString(policy.lifetimeMs()), Long.toString(retention.defaultMs()),
        Long.toString(retention.maxMs()), PadKeys.of(padId).channel(), CommitChannels.publishCommand(sharded)))).mapEmpty());
  }

  @Override
  public Future<PadLifetime> lifetime(String padId) {
    Retention retention = tuning.retention();
    List<String> args = List.of(Long.toString(retention.defaultMs()), Long.toString(retention.maxMs()),
        Long.toString(System.currentTimeMillis()));
    return onCaller(run(GET_LIFETIME, List.of(PadKeys.of(padId).meta(), PadKeys.policy(padId)), args)
        .map(r -> new PadLifetime(r.get(0).toLong() == 1, r.get(1).toLong(), r.get(2).toLong())));
  }

  @Override
  public Future<String> rotateReadOnlyId(String padId, String candidate) {
    return onCaller(readOnlyIds.rotate(padId, candidate));
  }

  /** The retention this store applies (the server's settings). */
  public Retention retention() {
    return tuning.retention();
  }

  /**
   * The read-only id's reverse entry goes first ({@link RedisReadOnlyIds#retire}); then delete.lua
   * removes every key of the pad and leaves the pad's tombstone, in one step.
   */
  @Override
  public Future<Boolean> delete(String padId, long tombstoneSeconds) {
    String ttl = Long.toString(tombstoneSeconds);
    Future<Boolean> done = readOnlyIds.retire(padId, ttl).compose(v -> {
      List<String> keys = new ArrayList<>();
      keys.add(PadKeys.deleted(padId));
      keys.addAll(PadKeys.everyKey(padId));
      return run(DELETE, keys, List.of(ttl, Long.toString(System.currentTimeMillis())));
    }).map(removed -> removed.toLong() > 0);
    return onCaller(done);
  }

  @Override
  public Future<Boolean> wasDeleted(String padId) {
    Future<Boolean> deleted = availability.track(api.exists(List.of(PadKeys.deleted(padId)))).compose(t -> t.toLong() == 0
        ? Future.succeededFuture(false)
        : availability.track(api.exists(List.of(PadKeys.of(padId).meta()))).map(m -> m.toLong() == 0));
    return onCaller(deleted);
  }

  @Override
  public Future<Boolean> wasDeletedReadOnlyId(String readOnlyId) {
    return onCaller(readOnlyIds.wasDeleted(readOnlyId));
  }

  @Override
  public Future<String> storedReadOnlyId(String padId) {
    return onCaller(readOnlyIds.stored(padId));
  }

  /** One HMGET of the pad's meta hash: no history is read. */
  @Override
  public Future<ardoise.store.PadEntry> entry(String padId) {
    return onCaller(availability.track(api.hmget(List.of(PadKeys.of(padId).meta(), "head", "lastEdited", "size")))
        .map(meta -> RedisPadListing.entryOf(padId, meta)));
  }

  /** See {@link RedisPadListing}, and {@link RedisClusterListing} on a cluster. */
  @Override
  public Future<ardoise.store.PadListing> listPads(String cursor, int limit) {
    return onCaller(listing.apply(cursor, limit));
  }

  @Override
  public PadNotes notes() {
    return notes;
  }

  @Override
  public ardoise.store.ChatLog chat() {
    return chat;
  }

  /**
   * Redis commands that failed without an answer (the store's own PINGs included), and the times
   * Redis answered again after being unreachable (the pooled client reconnects by itself).
   */
  @Override
  public List<StoreCounter> counters() {
    return List.of(
        new StoreCounter("ardoise.redis.errors", "Redis commands that got no answer (refused, lost, timed out)",
            availability::errorCount),
        new StoreCounter("ardoise.redis.reconnects", "times Redis answered again after being unreachable",
            availability::recoveryCount));
  }

  @Override
  public boolean isAvailable() {
    return availability.isAvailable();
  }

  @Override
  public Future<ardoise.store.StoreMemory> memory() {
    return onCaller(availability.track(api.info(List.of("memory"))).map(r -> RedisMemory.parse(r.toString())));
  }

  @Override
  public Future<Void> close() {
    return onCaller(availability.stop().eventually(feed::close).eventually(subscriber::close).eventually(redis::close));
  }

  private Future<Long> readHead(String padId) {
    return availability.track(api.hget(PadKeys.of(padId).meta(), "head"))
        .map(r -> r == null ? 0L : r.toLong());
  }

  private Future<Response> run(LuaScript script, List<String> keys, List<String> args) {
    return availability.track(script.run(api, keys, args));
  }

  /** Completes on the context that called the store, whatever thread the client answered on. */
  static <T> Future<T> onCaller(Future<T> result) {
    Context caller = Vertx.currentContext();
    if (caller == null) return result;
    Promise<T> promise = Promise.promise();
    result.onComplete(ar -> {
      if (Vertx.currentContext() == caller) promise.handle(ar);
      else caller.runOnContext(v -> promise.handle(ar));
    });
    return promise.future();
  }

  /** The reply of load.lua: {meta pairs, snapshot JSON or nil, ops, seq pairs}, or nil. */
  private static final class StoredPadReply {
    static StoredPad parse(Response r) {
      if (r == null) return null;
      Map<String, String> meta = pairs(r.get(0));
      Snapshot snapshot = r.get(1) == null ? Snapshot.EMPTY : RecordCodec.snapshot(r.get(1).toString());
      List<OpRecord> tail = RecordCodec.records(r.get(2));
      Map<String, ClientSeq> lastSeqs = new HashMap<>();
      pairs(r.get(3)).forEach((clientId, value) -> {
        int colon = value.indexOf(':');
        lastSeqs.put(clientId, new ClientSeq(Long.parseLong(value.substring(0, colon)),
            Long.parseLong(value.substring(colon + 1))));
      });
      return new StoredPad(snapshot, tail, lastSeqs, Long.parseLong(meta.getOrDefault("created", "0")));
    }

    private static Map<String, String> pairs(Response flat) {
      Map<String, String> out = new HashMap<>();
      for (int i = 0; i + 1 < flat.size(); i += 2) out.put(flat.get(i).toString(), flat.get(i + 1).toString());
      return out;
    }
  }
}
