package ardoise;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.http.ServerVerticle;
import ardoise.store.InMemoryPadStore;
import ardoise.store.PadStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reads the configuration, builds Vert.x, deploys the server and stops it gracefully on SIGTERM. */
public final class App {
  private static final System.Logger LOG = System.getLogger(App.class.getName());
  private static final long SHUTDOWN_SECONDS = 15;

  private final Vertx vertx;
  private final PadStore store;
  private final boolean ownsStore;
  private final ServerVerticle verticle;
  private final String deploymentId;

  private App(Vertx vertx, PadStore store, boolean ownsStore, ServerVerticle verticle, String deploymentId) {
    this.vertx = vertx;
    this.store = store;
    this.ownsStore = ownsStore;
    this.verticle = verticle;
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
    App app = start(config).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    LOG.log(System.Logger.Level.INFO, "Ardoise listening on http://{0}:{1,number,#}", config.host(), app.port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> app.stopAndWait(SHUTDOWN_SECONDS), "ardoise-shutdown"));
  }

  /** The store used when none is given. The Redis store replaces this as the default later. */
  static PadStore createStore(Vertx vertx, Config config) {
    return new InMemoryPadStore();
  }

  /** Starts a server with its own store. */
  public static Future<App> start(Config config) {
    Vertx vertx = Vertx.builder().build();
    return start(vertx, config, createStore(vertx, config), true);
  }

  /** Starts a server on {@code store}, shared with the caller (two instances on one store in tests). */
  public static Future<App> start(Config config, PadStore store) {
    return start(Vertx.builder().build(), config, store, false);
  }

  private static Future<App> start(Vertx vertx, Config config, PadStore store, boolean ownsStore) {
    ServerVerticle verticle = new ServerVerticle(config, store);
    return vertx.deployVerticle(verticle)
        .map(id -> new App(vertx, store, ownsStore, verticle, id))
        .recover(e -> vertx.close().transform(x -> Future.failedFuture(e)));
  }

  public int port() {
    return verticle.port();
  }

  public ServerVerticle verticle() {
    return verticle;
  }

  /**
   * Undeploys (sockets get a close frame, pads store their queued ops), closes the store, then Vert.x.
   * A plain CompletableFuture: a Vert.x future would try to complete on an event loop that is gone.
   */
  public CompletableFuture<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.undeploy(deploymentId)
        .recover(e -> {
          LOG.log(System.Logger.Level.WARNING, "pad=- client=- undeploy failed: {0}", e.toString());
          return Future.succeededFuture();
        })
        .compose(v -> ownsStore ? store.close() : Future.succeededFuture())
        .onComplete(r -> vertx.close().onComplete(c -> done.complete(null)));
    return done;
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
