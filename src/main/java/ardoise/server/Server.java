package ardoise.server;

import ardoise.config.Config;
import ardoise.pad.PadShards;
import ardoise.store.PadStore;
import ardoise.store.SnapshotPolicy;
import io.vertx.core.DeploymentOptions;
import ardoise.http.share.LanAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running server, built plainly: Vert.x, the store (see {@link Storage}), the parts the loops
 * share ({@link ServerWide}), then one {@link ServerLoop} per event loop, each hosting a shard of the
 * pads and listening on the shared port. {@link #stop} undoes it in reverse.
 */
public final class Server {
  private static final System.Logger LOG = System.getLogger(Server.class.getName());
  // Why 8: Docker and systemd (TimeoutStopSec in conf/ardoise.service) kill after 10 s; the hook must end first.
  private static final long SHUTDOWN_SECONDS = 8;

  private final Vertx vertx;
  private final Supplier<Future<Void>> closeStore;
  private final ServerWide wide;
  private final String deploymentId;

  private Server(Vertx vertx, Supplier<Future<Void>> closeStore, ServerWide wide, String deploymentId) {
    this.vertx = vertx;
    this.closeStore = closeStore;
    this.wide = wide;
    this.deploymentId = deploymentId;
  }

  /**
   * Starts a server with its own Redis store: the one at ARDOISE_REDIS_URL, else an embedded
   * redis-server in the data directory. Blocks while that redis-server starts: call it from main or
   * a test thread, never from an event loop.
   */
  public static Future<Server> start(Config config) {
    Vertx vertx = newVertx(config);
    SnapshotPolicy snapshots = snapshotPolicy(config);
    Storage storage;
    try {
      storage = Storage.open(vertx, config, snapshots);
    } catch (IOException | RuntimeException e) {
      CompletableFuture<Server> failed = new CompletableFuture<>();
      closeVertx(vertx, () -> failed.completeExceptionally(e));
      return Future.fromCompletionStage(failed);
    }
    return start(vertx, config, snapshots, storage.store(), storage::close, LanAddresses.system());
  }

  /** Starts a server on {@code store}, shared with the caller (two instances on one store in tests). */
  public static Future<Server> start(Config config, PadStore store) {
    return start(config, store, LanAddresses.system());
  }

  /** As {@link #start(Config, PadStore)}, with the network interfaces share links are offered from (tests fix them). */
  public static Future<Server> start(Config config, PadStore store, LanAddresses.Source interfaces) {
    return start(newVertx(config), config, snapshotPolicy(config), store, Future::succeededFuture, interfaces);
  }

  /** The one snapshot policy of a server, given to its pads and to its store. */
  private static SnapshotPolicy snapshotPolicy(Config config) {
    return SnapshotPolicy.DEFAULT.every(config.snapshotEveryOps());
  }

  /**
   * Vert.x with at least as many event-loop threads as the server has loops (its default is 2 per
   * processor), on Netty's native epoll transport where it loads (Linux, x86-64 or arm64): an idle
   * socket holds about half a KiB less heap than on NIO. Elsewhere Vert.x falls back to NIO.
   */
  private static Vertx newVertx(Config config) {
    int threads = Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, config.eventLoopCount());
    return Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(threads).setPreferNativeTransport(true)).build();
  }

  private static Future<Server> start(Vertx vertx, Config config, SnapshotPolicy snapshots, PadStore store,
      Supplier<Future<Void>> closeStore, LanAddresses.Source interfaces) {
    ServerWide wide = new ServerWide(vertx, config, store, snapshots, new LanAddresses(interfaces));
    // A plain CompletableFuture for the same reason as in stop(): a failed start closes Vert.x.
    CompletableFuture<Server> started = new CompletableFuture<>();
    // The pages' files are read before the loops start: reading them is blocking.
    vertx.executeBlocking(ardoise.http.Routes::assets, false)
        .compose(assets -> vertx.deployVerticle(() -> new ServerLoop(wide), new DeploymentOptions().setInstances(config.eventLoopCount())))
        .compose(id -> MetricsListener.start(vertx, config, wide.metrics).map(listener -> id))
        .onComplete(r -> {
          if (r.succeeded()) {
            started.complete(new Server(vertx, closeStore, wide, r.result()));
          } else {
            wide.http.exports().close();
            wide.metrics.close();
            closeStore.get().onComplete(x -> closeVertx(vertx, () -> started.completeExceptionally(r.cause())));
          }
        });
    return Future.fromCompletionStage(started);
  }

  /** The port the server listens on (the actual one when the configured port is 0). */
  public int port() {
    return wide.port();
  }

  /** The sockets' transport: Netty's native epoll on Linux when its library loads, else Java's NIO. */
  public String transport() {
    return vertx.isNativeTransportEnabled() ? "native epoll" : "NIO";
  }

  /** The pads of this server (tests read their registries). */
  public PadShards shards() {
    return wide.shards;
  }

  /**
   * Undeploys (sockets get a close frame, pads store their queued ops), closes the store, then Vert.x.
   * A plain CompletableFuture: a Vert.x future would try to complete on an event loop that is gone.
   */
  public CompletableFuture<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    release().onComplete(r -> closeVertx(vertx, () -> done.complete(null)));
    return done;
  }

  private Future<Void> release() {
    return vertx.undeploy(deploymentId)
        .recover(e -> {
          LOG.log(System.Logger.Level.WARNING, "pad=- client=- undeploy failed: {0}", e.toString());
          return Future.succeededFuture();
        })
        .compose(v -> closeStore.get())
        .andThen(r -> wide.http.exports().close())
        .andThen(r -> wide.metrics.close());
  }

  /** {@link #stop()} waiting at most {@code seconds} (the JVM exits after a shutdown hook returns). */
  public void stopAndWait(long seconds) {
    try {
      stop().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "pad=- client=- shutdown did not finish cleanly: {0}", e.toString());
    }
  }

  /** How long a shutdown may take before the process exits anyway. */
  public static long shutdownSeconds() {
    return SHUTDOWN_SECONDS;
  }

  /**
   * Closes Vert.x from a plain thread and runs {@code then} there. Why: a future bound to an event
   * loop cannot deliver its result once that loop is shut down (RejectedExecutionException).
   */
  private static void closeVertx(Vertx vertx, Runnable then) {
    Thread closer = new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "pad=- client=- closing Vert.x failed: {0}", e.toString());
      }
      then.run();
    }, "ardoise-close");
    closer.start();
  }
}
