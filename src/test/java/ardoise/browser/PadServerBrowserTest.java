package ardoise.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Browser tests against one real in-process server per class, with browsers closed after each test. */
abstract class PadServerBrowserTest {
  protected static PadServer server;
  protected final List<BrowserSession> browsers = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = PadServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(BrowserSession::close);
  }

  /** A headless Chromium of that size and language, closed after the test. */
  protected BrowserSession browser(int width, int height, String language) {
    BrowserSession b = BrowserSession.start(width, height, language);
    browsers.add(b);
    return b;
  }
}
