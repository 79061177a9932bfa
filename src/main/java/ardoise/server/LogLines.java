package ardoise.server;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record, one line (ARDOISE_LOG_FORMAT): {@code text} is
 * {@code 2026-12-05T13:34:29.123Z INFO ardoise.server.Storage: message [thrown: …]};
 * {@code json} is {@code {"time","level","logger","message"[,"thrown"]}}. A line break inside a
 * message is written as {@code \n}, so that nobody can forge a second line through what they send.
 * Stack traces are cut to the exception and the frame that threw it: a log collector keeps lines.
 */
final class LogLines extends Formatter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final boolean json;

  LogLines(boolean json) {
    this.json = json;
  }

  @Override
  public String format(LogRecord record) {
    String time = TIME.format(Instant.ofEpochMilli(record.getMillis()));
    String message = formatMessage(record);
    String thrown = thrown(record.getThrown());
    if (json) {
      JsonObject line = new JsonObject().put("time", time).put("level", record.getLevel().getName())
          .put("logger", record.getLoggerName()).put("message", message);
      if (thrown != null) line.put("thrown", thrown);
      return line.encode() + System.lineSeparator();
    }
    StringBuilder line = new StringBuilder(time).append(' ').append(record.getLevel().getName()).append(' ')
        .append(record.getLoggerName()).append(": ").append(message);
    if (thrown != null) line.append(" [thrown: ").append(thrown).append(']');
    return oneLine(line.toString()) + System.lineSeparator();
  }

  private static String thrown(Throwable t) {
    if (t == null) return null;
    StackTraceElement[] frames = t.getStackTrace();
    return t + (frames.length == 0 ? "" : " at " + frames[0]);
  }

  private static String oneLine(String text) {
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }
}
