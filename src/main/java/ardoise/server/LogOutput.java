package ardoise.server;

import ardoise.config.Config;
import ardoise.config.Setting;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the log goes: java.util.logging, the one backend (the server writes through System.Logger,
 * Vert.x, Netty and PDFBox's commons-logging find java.util.logging when no other library is on the
 * class path, and none is). One handler on the root logger writes {@link LogLines} to standard error,
 * INFO and above. Called once, by the command ({@code App}), never by tests, which read the records.
 */
public final class LogOutput {
  private LogOutput() {}

  public static void install(Config config) {
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) root.removeHandler(h);
    Handler console = new ConsoleHandler();
    console.setFormatter(new LogLines("json".equals(config.text(Setting.LOG_FORMAT))));
    console.setLevel(Level.INFO);
    try {
      console.setEncoding(StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e); // UTF-8 is always there
    }
    root.addHandler(console);
    root.setLevel(Level.INFO);
  }
}
