package ardoise.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The base of every browser test: the tier tag {@code browser} (left out by {@code mvn test -Pfast}),
 * one real in-process pad server per class, and the browsers a test starts, closed after it.
 */
@Tag("browser")
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
    RuntimeException failure = null;
    for (BrowserSession browser : browsers) {
      try {
        browser.close();
      } catch (RuntimeException e) {
        // Why go on: a browser left running would slow every later test on a two-core machine.
        if (failure == null) failure = e;
        else failure.addSuppressed(e);
      }
    }
    browsers.clear();
    if (failure != null) throw failure;
  }

  /** A headless Chromium of that size and language, closed after the test. */
  protected BrowserSession browser(int width, int height, String language) {
    BrowserSession b = BrowserSession.start(width, height, language);
    browsers.add(b);
    return b;
  }
}
