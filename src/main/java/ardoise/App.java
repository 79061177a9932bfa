package ardoise;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.server.Server;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The command: reads the configuration, starts the {@link Server}, stops it gracefully on SIGTERM. */
public final class App {
  private static final System.Logger LOG = System.getLogger(App.class.getName());

  private App() {}

  public static void main(String[] args) throws Exception {
    Config config;
    try {
      config = Config.load(Path.of("conf", "config.json"), System.getenv());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Server server;
    try {
      server = Server.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      System.err.println("Ardoise could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "Ardoise listening on http://{0}:{1,number,#}", config.host(), server.port());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopAndWait(Server.shutdownSeconds()), "ardoise-shutdown"));
  }
}
