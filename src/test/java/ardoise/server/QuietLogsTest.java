package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed addresses, sent over and over, get a 400 each and leave no line in a production log. */
class QuietLogsTest {
  private final ServerFixture server = ServerFixture.start(Map.of());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.INFO.intValue()) records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
    server.close();
  }

  @Test
  void malformedAddressesAreAnsweredNotLogged() {
    Logger.getLogger("").addHandler(capture);
    for (int i = 0; i < 25; i++) {
      String uri = List.of("/%ZZ", "/p/%E0%A4%A", "/api/pads/%zz/links", "/r/%G1", "/p/x%/export/pdf").get(i % 5);
      assertEquals(400, server.get(uri).status(), uri);
    }
    assertEquals(List.of(), records.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + ": " + r.getMessage()
        + (r.getThrown() == null ? "" : " " + r.getThrown())).toList());
  }
}
