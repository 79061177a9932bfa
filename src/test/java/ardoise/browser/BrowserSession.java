package ardoise.browser;

import ardoise.testing.TestTools;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium driven by Selenium, with a fresh profile, a window size and a
 * preferred language. Runs the Chromium and chromedriver {@link TestTools} finds (on PATH, or named
 * by ARDOISE_CHROMIUM / ARDOISE_CHROMEDRIVER) and fails loudly when they are missing: browser tests never skip.
 */
public final class BrowserSession implements AutoCloseable {

  private static final int PHONE_WIDTH = 600;
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration AWAIT_LIMIT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final Path profile;
  private final List<String> consoleErrors = new ArrayList<>();

  private BrowserSession(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts Chromium with a viewport of width × height CSS pixels (a phone's, emulated, below
   * 600 px) preferring `language` (e.g. "fr-FR").
   */
  public static BrowserSession start(int width, int height, String language) {
    return start(width, height, language, List.of());
  }

  /** The same with more Chromium flags (the page-load benchmark trusts its proxy's self-signed certificate). */
  public static BrowserSession start(int width, int height, String language, List<String> moreArguments) {
    File chromium = TestTools.chromium().toFile();
    File chromedriver = TestTools.chromedriver().toFile();
    Path profile = createProfileDirectory();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--lang=" + language, "--hide-scrollbars", "--force-device-scale-factor=1");
    options.addArguments(moreArguments);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.split("-")[0]));
    if (width < PHONE_WIDTH) {
      // Headless windows do not shrink below ~500 px: emulate the phone's viewport instead.
      options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
          Map.of("width", width, "height", height, "pixelRatio", 1.0, "touch", true, "mobile", true)));
    }
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logging);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
    return new BrowserSession(new ChromeDriver(service, options), profile);
  }

  private static Path createProfileDirectory() {
    try {
      return Files.createTempDirectory("ardoise-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    collectConsole();
    driver.get(url);
  }

  /**
   * A wait for page conditions. The bound only stops a broken page from hanging the build: it leaves
   * room for pages that load their modules and join their pad while other builds and browsers share
   * the two cores, and costs nothing when the condition comes true.
   */
  public WebDriverWait await() {
    return new WebDriverWait(driver, AWAIT_LIMIT);
  }

  /** Saves the visible page to target/screenshots/NAME.png and returns the path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Console messages of level SEVERE (errors, CSP violations, failed module loads) seen so far. */
  public List<String> consoleErrors() {
    collectConsole();
    return List.copyOf(consoleErrors);
  }

  private void collectConsole() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) consoleErrors.add(entry.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
