package ardoise.browser;

import ardoise.http.share.LanAddresses;
import ardoise.server.Server;
import ardoise.config.Config;
import ardoise.store.InMemoryPadStore;
import ardoise.store.OpRecord;
import ardoise.store.StoredPad;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * The real Ardoise server for browser tests, started in this JVM on a free port with an in-memory
 * store, plus a {@link CuttableProxy} in front of it so a test can cut one page's network for real.
 */
final class PadServer implements AutoCloseable {
  private final Server app;
  private final InMemoryPadStore store;
  private final Vertx proxyVertx;
  private final CuttableProxy proxy;
  private final int proxyPort;

  private PadServer(Server app, InMemoryPadStore store, Vertx proxyVertx, CuttableProxy proxy, int proxyPort) {
    this.app = app;
    this.store = store;
    this.proxyVertx = proxyVertx;
    this.proxy = proxy;
    this.proxyPort = proxyPort;
  }

  static PadServer start() {
    return start(Map.of());
  }

  /** With some settings changed, keyed by environment variable (e.g. ARDOISE_MAX_PAD_CHARS). */
  static PadServer start(Map<String, String> settings) {
    return start(settings, LanAddresses.fixed(java.util.List.of()));
  }

  /** With the network interfaces share links are offered from (none in {@link #start(Map)}). */
  static PadServer start(Map<String, String> settings, LanAddresses.Source interfaces) {
    InMemoryPadStore store = new InMemoryPadStore();
    Map<String, String> values = new java.util.HashMap<>(settings);
    values.put("ARDOISE_PORT", "0");
    values.put("ARDOISE_HOST", "127.0.0.1");
    Config config = Config.fromValues(values);
    Server app = Server.start(config, store, interfaces).await();
    Vertx proxyVertx = Vertx.vertx();
    CuttableProxy proxy = new CuttableProxy(proxyVertx, app.port());
    int proxyPort = proxy.start().await();
    return new PadServer(app, store, proxyVertx, proxy, proxyPort);
  }

  /** An address straight on the server, e.g. {@code url("/pad.html?pad=x")}. */
  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** Opens a pad straight on the server, answers the first-visit name prompt, waits until it is editable. */
  org.openqa.selenium.WebElement openPadAs(BrowserSession browser, String pad, String name) {
    browser.open(url("/pad.html?pad=" + pad));
    browser.await().until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
        org.openqa.selenium.By.id("profile-name"))).sendKeys(name);
    browser.driver().findElement(org.openqa.selenium.By.cssSelector(".profile-form button[type=submit]")).click();
    return awaitEditable(browser);
  }

  /** The editor accepts typing once the pad is joined (before that it shows the pad read-only). */
  static org.openqa.selenium.WebElement awaitEditable(BrowserSession browser) {
    return browser.await().until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(
        org.openqa.selenium.By.cssSelector(".cm-content[contenteditable=true]")));
  }

  /** The pad's address straight on the server. */
  String directUrl(String padId) {
    return "http://127.0.0.1:" + app.port() + "/p/" + padId;
  }

  /** The pad's address through the cuttable proxy (another origin: its own storage and worker). */
  String proxiedUrl(String padId) {
    return "http://127.0.0.1:" + proxyPort + "/p/" + padId;
  }

  CuttableProxy proxy() {
    return proxy;
  }

  /** The text the server has acknowledged: the stored snapshot with every stored op after it. */
  String text(String padId) {
    StoredPad pad = store.load(padId).await();
    if (pad == null) return "";
    String text = pad.snapshot().doc().text();
    for (OpRecord record : pad.tail()) text = record.op().apply(text);
    return text;
  }

  /** Writes {@code text} as revision 1 of {@code padId} straight into the store (e.g. a pad stored under an older spelling). */
  void store(String padId, String text) {
    ardoise.ot.TextOperation op = ardoise.ot.TextOperation.builder().insert(text, "author-seed").build();
    store.append(padId, 0, java.util.List.of(new OpRecord(1, op, "client-seed", 1, "author-seed", System.currentTimeMillis()))).await();
  }

  /** The pad's address as the facilitator's own machine opens it: through localhost. */
  String localhostUrl(String path) {
    return "http://localhost:" + app.port() + path;
  }

  long head(String padId) {
    StoredPad pad = store.load(padId).await();
    return pad == null ? 0 : pad.head();
  }

  @Override
  public void close() {
    try {
      proxy.close().await();
      proxyVertx.close().await();
    } finally {
      app.stopAndWait(15);
    }
  }
}
