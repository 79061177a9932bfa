package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** ARDOISE_LOG_FORMAT: every record is one line, in text or JSON; nobody can add a line through a message. */
class LogLinesTest {
  private static LogRecord record(String message, Object... params) {
    LogRecord r = new LogRecord(Level.WARNING, message);
    r.setLoggerName("ardoise.server.Storage");
    r.setMillis(1_796_478_869_123L); // 2026-12-05T13:54:29.123Z
    r.setParameters(params);
    return r;
  }

  @Test
  void textIsOneLineWithTimeLevelLoggerAndMessage() {
    String line = new LogLines(false).format(record("pad={0} client=- store failed: {1}", "atelier", "timeout"));
    assertEquals("2026-12-05T13:54:29.123Z WARNING ardoise.server.Storage: pad=atelier client=- store failed: timeout"
        + System.lineSeparator(), line);
  }

  @Test
  void aLineBreakInAMessageCannotStartAnotherLine() {
    String line = new LogLines(false).format(record("pad={0} client=- refused", "x\n2026-12-05T00:00:00.000Z SEVERE forged"));
    assertEquals(1, line.split(System.lineSeparator()).length, line);
    assertTrue(line.contains("x\\n2026-12-05T00:00:00.000Z SEVERE forged"), line);
  }

  @Test
  void jsonIsOneObjectPerLineWithTheThrownCause() throws IOException {
    LogRecord r = record("pad=- client=- closing Vert.x failed: {0}", "boom");
    r.setThrown(new IOException("disk\nfull"));
    String line = new LogLines(true).format(r);
    assertTrue(line.endsWith(System.lineSeparator()) && line.strip().indexOf('\n') < 0, line);
    JsonObject json = new JsonObject(line.strip());
    assertEquals("2026-12-05T13:54:29.123Z", json.getString("time"));
    assertEquals("WARNING", json.getString("level"));
    assertEquals("ardoise.server.Storage", json.getString("logger"));
    assertEquals("pad=- client=- closing Vert.x failed: boom", json.getString("message"));
    assertTrue(json.getString("thrown").startsWith("java.io.IOException: disk\nfull at ardoise.server.LogLinesTest"), json.getString("thrown"));
  }
}
