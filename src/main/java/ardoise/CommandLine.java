package ardoise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code java -jar ardoise.jar [--config FILE] [--version] [--help]} asks for. The settings file
 * comes from {@code --config} or, failing that, {@code ARDOISE_CONFIG}; without either, the
 * defaults bundled in the jar are used. ARDOISE_* variables override the file either way.
 * {@code --health-check [URL]} asks a running server instead ({@link HealthProbe}): container images
 * need no curl or wget for their health check.
 */
record CommandLine(Action action, Path configFile, String probeUrl) {
  enum Action { RUN, VERSION, HELP, HEALTH_CHECK }

  static final String CONFIG_VARIABLE = "ARDOISE_CONFIG";

  static final String HELP = """
      Usage: java -jar ardoise.jar [--config FILE] [--version] [--help] [--health-check [URL]]

      Starts the Ardoise pad server (http://localhost:9000 unless ARDOISE_PORT says otherwise).
      Without ARDOISE_REDIS_URL it starts its own redis-server, which keeps the pads in ./data
      (ARDOISE_DATA_DIR), and stops it when Ardoise stops (Ctrl-C or SIGTERM).

        --config FILE   read the settings from FILE (JSON, the keys of the bundled conf/config.json)
                        instead of the defaults; the same as ARDOISE_CONFIG=FILE.
                        ARDOISE_* environment variables override the file.
        --version       print the version and exit
        --help          print this help and exit
        --health-check [URL]
                        ask a running server whether it is ready and exit 0 if it is, 1 if not
                        (URL: http://127.0.0.1:$ARDOISE_PORT/health/ready by default)

      Every setting: README.md, "Configuration".""";

  /** Throws {@link IllegalArgumentException} with a message for the person who typed the command. */
  static CommandLine parse(String[] args, Map<String, String> env) {
    Action action = Action.RUN;
    Path config = null;
    String configFrom = null;
    String probe = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--version", "-V" -> action = action == Action.HELP ? action : Action.VERSION;
        case "--help", "-h" -> action = Action.HELP;
        case "--health-check" -> {
          action = action == Action.RUN ? Action.HEALTH_CHECK : action;
          probe = i + 1 < args.length && !args[i + 1].startsWith("-") ? args[++i] : null;
          if (probe != null && !probe.startsWith("http://") && !probe.startsWith("https://")) {
            throw new IllegalArgumentException("--health-check needs an http:// or https:// URL, got '" + probe + "'");
          }
        }
        case "--config" -> {
          if (i + 1 >= args.length || args[i + 1].isBlank()) throw new IllegalArgumentException("--config needs a file name");
          config = Path.of(args[++i]);
          configFrom = "--config";
        }
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    String fromEnv = env.get(CONFIG_VARIABLE);
    if (config == null && fromEnv != null && !fromEnv.isBlank()) {
      config = Path.of(fromEnv);
      configFrom = CONFIG_VARIABLE;
    }
    // Why: a mistyped name must not start a server on the defaults, with the operator believing otherwise.
    if (action == Action.RUN && config != null && !Files.isRegularFile(config)) {
      throw new IllegalArgumentException(configFrom + " names no file: " + config.toAbsolutePath());
    }
    if (action == Action.HEALTH_CHECK && probe == null) {
      String port = env.getOrDefault("ARDOISE_PORT", "9000").strip();
      probe = "http://127.0.0.1:" + (port.matches("[0-9]{1,5}") ? port : "9000") + "/health/ready";
    }
    return new CommandLine(action, config, probe);
  }
}
