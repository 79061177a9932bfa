package ardoise;

import ardoise.config.Config;
import ardoise.config.ConfigException;
import ardoise.config.Version;
import ardoise.server.LogOutput;
import ardoise.server.Server;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The command: reads the command line and the configuration, starts the {@link Server}, stops it gracefully on SIGTERM. */
public final class App {
  private static final System.Logger LOG = System.getLogger(App.class.getName());

  private App() {}

  public static void main(String[] args) throws Exception {
    CommandLine command;
    Config config;
    try {
      command = CommandLine.parse(args, System.getenv());
      if (command.action() == CommandLine.Action.HELP) {
        System.out.println(CommandLine.HELP);
        return;
      }
      if (command.action() == CommandLine.Action.HEALTH_CHECK) {
        System.exit(HealthProbe.check(command.probeUrl(), System.out));
        return;
      }
      if (command.action() == CommandLine.Action.VERSION) {
        System.out.println("Ardoise " + Version.current());
        return;
      }
      config = command.configFile() == null ? Config.loadBundled(System.getenv())
          : Config.load(command.configFile(), System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("ardoise: " + e.getMessage() + " (--help tells the usage)");
      System.exit(2);
      return;
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    LogOutput.install(config);
    Server server;
    try {
      server = Server.start(config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      System.err.println("Ardoise could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    LOG.log(System.Logger.Level.INFO, "Ardoise {0} listening on http://{1}:{2,number,#} ({3} sockets)", Version.current(),
        config.host(), server.port(), server.transport());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopAndWait(Server.shutdownSeconds()), "ardoise-shutdown"));
  }
}
