package ardoise;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.http.ServerVerticle;
import ardoise.http.ServerWide;
import ardoise.store.PadStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Reads the configuration, builds Vert.x, deploys the server (one {@link ServerVerticle} per event
 * loop, sharing a {@link ServerWide}) and stops it gracefully on SIGTERM.
 */
public final class App {
  private static final System.Logger LOG = System.getLogger(App.class.getName());
  private static final long SHUTDOWN_SECONDS = 15;

  private final Vertx vertx;
  private final Supplier<Future<Void>> closeStore;
  private final ServerWide wide;
  private final int port;
  private final String deploymentId;

  private App(Vertx vertx, Supplier<Future<Void>> closeStore, ServerWide wide, int port, String deploymentId) {
    this.vertx = vertx;
    this.closeStore = closeStore;
    this.wide = wide;
    this.port = port;
    this.deploymentId = deploymentId;
  }

  public static void main(String[] args) throws Exception {
    Config config;
    try {
      config = Config.load(Path.of("conf", "config.json"), System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    App app;
    try {
      app = start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      System.err.println("Ardoise could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "Ardoise listening on http://{0}:{1,number,#}", config.host(), app.port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stopAndWait(SHUTDOWN_SECONDS), "ardoise-shutdown"));
  }

  /**
   * Starts a server with its own Redis store (see {@link Storage}): the one at ARDOISE_REDIS_URL, else
   * an embedded redis-server in the data directory. Blocks while that redis-server starts: call it
   * from main or a test thread, never from an event loop.
   */
  public static Future<App> start(Config config) {
    Vertx vertx = newVertx(config);
    Storage storage;
    try {
      storage = Storage.open(vertx, config);
    } catch (IOException | RuntimeException e) {
      CompletableFuture<App> failed = new CompletableFuture<>();
      closeVertx(vertx, () -> failed.completeExceptionally(e));
      return Future.fromCompletionStage(failed);
    }
    return start(vertx, config, storage.store(), storage::close);
  }

  /** Starts a server on {@code store}, shared with the caller (two instances on one store in tests). */
  public static Future<App> start(Config config, PadStore store) {
    return start(newVertx(config), config, store, Future::succeededFuture);
  }

  /** Vert.x with at least as many event-loop threads as the server has loops (its default is 2 per processor). */
  private static Vertx newVertx(Config config) {
    int threads = Math.max(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE, config.eventLoopCount());
    return Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(threads)).build();
  }

  private static Future<App> start(Vertx vertx, Config config, PadStore store, Supplier<Future<Void>> closeStore) {
    int loops = config.eventLoopCount();
    ServerWide wide = new ServerWide(store, loops);
    List<ServerVerticle> instances = new ArrayList<>();
    // Why listen only after the deployment: a connection may ask for a pad of any shard, so every
    // instance must have installed its shard before the first one accepts a connection.
    Future<String> deployed = vertx.deployVerticle(() -> {
      synchronized (instances) {
        ServerVerticle v = new ServerVerticle(config, store, wide, instances.size());
        instances.add(v);
        return v;
      }
    }, new DeploymentOptions().setInstances(loops));
    // A plain CompletableFuture for the same reason as in stop(): a failed start closes Vert.x.
    CompletableFuture<App> started = new CompletableFuture<>();
    deployed.compose(id -> listenAll(instances, config.port()).map(port -> new App(vertx, closeStore, wide, port, id)))
        .onComplete(r -> {
          if (r.succeeded()) {
            started.complete(r.result());
          } else {
            wide.metrics().close();
            closeStore.get().onComplete(x -> closeVertx(vertx, () -> started.completeExceptionally(r.cause())));
          }
        });
    return Future.fromCompletionStage(started);
  }

  /** Every instance listens on the same port (a free one shared by all for 0: see {@link ServerVerticle#listen}). */
  private static Future<Integer> listenAll(List<ServerVerticle> instances, int port) {
    List<Future<Integer>> bound = new ArrayList<>();
    for (ServerVerticle v : instances) bound.add(v.listen(port));
    return Future.all(bound).map(all -> bound.get(0).result());
  }

  public int port() {
    return port;
  }

  /** The parts every event loop shares (tests read the pad shards). */
  public ServerWide wide() {
    return wide;
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
        .andThen(r -> wide.metrics().close());
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

  /** {@link #stop()} waiting at most {@code seconds} (the JVM exits after a shutdown hook returns). */
  public void stopAndWait(long seconds) {
    try {
      stop().get(seconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "pad=- client=- shutdown did not finish cleanly: {0}", e.toString());
    }
  }
}
