package ardoise.http.etherpad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ardoise.server.ServerFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/**
 * Keys sent in the address, as Etherpad's clients send them, and pad text sent through the Etherpad
 * routes never reach a log line at any level (debug lines too: an operator may turn them on), the
 * access log's included (ARDOISE_ACCESS_LOG=on), whether the call succeeds, fails, or uses a wrong key.
 */
class EtherpadKeysStayOutOfLogsTest {
  private static final String KEY = "cle-etherpad-7d41c0e9a2";
  private static final String WRONG = "cle-fausse-3b8e5f0142aa";
  private static final String TEXT = "Hermineconfidentielle58ad";

  @Test
  void noLogLineHoldsAKeyOrPadText() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override public void publish(LogRecord record) {
        // The test's own HTTP client logs what it sends; the server's lines are what this test reads.
        if (record.getLoggerName() == null || !record.getLoggerName().startsWith("jdk.internal.httpclient")) records.add(record);
      }
      @Override public void flush() {}
      @Override public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    try (ServerFixture server = ServerFixture.start(Map.of("ARDOISE_ACCESS_LOG", "on", "ARDOISE_MAX_PAD_CHARS", "200",
        "ARDOISE_API_KEYS", "moodle:write:" + KEY))) {
      EtherpadRawCalls calls = new EtherpadRawCalls(server.app.port());
      assertEquals(0, calls.get("/api/1.2.13/createPad", Map.of("apikey", KEY, "padID", "journal", "text", TEXT)).code());
      assertEquals(0, calls.get("/api/1.2.13/appendText", Map.of("apikey", KEY, "padID", "journal", "text", TEXT)).code());
      assertEquals(0, calls.get("/api/1.2.13/getText", Map.of("apikey", KEY, "padID", "journal")).code());
      assertEquals(1, calls.get("/api/1.2.13/setText", Map.of("apikey", KEY, "padID", "journal", "text", TEXT.repeat(20))).code());
      assertEquals(1, calls.get("/api/1.2.13/getText", Map.of("apikey", KEY, "padID", TEXT.toLowerCase())).code());
      assertEquals(4, calls.get("/api/1.2.13/getText", Map.of("apikey", WRONG, "padID", "journal")).code());
      assertEquals(3, calls.get("/api/9/getText", Map.of("apikey", KEY, "padID", TEXT)).code());
      assertEquals(413, calls.post("/api/1.2.13/setText", Map.of("apikey", KEY, "padID", "journal", "text", TEXT.repeat(3000))).status());
      server.stopServer();
    } finally {
      root.removeHandler(capture);
      root.setLevel(level);
    }
    SimpleFormatter format = new SimpleFormatter();
    StringBuilder all = new StringBuilder();
    for (LogRecord r : records) {
      all.append(format.format(r));
      if (r.getThrown() != null) {
        StringWriter trace = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(trace));
        all.append(trace);
      }
    }
    String log = all.toString();
    assertTrue(log.contains("GET /api/1.2.13/getText 200"), "the access log wrote the calls:\n" + log);
    for (String secret : List.of(KEY, WRONG, TEXT, TEXT.toLowerCase())) {
      assertTrue(!log.contains(secret), secret + " in the log:\n" + log);
    }
  }
}
